package dev.ossops.audit.checks;

/** AccessKey ids as ossops prints them everywhere: first 4 + "…" + last 4. */
final class Masking {
    private Masking() {
    }

    static String accessKeyId(String id) {
        // Too short to show 8 characters without showing most of it: hide all.
        return id.length() <= 8 ? "…" : id.substring(0, 4) + "…" + id.substring(id.length() - 4);
    }
}
