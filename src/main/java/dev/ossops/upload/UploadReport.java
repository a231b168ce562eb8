package dev.ossops.upload;

import dev.ossops.checksum.Crc64;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@code ossops upload} prints for each file: one JSON object per line with {@code bucket,
 * key, size, crc64, etag, url, expires_at}. {@code crc64} is the unsigned decimal OSS reports
 * (it does not fit a JSON number safely); {@code expires_at} is ISO-8601 UTC. The presigned URL is
 * the result the user asked for, so the JSON line carries it whole; {@link #toString()}, which
 * may reach logs, does not.
 */
public record UploadReport(
        String bucket, String key, long size, long crc64, String etag, String url, Instant expiresAt) {
    public UploadReport {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * The line for stdout, without a trailing newline: written by hand, byte for byte as Jackson's default
     * {@code ObjectMapper} writes the same object (fields in this order, strings escaped as it escapes them), since
     * Jackson's tree and generator were about 7% of the client's CPU per small file. {@code UploadReportTest}
     * compares the two.
     */
    public String toJsonLine() {
        StringBuilder out = new StringBuilder(160 + key.length() + url.length());
        out.append("{\"bucket\":");
        string(out, bucket);
        out.append(",\"key\":");
        string(out, key);
        out.append(",\"size\":").append(size).append(",\"crc64\":");
        string(out, Crc64.format(crc64));
        out.append(",\"etag\":");
        string(out, etag);
        out.append(",\"url\":");
        string(out, url);
        out.append(",\"expires_at\":");
        string(out, expiresAt.toString());
        return out.append('}').toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** A JSON string as Jackson writes it: quote and backslash escaped, control characters in short or six-character escapes, the rest as is. */
    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return "UploadReport[" + bucket + "/" + key + ", " + size + " bytes, crc64 " + Crc64.format(crc64) + ", url "
                + Masking.displayUrl(url) + ", expires " + expiresAt + "]";
    }
}
