package dev.ossops.upload;

import java.util.AbstractList;
import java.util.List;
import java.util.OptionalLong;

/**
 * How a file is cut for upload. Files below the threshold go in one PutObject; larger ones in a
 * multipart upload whose parts are {@link #partSize()} bytes except the last.
 * <p>OSS limits (UploadPart): at most 10,000 parts, each 100 KiB to 5 GiB except the last,
 * which may be smaller. The default part size is a 128th of the file in whole MiB, kept between
 * 8 MiB and 64 MiB, and grown beyond 64 MiB only when 10,000 parts would not hold the file
 * (above 625 GiB); a requested size is honoured when it fits those limits. Parts
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
    /** The default part size's range, and how many parts it aims at (see {@link #defaultPartSize}). */
    public static final long DEFAULT_PART_SIZE_MIN = 8 * ByteSize.MIB;

    public static final long DEFAULT_PART_SIZE_MAX = 64 * ByteSize.MIB;
    static final int DEFAULT_PART_TARGET = 128;
    /** The seed article's advice: multipart for files above 100 MB. */
    public static final long DEFAULT_THRESHOLD = 100 * ByteSize.MIB;

    /** One part: 1-based number, offset in the file and length. */
    public record Part(int number, long offset, long length) {}

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
            throw new UploadException("file of " + ByteSize.format(fileSize)
                    + " exceeds what a multipart upload holds (" + "10,000 parts of 5 GiB)");
        }
        long partSize = requestedPartSize.orElseGet(() -> defaultPartSize(fileSize));
        long count = ceilDiv(fileSize, partSize);
        if (count > MAX_PARTS) {
            throw new UploadException("part size " + ByteSize.format(partSize) + " cuts " + ByteSize.format(fileSize)
                    + " into " + count + " parts; OSS allows at most 10,000: use --part-size "
                    + ByteSize.format(smallestPartSize(fileSize)) + " or more");
        }
        return new PartPlan(fileSize, partSize, (int) Math.max(1, count), true);
    }

    /**
     * A 128th of the file in whole MiB, between 8 MiB and 64 MiB, or more when 10,000 parts need it.
     * Every part costs a request, a signature and a checkpoint write on this side and a part record
     * and fsync on the service's: on loopback (2 cores shared with the emulator) 32 MiB parts moved
     * a 1 GiB file about 10% faster than 8 MiB parts, on 20% less client CPU. But the adaptive
     * parallelism measures as parts complete: on a link of 4 MiB/s per connection a 32 MiB part
     * takes 8 s, and the doubling from 4 to 16 connections would take half a 2 GiB upload. 128
     * parts (16 MiB for 2 GiB) measure four times as often and keep up to 32 connections busy to the
     * end; 64 MiB caps what a retry or a resume after a kill re-sends per part.
     */
    static long defaultPartSize(long fileSize) {
        long aimed = wholeMiB(ceilDiv(fileSize, DEFAULT_PART_TARGET));
        long bounded = Math.min(DEFAULT_PART_SIZE_MAX, Math.max(DEFAULT_PART_SIZE_MIN, aimed));
        return Math.max(bounded, smallestPartSize(fileSize));
    }

    /** The smallest whole number of MiB (at least 1) that cuts the file into at most 10,000 parts. */
    static long smallestPartSize(long fileSize) {
        return Math.max(ByteSize.MIB, wholeMiB(ceilDiv(fileSize, MAX_PARTS)));
    }

    private static long wholeMiB(long bytes) {
        return ceilDiv(bytes, ByteSize.MIB) * ByteSize.MIB;
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
