package dev.ossops.emulator.service;

import org.jspecify.annotations.Nullable;

import java.util.Map;

/**
 * What a request says about the object it writes (PutObject, CopyObject with REPLACE,
 * InitiateMultipartUpload).
 *
 * @param headers      headers to store and answer on reads: the standard ones (Content-Type, Cache-Control, ...,
 *                     canonical names) and the server-side encryption ones ({@link ServerSideEncryption})
 * @param userMeta     {@code x-oss-meta-*} by lower-case suffix
 * @param acl          x-oss-object-acl, or null for "default"
 * @param storageClass x-oss-storage-class, or null for the bucket's
 * @param tags         x-oss-tagging, parsed
 */
public record ObjectWrite(
        Map<String, String> headers,
        Map<String, String> userMeta,
        @Nullable String acl,
        @Nullable String storageClass,
        Map<String, String> tags) {

    /** The same write with other stored headers. */
    public ObjectWrite withHeaders(Map<String, String> newHeaders) {
        return new ObjectWrite(newHeaders, userMeta, acl, storageClass, tags);
    }
}
