package dev.ossops.emulator.rpc;

/** How access key ids appear in anything a human may read: first 4, an ellipsis, last 4. */
public final class Masking {
    private Masking() {
    }

    public static String accessKeyId(String id) {
        if (id == null || id.length() <= 8) {
            return "…";
        }
        return id.substring(0, 4) + "…" + id.substring(id.length() - 4);
    }
}
