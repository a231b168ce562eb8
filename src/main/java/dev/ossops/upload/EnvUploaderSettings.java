package dev.ossops.upload;

import dev.ossops.cloud.credentials.Credentials;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code QWEN_TMP_OSS_*} configuration of the seed document: {@code QWEN_TMP_OSS_BUCKET}
 * switches it on; {@code REGION} is required; {@code PREFIX}, {@code ENDPOINT} and
 * {@code URL_EXPIRES} are optional. Credentials: {@code QWEN_TMP_OSS_AK_ID} + {@code _AK_SECRET},
 * else {@code OSS_ACCESS_KEY_ID} + {@code OSS_ACCESS_KEY_SECRET}, else an error. Empty variables
 * count as unset (the seed's script tests them for truth). No message shows a secret.
 */
public final class EnvUploaderSettings {
    public static final String BUCKET = "QWEN_TMP_OSS_BUCKET";
    public static final String REGION = "QWEN_TMP_OSS_REGION";
    public static final String AK_ID = "QWEN_TMP_OSS_AK_ID";
    public static final String AK_SECRET = "QWEN_TMP_OSS_AK_SECRET";
    public static final String PREFIX = "QWEN_TMP_OSS_PREFIX";
    public static final String ENDPOINT = "QWEN_TMP_OSS_ENDPOINT";
    public static final String URL_EXPIRES = "QWEN_TMP_OSS_URL_EXPIRES";
    public static final String OSS_ACCESS_KEY_ID = "OSS_ACCESS_KEY_ID";
    public static final String OSS_ACCESS_KEY_SECRET = "OSS_ACCESS_KEY_SECRET";

    private EnvUploaderSettings() {}

    /**
     * The settings and credentials, and which variables the credentials came from (for display).
     * {@link Credentials#toString()} masks the id and hides the secret.
     */
    public record Resolved(UploaderSettings settings, Credentials credentials, String credentialsFrom) {
        public Resolved {
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(credentialsFrom, "credentialsFrom");
        }
    }

    /** Empty when {@code QWEN_TMP_OSS_BUCKET} is unset: custom OSS mode is off. */
    public static Optional<Resolved> read(Map<String, String> env) {
        Optional<String> bucket = get(env, BUCKET);
        if (bucket.isEmpty()) {
            return Optional.empty();
        }
        String region = get(env, REGION)
                .orElseThrow(() ->
                        new UploadException(REGION + " is required when " + BUCKET + " is set (e.g. cn-beijing)"));
        String endpoint = get(env, ENDPOINT)
                .map(e -> withoutBucketHost(e, bucket.get()))
                .orElseGet(() -> UploaderSettings.defaultEndpoint(region));
        String prefix = get(env, PREFIX).orElse(KeyLayout.DEFAULT_PREFIX);
        Duration expires = get(env, URL_EXPIRES)
                .map(EnvUploaderSettings::parseExpires)
                .orElse(UploaderSettings.DEFAULT_URL_EXPIRES);
        UploaderSettings settings = new UploaderSettings(
                bucket.get(),
                region,
                endpoint,
                prefix,
                KeyLayout.DEFAULT_TEMPLATE,
                expires,
                List.of(),
                OptionalLong.empty());
        return Optional.of(credentials(env, settings));
    }

    private static Resolved credentials(Map<String, String> env, UploaderSettings settings) {
        Optional<Resolved> own = pair(env, AK_ID, AK_SECRET, settings);
        if (own.isPresent()) {
            return own.get();
        }
        return pair(env, OSS_ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET, settings)
                .orElseThrow(() -> new UploadException("no OSS credentials for " + BUCKET + ": set " + AK_ID + " and "
                        + AK_SECRET + ", or " + OSS_ACCESS_KEY_ID + " and " + OSS_ACCESS_KEY_SECRET));
    }

    /** Both halves, or neither: half a pair is a mistake worth naming rather than silently skipping. */
    private static Optional<Resolved> pair(
            Map<String, String> env, String idName, String secretName, UploaderSettings settings) {
        Optional<String> id = get(env, idName);
        Optional<String> secret = get(env, secretName);
        if (id.isPresent() != secret.isPresent()) {
            String set = id.isPresent() ? idName : secretName;
            String unset = id.isPresent() ? secretName : idName;
            throw new UploadException(set + " is set but " + unset + " is not: set both or neither");
        }
        return id.map(i -> new Resolved(settings, Credentials.of(i, secret.get()), idName + "/" + secretName));
    }

    private static Duration parseExpires(String value) {
        long seconds;
        try {
            seconds = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new UploadException(URL_EXPIRES + " must be a whole number of seconds, got '" + value + "'", e);
        }
        if (seconds < 1 || seconds > UploaderSettings.MAX_URL_EXPIRES.toSeconds()) {
            throw new UploadException(URL_EXPIRES + " must be between 1 and "
                    + UploaderSettings.MAX_URL_EXPIRES.toSeconds() + " seconds (7 days), got " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    /**
     * The seed's ENDPOINT example is the bucket's own host ({@code bucket.oss-region.aliyuncs.com});
     * the SDK prepends the bucket itself, so that form is reduced to the region endpoint.
     */
    static String withoutBucketHost(String endpoint, String bucket) {
        String scheme = "";
        String host = endpoint;
        int sep = endpoint.indexOf("://");
        if (sep >= 0) {
            scheme = endpoint.substring(0, sep + 3);
            host = endpoint.substring(sep + 3);
        }
        return host.startsWith(bucket + ".") ? scheme + host.substring(bucket.length() + 1) : endpoint;
    }

    private static Optional<String> get(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
