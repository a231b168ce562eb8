package dev.ossops.upload;

import dev.ossops.checksum.Crc64;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The resume state of one multipart upload: which upload, of which file as it was then, and the
 * parts done so far with the ETag and CRC-64 OSS returned for each. Parts are kept sorted by number.
 *
 * @param bucket      target bucket
 * @param key         target key
 * @param uploadId    the multipart upload's id
 * @param file        the absolute, normalized path of the source file
 * @param size        the file's size when the upload began
 * @param mtimeMillis the file's last-modified time (epoch ms) when the upload began
 * @param partSize    the part size the upload uses (every part but the last)
 * @param parts       parts uploaded so far
 */
public record Checkpoint(
        String bucket,
        String key,
        String uploadId,
        String file,
        long size,
        long mtimeMillis,
        long partSize,
        List<CompletedPart> parts) {

    /** A part OSS acknowledged: its number, ETag as returned (quotes included) and CRC-64. */
    public record CompletedPart(int number, String etag, long crc64, long size) {
        public CompletedPart {
            Objects.requireNonNull(etag, "etag");
        }
    }

    /** A part as ListParts reports it. */
    public record ListedPart(int number, String etag, long size) {}

    public Checkpoint {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(uploadId, "uploadId");
        Objects.requireNonNull(file, "file");
        parts = parts.stream()
                .sorted(Comparator.comparingInt(CompletedPart::number))
                .toList();
    }

    /** A new upload of {@code file} with no part done yet. */
    public static Checkpoint start(
            String bucket, String key, String uploadId, Path file, long size, long mtimeMillis, long partSize) {
        return new Checkpoint(
                bucket,
                key,
                uploadId,
                file.toAbsolutePath().normalize().toString(),
                size,
                mtimeMillis,
                partSize,
                List.of());
    }

    /** This checkpoint with {@code part} recorded (replacing an earlier record of the same number). */
    public Checkpoint withPart(CompletedPart part) {
        List<CompletedPart> next = new ArrayList<>(parts.size() + 1);
        parts.stream().filter(p -> p.number() != part.number()).forEach(next::add);
        next.add(part);
        return new Checkpoint(bucket, key, uploadId, file, size, mtimeMillis, partSize, next);
    }

    /**
     * The recorded parts that ListParts confirms (same number, ETag and size). Only these may be
     * skipped on resume; the rest are uploaded again, which OSS allows (a part number re-uploaded
     * replaces the old part).
     */
    public List<CompletedPart> confirmedBy(List<ListedPart> listed) {
        Map<Integer, ListedPart> byNumber =
                listed.stream().collect(Collectors.toMap(ListedPart::number, Function.identity(), (a, b) -> b));
        return parts.stream()
                .filter(p -> {
                    ListedPart l = byNumber.get(p.number());
                    return l != null && l.etag().equals(p.etag()) && l.size() == p.size();
                })
                .toList();
    }

    /**
     * The whole object's CRC-64 combined from the parts, when parts 1..{@code partCount} are all
     * recorded: what {@code x-oss-hash-crc64ecma} of the completed object must equal.
     */
    public OptionalLong objectCrc64(int partCount) {
        if (parts.size() != partCount) {
            return OptionalLong.empty();
        }
        long crc = 0;
        for (int i = 0; i < partCount; i++) {
            CompletedPart p = parts.get(i);
            if (p.number() != i + 1) {
                return OptionalLong.empty();
            }
            crc = i == 0 ? p.crc64() : Crc64.combine(crc, p.crc64(), p.size());
        }
        return OptionalLong.of(crc);
    }
}
