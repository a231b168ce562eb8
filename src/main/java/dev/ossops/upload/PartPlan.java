package dev.ossops.upload;

import java.util.AbstractList;
import java.util.List;
import java.util.OptionalLong;

/**
 * How a file is cut for upload. Files below the threshold go in one PutObject; larger ones in a
 * multipart upload whose parts are {@link #partSize()} bytes except the last.
 * <p>OSS limits (UploadPart): at most 10,000 parts, each 100 KiB to 5 GiB except the last,
 * which may be smaller. The default part size is 8 MiB, grown in whole MiB when 10,000 parts of
 * 8 MiB (78 GiB) are not enough; a requested size is honoured when it fits those limits. Parts
 * are streamed from the file, not buffered whole, so memory does not grow with the part size;
 * {@code --parallel} bounds the connections.
 *
 * @param fileSize  bytes in the file
 * @param partSize  bytes per part (every part but the last); the file size for a single PUT
 * @param partCount number of parts; 1 for a single PUT
 * @param multipart whether to use a multipart upload
 */
public record PartPlan(long fileSize, long partSize, int partCount, boolean multipart) {
    public static final long MIN_PART_SIZE = 100 * ByteSize.KIB;
    public static final long MAX_PART_SIZE = 5 * ByteSize.GIB;
    public static final int MAX_PARTS = 10_000;
    /** A single PutObject carries at most 5 GiB. */
    public static final long MAX_SINGLE_PUT = 5 * ByteSize.GIB;
    public static final long DEFAULT_PART_SIZE = 8 * ByteSize.MIB;
    /** The seed article's advice: multipart for files above 100 MB. */
    public static final long DEFAULT_THRESHOLD = 100 * ByteSize.MIB;

    /** One part: 1-based number, offset in the file and length. */
    public record Part(int number, long offset, long length) {
    }

    /**
     * The plan for a file of {@code fileSize} bytes: multipart from {@code threshold} bytes up,
     * with {@code requestedPartSize} if given, else the default rule.
     */
    public static PartPlan of(long fileSize, OptionalLong requestedPartSize, long threshold) {
        if (fileSize < 0) {
            throw new IllegalArgumentException("file size must not be negative: " + fileSize);
        }
        if (threshold < MIN_PART_SIZE || threshold > MAX_SINGLE_PUT) {
            throw new UploadException("multipart threshold must be between " + ByteSize.format(MIN_PART_SIZE) + " and "
                    + ByteSize.format(MAX_SINGLE_PUT) + ", got " + ByteSize.format(threshold));
        }
        if (requestedPartSize.isPresent()) {
            long size = requestedPartSize.getAsLong();
            if (size < MIN_PART_SIZE || size > MAX_PART_SIZE) {
                throw new UploadException("part size must be between " + ByteSize.format(MIN_PART_SIZE) + " and "
                        + ByteSize.format(MAX_PART_SIZE) + ", got " + ByteSize.format(size));
            }
        }
        if (fileSize < threshold) {
            return new PartPlan(fileSize, fileSize, 1, false);
        }
        if (fileSize > MAX_PART_SIZE * MAX_PARTS) {
            throw new UploadException("file of " + ByteSize.format(fileSize) + " exceeds what a multipart upload holds ("
                    + "10,000 parts of 5 GiB)");
        }
        long partSize = requestedPartSize.orElseGet(() -> defaultPartSize(fileSize));
        long count = ceilDiv(fileSize, partSize);
        if (count > MAX_PARTS) {
            throw new UploadException("part size " + ByteSize.format(partSize) + " cuts " + ByteSize.format(fileSize)
                    + " into " + count + " parts; OSS allows at most 10,000: use --part-size "
                    + ByteSize.format(defaultPartSize(fileSize)) + " or more");
        }
        return new PartPlan(fileSize, partSize, (int) Math.max(1, count), true);
    }

    /** 8 MiB, or the smallest whole number of MiB that keeps the part count within 10,000. */
    static long defaultPartSize(long fileSize) {
        long needed = ceilDiv(fileSize, MAX_PARTS);
        return Math.max(DEFAULT_PART_SIZE, ceilDiv(needed, ByteSize.MIB) * ByteSize.MIB);
    }

    private static long ceilDiv(long a, long b) {
        return a == 0 ? 0 : (a - 1) / b + 1;
    }

    /** The part numbered {@code number} (1-based). */
    public Part part(int number) {
        if (number < 1 || number > partCount) {
            throw new IndexOutOfBoundsException("part " + number + " of " + partCount);
        }
        long offset = (number - 1) * partSize;
        return new Part(number, offset, Math.min(partSize, fileSize - offset));
    }

    /** All parts in order, computed on access (up to 10,000). */
    public List<Part> parts() {
        return new AbstractList<>() {
            @Override
            public Part get(int index) {
                return part(index + 1);
            }

            @Override
            public int size() {
                return partCount;
            }
        };
    }
}
