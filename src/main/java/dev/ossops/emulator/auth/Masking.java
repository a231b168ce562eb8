package dev.ossops.emulator.auth;

/** How AccessKey ids appear in logs and messages: the first 4 and last 4 characters only. */
public final class Masking {
    private Masking() {
    }

    public static String keyId(String accessKeyId) {
        if (accessKeyId == null) {
            return "null";
        }
        if (accessKeyId.length() <= 8) {
            return "…";
        }
        return accessKeyId.substring(0, 4) + "…" + accessKeyId.substring(accessKeyId.length() - 4);
    }
}
