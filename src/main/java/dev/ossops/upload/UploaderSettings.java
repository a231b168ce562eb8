package dev.ossops.upload;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * How the uploader is configured, from a profile's {@code uploader:} section or from the
 * {@code QWEN_TMP_OSS_*} variables ({@link EnvUploaderSettings}). Credentials are not part of it:
 * they come from a named source.
 *
 * @param bucket              the target bucket
 * @param region              the OSS region id, e.g. {@code cn-beijing} (V4 signatures need it)
 * @param endpoint            host (or URL, e.g. the emulator's) the SDK talks to
 * @param prefix              key prefix, without leading or trailing {@code /} (may be empty)
 * @param keyLayout           key template for {@link KeyLayout}
 * @param urlExpires          lifetime of the presigned GET URL printed for each upload
 * @param allowedContentTypes allowed content types ({@code type/*} allowed); empty allows all
 * @param maxSizeBytes        largest file accepted, if limited
 */
public record UploaderSettings(
        String bucket,
        String region,
        String endpoint,
        String prefix,
        String keyLayout,
        Duration urlExpires,
        List<String> allowedContentTypes,
        OptionalLong maxSizeBytes) {
    public static final Duration DEFAULT_URL_EXPIRES = Duration.ofDays(1);
    /** V4 presigned URLs live at most 7 days. */
    public static final Duration MAX_URL_EXPIRES = Duration.ofDays(7);

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)+");

    public UploaderSettings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(keyLayout, "keyLayout");
        Objects.requireNonNull(urlExpires, "urlExpires");
        Objects.requireNonNull(maxSizeBytes, "maxSizeBytes");
        checkBucket(bucket);
        if (!REGION.matcher(region).matches()) {
            throw new UploadException("region '" + region + "' is not a region id such as cn-beijing");
        }
        if (endpoint.isBlank()) {
            throw new UploadException("endpoint is empty");
        }
        prefix = trimSlashes(prefix);
        KeyLayout.checkTemplate(keyLayout);
        if (urlExpires.isNegative() || urlExpires.isZero() || urlExpires.compareTo(MAX_URL_EXPIRES) > 0) {
            throw new UploadException("URL expiry must be between 1 and " + MAX_URL_EXPIRES.toSeconds()
                    + " seconds, got " + urlExpires.toSeconds());
        }
        allowedContentTypes = List.copyOf(allowedContentTypes);
        // The rules check their own inputs; building them here reports a bad entry at load time, not mid-upload.
        new UploadRules(allowedContentTypes, maxSizeBytes);
    }

    /** The settings for {@code bucket} in {@code region} with every other value at its default. */
    public static UploaderSettings defaults(String bucket, String region) {
        return new UploaderSettings(
                bucket,
                region,
                defaultEndpoint(region),
                KeyLayout.DEFAULT_PREFIX,
                KeyLayout.DEFAULT_TEMPLATE,
                DEFAULT_URL_EXPIRES,
                List.of(),
                OptionalLong.empty());
    }

    /** The public OSS endpoint of a region: {@code oss-<region>.aliyuncs.com}. */
    public static String defaultEndpoint(String region) {
        return "oss-" + region + ".aliyuncs.com";
    }

    /** OSS bucket naming: 3 to 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit. */
    static void checkBucket(String bucket) {
        if (!BUCKET.matcher(bucket).matches()) {
            throw new UploadException("bucket name '" + bucket + "' is invalid: use 3 to 63 lowercase letters, digits"
                    + " and hyphens, starting and ending with a letter or digit");
        }
    }

    private static String trimSlashes(String s) {
        return s.replaceAll("^/+", "").replaceAll("/+$", "");
    }
}
