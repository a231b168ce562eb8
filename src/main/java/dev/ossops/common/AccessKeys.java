package dev.ossops.common;

/** How an AccessKey id appears in anything a person may read. */
public final class AccessKeys {
    private static final String HIDDEN = "…";

    private AccessKeys() {}

    /**
     * {@code LTAI…abcd}: the first and last four characters, enough to tell keys apart and not enough to use one.
     * An id of eight characters or fewer (or none) shows nothing of itself, since four and four would be most of it.
     */
    public static String mask(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.length() <= 8) {
            return HIDDEN;
        }
        return accessKeyId.substring(0, 4) + HIDDEN + accessKeyId.substring(accessKeyId.length() - 4);
    }
}
