package dev.ossops.emulator.store;

import java.nio.file.Path;

/**
 * A body written to a temporary file and forced to disk, with its size, MD5 and CRC-64 computed
 * while it streamed in; it becomes an object or a part when the store commits it.
 */
public record StagedBlob(Path file, long size, byte[] md5, long crc64) {
}
