package dev.ossops.cloud.credentials;

/** How ossops shows credentials to people: ids masked, secrets and tokens never. */
public final class Secrets {
    private Secrets() {
    }

    /**
     * Masks an AccessKey id as {@code LTAI…abcd}: enough to tell keys apart, not enough to use.
     * Ids of eight characters or fewer show nothing of themselves.
     */
    public static String maskAccessKeyId(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.isEmpty()) {
            return "(none)";
        }
        if (accessKeyId.length() <= 8) {
            return "…";
        }
        return accessKeyId.substring(0, 4) + "…" + accessKeyId.substring(accessKeyId.length() - 4);
    }
}
