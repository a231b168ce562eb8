package dev.ossops.upload;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static dev.ossops.upload.ByteSize.GIB;
import static dev.ossops.upload.ByteSize.KIB;
import static dev.ossops.upload.ByteSize.MIB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartPlanTest {
    private static final long THRESHOLD = PartPlan.DEFAULT_THRESHOLD;

    private static String error(long size, OptionalLong part, long threshold) {
        return assertThrows(UploadException.class, () -> PartPlan.of(size, part, threshold))
                .getMessage();
    }

    @Test
    void of_belowThresholdIsOnePut() {
        PartPlan p = PartPlan.of(THRESHOLD - 1, OptionalLong.empty(), THRESHOLD);
        assertFalse(p.multipart());
        assertEquals(List.of(new PartPlan.Part(1, 0, THRESHOLD - 1)), p.parts());
        assertFalse(PartPlan.of(0, OptionalLong.of(MIB), THRESHOLD).multipart());
    }

    @Test
    void of_atThresholdUsesDefaultParts() {
        PartPlan p = PartPlan.of(THRESHOLD, OptionalLong.empty(), THRESHOLD);
        assertTrue(p.multipart());
        assertEquals(8 * MIB, p.partSize());
        assertEquals(13, p.partCount());
        assertEquals(new PartPlan.Part(13, 96 * MIB, 4 * MIB), p.part(13));
    }

    @Test
    void of_partsCoverTheFileExactly() {
        long size = 250 * MIB + 12_345;
        PartPlan p = PartPlan.of(size, OptionalLong.of(7 * MIB), THRESHOLD);
        long next = 0;
        for (PartPlan.Part part : p.parts()) {
            assertEquals(next, part.offset());
            next += part.length();
        }
        assertEquals(size, next);
        assertEquals(36, p.partCount());
        assertEquals(new PartPlan.Part(36, 245 * MIB, 5 * MIB + 12_345), p.part(36));
    }

    @Test
    void of_defaultIsA128thOfTheFileBetween8And64MiB() {
        assertEquals(
                8 * MIB,
                PartPlan.of(1024 * MIB, OptionalLong.empty(), THRESHOLD).partSize());
        assertEquals(
                9 * MIB,
                PartPlan.of(1024 * MIB + 1, OptionalLong.empty(), THRESHOLD).partSize());
        PartPlan twoGib = PartPlan.of(2 * GIB, OptionalLong.empty(), THRESHOLD);
        assertEquals(16 * MIB, twoGib.partSize());
        assertEquals(128, twoGib.partCount());
        assertEquals(
                16 * MIB,
                PartPlan.of(2 * GIB - 5, OptionalLong.empty(), THRESHOLD).partSize());
        assertEquals(
                64 * MIB, PartPlan.of(8 * GIB, OptionalLong.empty(), THRESHOLD).partSize());
        PartPlan tenGib = PartPlan.of(10 * GIB, OptionalLong.empty(), THRESHOLD);
        assertEquals(64 * MIB, tenGib.partSize());
        assertEquals(160, tenGib.partCount());
    }

    @Test
    void of_defaultGrowsToStayWithin10000Parts() {
        assertEquals(
                64 * MIB,
                PartPlan.of(625 * GIB, OptionalLong.empty(), THRESHOLD).partSize());
        PartPlan big = PartPlan.of(1024 * GIB, OptionalLong.empty(), THRESHOLD);
        assertEquals(105 * MIB, big.partSize());
        assertEquals(9987, big.partCount());
        PartPlan max = PartPlan.of(5 * GIB * 10_000, OptionalLong.empty(), THRESHOLD);
        assertEquals(5 * GIB, max.partSize());
        assertEquals(10_000, max.partCount());
    }

    @Test
    void of_requestedPartSizeTooSmallForFile() {
        assertEquals(
                "part size 1 MiB cuts 20 GiB into 20480 parts; OSS allows at most 10,000: use --part-size 3 MiB or more",
                error(20 * GIB, OptionalLong.of(MIB), THRESHOLD));
    }

    @Test
    void of_requestedPartSizeOutsideOssLimits() {
        assertEquals(
                "part size must be between 100 KiB and 5 GiB, got 99 KiB",
                error(GIB, OptionalLong.of(99 * KIB), THRESHOLD));
        assertEquals(
                "part size must be between 100 KiB and 5 GiB, got 5368709121 bytes",
                error(GIB, OptionalLong.of(5 * GIB + 1), THRESHOLD));
        assertEquals(
                100 * KIB,
                PartPlan.of(500 * MIB, OptionalLong.of(100 * KIB), THRESHOLD).partSize());
    }

    @Test
    void of_fileTooLargeForMultipart() {
        assertEquals(
                "file of 48.8 TiB exceeds what a multipart upload holds (10,000 parts of 5 GiB)",
                error(5 * GIB * 10_000 + 1, OptionalLong.empty(), THRESHOLD));
    }

    @Test
    void of_thresholdOutsideLimits() {
        assertEquals(
                "multipart threshold must be between 100 KiB and 5 GiB, got 6 GiB",
                error(1, OptionalLong.empty(), 6 * GIB));
        assertEquals(
                "multipart threshold must be between 100 KiB and 5 GiB, got 1 byte", error(1, OptionalLong.empty(), 1));
    }

    @Test
    void part_outOfRange() {
        PartPlan p = PartPlan.of(THRESHOLD, OptionalLong.empty(), THRESHOLD);
        assertEquals(
                "part 14 of 13",
                assertThrows(IndexOutOfBoundsException.class, () -> p.part(14)).getMessage());
    }

    @Test
    void parse_units() {
        assertEquals(8 * MIB, ByteSize.parse("8MiB"));
        assertEquals(8 * MIB, ByteSize.parse("8 M"));
        assertEquals(8 * MIB, ByteSize.parse("8mb"));
        assertEquals(100 * KIB, ByteSize.parse("100KB"));
        assertEquals(100 * KIB, ByteSize.parse("100k"));
        assertEquals(5 * GIB, ByteSize.parse("5GB"));
        assertEquals(1_048_576, ByteSize.parse("1048576"));
        assertEquals(1_048_576, ByteSize.parse("1048576B"));
        assertEquals(3 * MIB / 2, ByteSize.parse("1.5MiB"));
    }

    @Test
    void parse_invalid() {
        assertEquals(
                "invalid size '8 MB/s': use bytes or a number with K, M, G or T (binary units, e.g. 8MiB)",
                assertThrows(UploadException.class, () -> ByteSize.parse("8 MB/s"))
                        .getMessage());
        assertEquals(
                "invalid size '8iB': use bytes or a number with K, M, G or T (binary units, e.g. 8MiB)",
                assertThrows(UploadException.class, () -> ByteSize.parse("8iB")).getMessage());
        assertEquals(
                "invalid size '0.3KB': not a whole number of bytes below 8 EiB",
                assertThrows(UploadException.class, () -> ByteSize.parse("0.3KB"))
                        .getMessage());
        assertEquals(
                "invalid size '99999999T': not a whole number of bytes below 8 EiB",
                assertThrows(UploadException.class, () -> ByteSize.parse("99999999T"))
                        .getMessage());
    }

    @Test
    void format_exactUnitsElseOneDecimal() {
        assertEquals("8 MiB", ByteSize.format(8 * MIB));
        assertEquals("1.5 GiB", ByteSize.format(3 * GIB / 2));
        assertEquals("1000 bytes", ByteSize.format(1000));
        assertEquals("1 byte", ByteSize.format(1));
        assertEquals("0 bytes", ByteSize.format(0));
        assertEquals("5368709121 bytes", ByteSize.format(5 * GIB + 1));
    }
}
