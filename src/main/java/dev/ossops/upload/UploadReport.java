package dev.ossops.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** Shared: a mapper per line built its serializers anew for every file of an upload. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The line for stdout, without a trailing newline. */
    public String toJsonLine() {
        ObjectNode node = JSON.createObjectNode();
        node.put("bucket", bucket);
        node.put("key", key);
        node.put("size", size);
        node.put("crc64", Crc64.format(crc64));
        node.put("etag", etag);
        node.put("url", url);
        node.put("expires_at", expiresAt.toString());
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    @Override
    public String toString() {
        return "UploadReport[" + bucket + "/" + key + ", " + size + " bytes, crc64 " + Crc64.format(crc64) + ", url "
                + Masking.displayUrl(url) + ", expires " + expiresAt + "]";
    }
}
