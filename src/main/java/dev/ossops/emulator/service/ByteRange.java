package dev.ossops.emulator.service;

/**
 * A satisfiable byte range of an object. OSS serves {@code bytes=a-b}, {@code bytes=a-} and
 * {@code bytes=-n}; a range it cannot satisfy or cannot parse is ignored and the whole object is
 * returned with 200 (documented OSS behaviour, unlike S3's 416).
 */
public record ByteRange(long first, long last) {
    public long length() {
        return last - first + 1;
    }

    /** The range to serve, or null for the whole object. */
    public static ByteRange parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",") || size == 0) {
            return null;
        }
        String spec = header.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String a = spec.substring(0, dash).trim();
            String b = spec.substring(dash + 1).trim();
            if (a.isEmpty()) {
                if (b.isEmpty()) {
                    return null;
                }
                long n = Long.parseLong(b);
                return n <= 0 ? null : new ByteRange(Math.max(0, size - n), size - 1);
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? size - 1 : Long.parseLong(b);
            if (first < 0 || first >= size || last < first) {
                return null;
            }
            return new ByteRange(first, Math.min(last, size - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
