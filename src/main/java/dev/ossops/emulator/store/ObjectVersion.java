package dev.ossops.emulator.store;

import java.util.Map;

/**
 * One version of an object (or a delete marker) as persisted.
 *
 * @param versionId    "null" for objects written while versioning was off or suspended
 * @param blob         file name of the content under the bucket's blob directory; null for delete markers
 * @param etag         the ETag without quotes
 * @param type         "Normal" or "Multipart"
 * @param acl          "default", "private", "public-read" or "public-read-write"
 * @param headers      stored standard headers (Content-Type, Cache-Control, ...), canonical names
 * @param userMeta     {@code x-oss-meta-*} values by lower-case suffix
 */
public record ObjectVersion(String versionId, boolean deleteMarker, String blob, long size, String etag, String crc64,
                            long lastModified, String type, String storageClass, String acl,
                            Map<String, String> headers, Map<String, String> userMeta, Map<String, String> tags) {
    public ObjectVersion {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        userMeta = userMeta == null ? Map.of() : Map.copyOf(userMeta);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public ObjectVersion withAcl(String newAcl) {
        return new ObjectVersion(versionId, deleteMarker, blob, size, etag, crc64, lastModified, type, storageClass, newAcl,
                headers, userMeta, tags);
    }

    public ObjectVersion withTags(Map<String, String> newTags) {
        return new ObjectVersion(versionId, deleteMarker, blob, size, etag, crc64, lastModified, type, storageClass, acl,
                headers, userMeta, newTags);
    }
}
