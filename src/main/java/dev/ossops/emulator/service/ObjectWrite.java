package dev.ossops.emulator.service;

import java.util.Map;

/**
 * What a request says about the object it writes (PutObject, CopyObject with REPLACE,
 * InitiateMultipartUpload).
 *
 * @param headers      standard headers to store (Content-Type, Cache-Control, ...), canonical names
 * @param userMeta     {@code x-oss-meta-*} by lower-case suffix
 * @param acl          x-oss-object-acl, or null for "default"
 * @param storageClass x-oss-storage-class, or null for the bucket's
 * @param tags         x-oss-tagging, parsed
 */
public record ObjectWrite(Map<String, String> headers, Map<String, String> userMeta, String acl, String storageClass,
                          Map<String, String> tags) {
}
