package dev.ossops.emulator.store;

import org.jspecify.annotations.Nullable;

import java.util.Map;

/** An in-progress multipart upload: what InitiateMultipartUpload fixed for the final object. */
public record UploadRecord(
        String uploadId,
        String key,
        long initiated,
        @Nullable String storageClass,
        @Nullable String acl,
        Map<String, String> headers,
        Map<String, String> userMeta,
        Map<String, String> tags) {
    public UploadRecord {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        userMeta = userMeta == null ? Map.of() : Map.copyOf(userMeta);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
