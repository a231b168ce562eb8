package dev.ossops.emulator.dashscope;

/**
 * One answer of getPolicy: the {@code data} object DashScope returns, field for field.
 *
 * @param policy          base64 of the PostObject policy JSON
 * @param signature       base64 HMAC-SHA1 of {@code policy} with the system key's secret (PostObject V1)
 * @param uploadDir       the key prefix every upload must start with
 * @param uploadHost      where the form is posted (path-style URL of the system bucket)
 * @param expireInSeconds how long the policy is good for
 * @param maxFileSizeMb   the model's upload limit
 * @param capacityLimitMb daily capacity per account (not enforced by the emulator)
 * @param ossAccessKeyId  the system key's id
 */
public record UploadPolicy(
        String policy,
        String signature,
        String uploadDir,
        String uploadHost,
        long expireInSeconds,
        int maxFileSizeMb,
        long capacityLimitMb,
        String ossAccessKeyId) {
    /** DashScope answers {@code private} and {@code "true"} for every upload. */
    public static final String OBJECT_ACL = "private";

    public static final String FORBID_OVERWRITE = "true";
}
