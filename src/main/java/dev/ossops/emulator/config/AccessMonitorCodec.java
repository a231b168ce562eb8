package dev.ossops.emulator.config;

import dev.ossops.emulator.xml.XmlReader;
import dev.ossops.emulator.xml.XmlWriter;
import org.w3c.dom.Element;

import java.util.Set;

/**
 * {@code ?accessmonitor}: PutBucketAccessMonitor / GetBucketAccessMonitor. The body is
 * {@code AccessMonitorConfiguration/Status}, {@code Enabled} or {@code Disabled} (API reference;
 * Disabled is the default). The service refuses Disabled while lifecycle rules use the last
 * access time.
 */
public final class AccessMonitorCodec extends XmlConfigCodec<Boolean> {
    public static final String SUBRESOURCE = "accessmonitor";

    public AccessMonitorCodec() {
        super(SUBRESOURCE);
    }

    @Override
    public StoredConfig whenUnset(String bucket) {
        return stored(false);
    }

    /** Whether access tracking is Enabled; a Status other than Enabled/Disabled fails the schema. */
    @Override
    public Boolean parse(byte[] body) {
        Element root = XmlReader.parse(body, "AccessMonitorConfiguration");
        ConfigXml.onlyChildren(root, Set.of("Status"));
        return switch (ConfigXml.required(root, "Status")) {
            case "Enabled" -> true;
            case "Disabled" -> false;
            default -> throw ConfigXml.malformed();
        };
    }

    @Override
    public String render(Boolean enabled) {
        return new XmlWriter()
                .start("AccessMonitorConfiguration")
                .element("Status", status(enabled))
                .end()
                .toXml();
    }

    /** GetBucketAccessMonitor's and GetBucketInfo's word for the state. */
    public static String status(boolean enabled) {
        return enabled ? "Enabled" : "Disabled";
    }
}
