package dev.ossops.upload;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Object key rules as OSS defines them ("Object naming conventions"). */
public final class ObjectKeys {
    /** OSS limits a key to 1023 bytes of UTF-8. */
    public static final int MAX_KEY_BYTES = 1023;

    // Compiled once: String.replaceAll compiled it for every file of an upload.
    private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

    private ObjectKeys() {}

    /**
     * Returns {@code key} if OSS accepts it: 1 to 1023 bytes of UTF-8, not starting with
     * {@code /} or {@code \}. Otherwise throws with the rule it breaks.
     */
    public static String validate(String key) {
        if (key == null || key.isEmpty()) {
            throw new UploadException("object key is empty");
        }
        if (key.startsWith("/") || key.startsWith("\\")) {
            throw new UploadException("object key must not start with '/' or '\\': " + key);
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new UploadException("object key is not valid UTF-8 (unpaired surrogate at index " + i + ")");
            }
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            throw new UploadException(
                    "object key is " + bytes + " bytes of UTF-8; OSS allows at most " + MAX_KEY_BYTES);
        }
        return key;
    }

    /** Joins key parts: runs of {@code /} collapse to one and a leading {@code /} left by an empty prefix goes. */
    public static String normalize(String key) {
        String collapsed = key.contains("//") ? REPEATED_SLASHES.matcher(key).replaceAll("/") : key;
        return collapsed.startsWith("/") ? collapsed.substring(1) : collapsed;
    }
}
