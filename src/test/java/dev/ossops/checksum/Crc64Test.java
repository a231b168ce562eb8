package dev.ossops.checksum;

import com.aliyun.oss.common.utils.CRC64;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every CRC-64 in the toolkit must agree bit for bit with the SDK's, or every SDK CRC check fails. */
class Crc64Test {

    private static long sdk(byte[] data, int offset, int length) {
        CRC64 crc = new CRC64();
        crc.update(data, offset, length);
        return crc.getValue();
    }

    private static long ours(byte[] data, int offset, int length) {
        Crc64 crc = new Crc64();
        crc.update(data, offset, length);
        return crc.getValue();
    }

    @Test
    void update_knownCheckValue_matchesCrc64Xz() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        // The catalogued check value of CRC-64/XZ (ECMA-182 polynomial, reflected, all-ones init and xor-out).
        assertEquals(0x995DC9BBDF1939FAL, ours(check, 0, check.length));
        assertEquals(0x995DC9BBDF1939FAL, Crc64.of(check));
    }

    @Test
    void update_emptyInput_isZero() {
        assertEquals(0, new Crc64().getValue());
        assertEquals(0, Crc64.of(new byte[0]));
    }

    @Test
    void update_largeRandomData_matchesTheSdk() {
        byte[] data = new byte[8 * 1024 * 1024 + 5];
        new Random(42).nextBytes(data);
        assertEquals(sdk(data, 0, data.length), ours(data, 0, data.length));
    }

    @Test
    void update_everyOffsetAndLengthUpTo40_matchesTheSdk() {
        // Covers every alignment of the 8-byte steps and every length of the byte-wise tail.
        byte[] data = new byte[64];
        new Random(3).nextBytes(data);
        for (int offset = 0; offset < 16; offset++) {
            for (int length = 0; length <= 40; length++) {
                assertEquals(
                        sdk(data, offset, length),
                        ours(data, offset, length),
                        "offset " + offset + ", length " + length);
            }
        }
    }

    @Test
    void update_lengthsAroundTheInterleavedMinimum_matchTheSdk() {
        // Four interleaved streams from 4 KiB: every split of the length into four blocks of a multiple
        // of 8 bytes plus a tail, at odd offsets, from a non-zero running CRC.
        byte[] data = new byte[3 * Crc64.INTERLEAVED_MINIMUM];
        new Random(11).nextBytes(data);
        for (int length = Crc64.INTERLEAVED_MINIMUM - 40; length <= Crc64.INTERLEAVED_MINIMUM + 40; length++) {
            for (int offset : new int[] {0, 3, 8, 13}) {
                assertEquals(
                        sdk(data, offset, length),
                        ours(data, offset, length),
                        "offset " + offset + ", length " + length);
                Crc64 running = new Crc64();
                running.update(data, 0, 5);
                running.update(data, 5 + offset, length);
                CRC64 sdkRunning = new CRC64();
                sdkRunning.update(data, 0, 5);
                sdkRunning.update(data, 5 + offset, length);
                assertEquals(
                        sdkRunning.getValue(),
                        running.getValue(),
                        "after 5 bytes, offset " + offset + ", length " + length);
            }
        }
    }

    @Test
    void update_inPiecesAndSingleBytes_equalsOneUpdate() {
        byte[] data = new byte[10_000];
        new Random(7).nextBytes(data);
        Crc64 crc = new Crc64();
        crc.update(data, 0, 3_333);
        crc.update(data[3_333]);
        crc.update(data, 3_334, data.length - 3_334);
        assertEquals(ours(data, 0, data.length), crc.getValue());
    }

    @Test
    void update_badRange_throwsIndexOutOfBounds() {
        Crc64 crc = new Crc64();
        IndexOutOfBoundsException e =
                assertThrows(IndexOutOfBoundsException.class, () -> crc.update(new byte[4], 2, 3));
        assertEquals("offset 2, length 3, array 4", e.getMessage());
    }

    @Test
    void reset_afterUpdate_startsOver() {
        Crc64 crc = new Crc64();
        crc.update(new byte[] {1, 2, 3}, 0, 3);
        crc.reset();
        assertEquals(0, crc.getValue());
    }

    @Test
    void combine_consecutivePieces_matchesWholeAndSdk() {
        byte[] data = new byte[250_000];
        new Random(1).nextBytes(data);
        for (int split : new int[] {1, 7, 102_400, 249_999}) {
            long first = ours(data, 0, split);
            long second = ours(data, split, data.length - split);
            long combined = Crc64.combine(first, second, data.length - split);
            assertEquals(ours(data, 0, data.length), combined, "split " + split);
            assertEquals(CRC64.combine(first, second, data.length - split), combined, "split " + split);
        }
    }

    @Test
    void combine_fromZero_isTheSecondCrc() {
        // A multipart upload folds its parts into 0, the CRC of nothing.
        long part = Crc64.of(new byte[] {9, 8, 7});
        assertEquals(part, Crc64.combine(0, part, 3));
    }

    @Test
    void combine_emptySecond_isTheFirst() {
        assertEquals(12345L, Crc64.combine(12345L, 0, 0));
    }

    @Test
    void combine_hugeLength_matchesTheSdk() {
        // 5 TiB, the largest object OSS accepts: the lengths of real multipart objects, not just small ones.
        long len = 5L << 40;
        assertEquals(
                CRC64.combine(0x0123456789ABCDEFL, 0x7EDCBA9876543210L, len),
                Crc64.combine(0x0123456789ABCDEFL, 0x7EDCBA9876543210L, len));
    }

    @Test
    void combine_negativeLength_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Crc64.combine(1, 2, -1));
        assertEquals("length must not be negative: -1", e.getMessage());
    }

    @Test
    void format_isUnsignedDecimal_andParseInverts() {
        assertEquals("18446744073709551615", Crc64.format(-1L));
        assertEquals(-1L, Crc64.parse("18446744073709551615"));
        assertThrows(NumberFormatException.class, () -> Crc64.parse("-1"));
    }
}
