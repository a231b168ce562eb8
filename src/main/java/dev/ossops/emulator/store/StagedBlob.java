package dev.ossops.emulator.store;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;

/**
 * A body written to a temporary file and forced to disk, with its size, MD5 and CRC-64 computed
 * while it streamed in; it becomes an object or a part when the store commits it.
 *
 * @param md5   the MD5 of the content; null for a multipart object assembled from its parts, whose
 *              ETag is derived from the parts' ETags and whose content is not hashed again
 * @param crc64 the CRC-64/ECMA of the content (for an assembled object, combined from the parts')
 */
public record StagedBlob(Path file, long size, byte @Nullable [] md5, long crc64) {

    /** The MD5 of a body staged from a stream, which always has one (unlike an assembled object). */
    public byte[] streamedMd5() {
        if (md5 == null) {
            throw new IllegalStateException("an assembled object has no MD5 of its own");
        }
        return md5;
    }
}
