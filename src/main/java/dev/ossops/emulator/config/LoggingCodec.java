package dev.ossops.emulator.config;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.xml.XmlReader;
import dev.ossops.emulator.xml.XmlWriter;
import org.w3c.dom.Element;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code ?logging}: PutBucketLogging / GetBucketLogging / DeleteBucketLogging. */
public final class LoggingCodec extends XmlConfigCodec<LoggingConfiguration> {
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
    /** TargetPrefix limit (troubleshooting page 0032-00000006: "must not exceed 256 characters"). */
    static final int MAX_PREFIX_LENGTH = 256;

    public LoggingCodec() {
        super("logging");
    }

    /** Logging that was never enabled answers an empty {@code BucketLoggingStatus}. */
    @Override
    public StoredConfig whenUnset(String bucket) {
        return stored(LoggingConfiguration.DISABLED);
    }

    /** Parses and validates a {@code BucketLoggingStatus}; without {@code LoggingEnabled} it disables logging. */
    @Override
    public LoggingConfiguration parse(byte[] body) {
        Element root = XmlReader.parse(body, "BucketLoggingStatus");
        ConfigXml.onlyChildren(root, Set.of("LoggingEnabled"));
        Optional<Element> enabled = XmlReader.child(root, "LoggingEnabled");
        if (enabled.isEmpty()) {
            return LoggingConfiguration.DISABLED;
        }
        ConfigXml.onlyChildren(enabled.get(), Set.of("TargetBucket", "TargetPrefix"));
        String target = ConfigXml.required(enabled.get(), "TargetBucket");
        if (!BUCKET_NAME.matcher(target).matches()) {
            throw ConfigXml.invalid("The target bucket name is not valid.", "TargetBucket", target);
        }
        Optional<String> prefix = XmlReader.text(enabled.get(), "TargetPrefix").filter(s -> !s.isEmpty());
        if (prefix.isPresent() && prefix.get().length() > MAX_PREFIX_LENGTH) {
            throw invalidPrefix(OssError.LOGGING_PREFIX_TOO_LONG, prefix.get());
        }
        // Page 0032-00000005: the prefix must not start with '/' or '\'.
        if (prefix.isPresent() && (prefix.get().startsWith("/") || prefix.get().startsWith("\\"))) {
            throw invalidPrefix(OssError.INVALID_LOGGING_PREFIX, prefix.get());
        }
        return new LoggingConfiguration(Optional.of(target), prefix);
    }

    private static OssException invalidPrefix(OssError error, String prefix) {
        return new OssException(
                error, error.defaultMessage(), Map.of("ArgumentName", "TargetPrefix", "ArgumentValue", prefix));
    }

    /** The canonical GetBucketLogging document. */
    @Override
    public String render(LoggingConfiguration config) {
        XmlWriter w = new XmlWriter().start("BucketLoggingStatus");
        config.targetBucket().ifPresent(t -> {
            // GetBucketLogging always answers TargetPrefix while logging is on, empty without a
            // prefix: the SDK reads that as "" (null would mean logging is off).
            w.start("LoggingEnabled")
                    .element("TargetBucket", t)
                    .element("TargetPrefix", config.targetPrefix().orElse(""));
            w.end();
        });
        return w.end().toXml();
    }
}
