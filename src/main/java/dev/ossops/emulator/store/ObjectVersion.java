package dev.ossops.emulator.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.jspecify.annotations.Nullable;

import java.util.Map;

/**
 * One version of an object (or a delete marker) as persisted.
 *
 * @param versionId    "null" for objects written while versioning was off or suspended
 * @param blob         file name of the content under the bucket's blob directory; null for delete markers
 * @param etag         the ETag without quotes
 * @param type         "Normal", "Multipart", "Appendable" or "Symlink"
 * @param acl          "default", "private", "public-read" or "public-read-write"
 * @param headers      stored standard headers (Content-Type, Cache-Control, ...), canonical names
 * @param userMeta     {@code x-oss-meta-*} values by lower-case suffix
 * @param symlinkTarget for a "Symlink", the key it points to (its blob is null)
 * @param sealedTime    for a sealed "Appendable", when SealAppendObject first sealed it; null otherwise
 * @param restore       the latest restore of an archived version; null when none was requested
 */
public record ObjectVersion(
        String versionId,
        boolean deleteMarker,
        @Nullable String blob,
        long size,
        @Nullable String etag,
        @Nullable String crc64,
        long lastModified,
        @Nullable String type,
        @Nullable String storageClass,
        String acl,
        Map<String, String> headers,
        Map<String, String> userMeta,
        Map<String, String> tags,
        @Nullable String symlinkTarget,
        @Nullable Long sealedTime,
        @Nullable RestoreState restore) {
    public static final String NORMAL = "Normal";
    public static final String APPENDABLE = "Appendable";
    public static final String SYMLINK = "Symlink";

    @JsonCreator
    public ObjectVersion {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        userMeta = userMeta == null ? Map.of() : Map.copyOf(userMeta);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** A version that is not a symlink, sealed or restored. */
    public ObjectVersion(
            String versionId,
            boolean deleteMarker,
            @Nullable String blob,
            long size,
            @Nullable String etag,
            @Nullable String crc64,
            long lastModified,
            @Nullable String type,
            @Nullable String storageClass,
            String acl,
            Map<String, String> headers,
            Map<String, String> userMeta,
            Map<String, String> tags) {
        this(
                versionId,
                deleteMarker,
                blob,
                size,
                etag,
                crc64,
                lastModified,
                type,
                storageClass,
                acl,
                headers,
                userMeta,
                tags,
                null,
                null,
                null);
    }

    public ObjectVersion withAcl(String newAcl) {
        return new ObjectVersion(
                versionId,
                deleteMarker,
                blob,
                size,
                etag,
                crc64,
                lastModified,
                type,
                storageClass,
                newAcl,
                headers,
                userMeta,
                tags,
                symlinkTarget,
                sealedTime,
                restore);
    }

    public ObjectVersion withTags(Map<String, String> newTags) {
        return new ObjectVersion(
                versionId,
                deleteMarker,
                blob,
                size,
                etag,
                crc64,
                lastModified,
                type,
                storageClass,
                acl,
                headers,
                userMeta,
                newTags,
                symlinkTarget,
                sealedTime,
                restore);
    }

    public ObjectVersion withRestore(RestoreState newRestore) {
        return new ObjectVersion(
                versionId,
                deleteMarker,
                blob,
                size,
                etag,
                crc64,
                lastModified,
                type,
                storageClass,
                acl,
                headers,
                userMeta,
                tags,
                symlinkTarget,
                sealedTime,
                newRestore);
    }

    public ObjectVersion sealed(long at) {
        return new ObjectVersion(
                versionId,
                deleteMarker,
                blob,
                size,
                etag,
                crc64,
                lastModified,
                type,
                storageClass,
                acl,
                headers,
                userMeta,
                tags,
                symlinkTarget,
                at,
                restore);
    }

    /** This Appendable version after an append: same id and metadata, new length, digests and time. */
    public ObjectVersion appended(long newSize, String newEtag, String newCrc64, long at) {
        return new ObjectVersion(
                versionId,
                deleteMarker,
                blob,
                newSize,
                newEtag,
                newCrc64,
                at,
                type,
                storageClass,
                acl,
                headers,
                userMeta,
                tags,
                symlinkTarget,
                sealedTime,
                restore);
    }

    /** The ETag of a version with content; only a delete marker has none. */
    public String contentEtag() {
        if (etag == null) {
            throw new IllegalStateException("a delete marker has no ETag");
        }
        return etag;
    }

    /** Whether the content lives in an archive class that must be restored before it is read. */
    public boolean archived() {
        return "Archive".equals(storageClass)
                || "ColdArchive".equals(storageClass)
                || "DeepColdArchive".equals(storageClass);
    }
}
