package dev.ossops.upload;

import com.aliyun.oss.common.utils.CRC64;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Crc64Test {

    private static long sdk(byte[] bytes, int offset, int length) {
        CRC64 crc = new CRC64();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    @Test
    void of_standardCheckValue() {
        // The catalogued check value of CRC-64/XZ (= ECMA-182 reflected) over "123456789".
        assertEquals(0x995DC9BBDF1939FAL, Crc64.of("123456789".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void of_emptyInputIsZero() {
        assertEquals(0L, Crc64.of(new byte[0]));
        assertEquals("0", Crc64.toUnsignedString(Crc64.of(new byte[0])));
    }

    @Test
    void toUnsignedString_printsHighBitValuesAsOssDoes() {
        assertEquals("11051210869376104954", Crc64.toUnsignedString(0x995DC9BBDF1939FAL));
        assertEquals(0x995DC9BBDF1939FAL, Crc64.parseUnsigned("11051210869376104954"));
    }

    @Test
    void update_matchesSdkForEveryLengthAndAlignment() {
        byte[] data = new byte[1000];
        new Random(7).nextBytes(data);
        for (int offset = 0; offset < 9; offset++) {
            for (int length = 0; length <= 200; length++) {
                Crc64 crc = new Crc64();
                crc.update(data, offset, length);
                assertEquals(sdk(data, offset, length), crc.getValue(), "offset " + offset + " length " + length);
            }
        }
    }

    @Test
    void update_streamingInChunksEqualsOneShot() {
        byte[] data = new byte[64 * 1024 + 13];
        new Random(11).nextBytes(data);
        Crc64 streamed = new Crc64();
        int pos = 0;
        int chunk = 1;
        while (pos < data.length) {
            int n = Math.min(chunk, data.length - pos);
            streamed.update(data, pos, n);
            pos += n;
            chunk = chunk * 3 + 1;
        }
        assertEquals(sdk(data, 0, data.length), streamed.getValue());
        Crc64 byByte = new Crc64();
        for (int i = 0; i < 100; i++) {
            byByte.update(data[i]);
        }
        assertEquals(sdk(data, 0, 100), byByte.getValue());
    }

    @Test
    void reset_startsOver() {
        Crc64 crc = new Crc64();
        crc.update(new byte[] {1, 2, 3}, 0, 3);
        crc.reset();
        crc.update("123456789".getBytes(StandardCharsets.US_ASCII), 0, 9);
        assertEquals(0x995DC9BBDF1939FAL, crc.getValue());
    }

    @Test
    void combine_partsGiveTheWholeObjectsCrc() {
        byte[] data = new byte[300_001];
        new Random(3).nextBytes(data);
        int[] cuts = {0, 1, 100, 65_536, 100_000, 299_999, 300_001};
        long combined = 0;
        for (int i = 0; i + 1 < cuts.length; i++) {
            int len = cuts[i + 1] - cuts[i];
            long part = sdk(data, cuts[i], len);
            combined = i == 0 ? part : Crc64.combine(combined, part, len);
            assertEquals(CRC64.combine(sdk(data, 0, cuts[i]), part, len), combined, "cut " + i);
        }
        assertEquals(sdk(data, 0, data.length), combined);
    }

    @Test
    void combine_matchesSdkForLargeLengths() {
        Random random = new Random(13);
        for (int i = 0; i < 200; i++) {
            long crc1 = random.nextLong();
            long crc2 = random.nextLong();
            long len2 = i < 64 ? 1L << i >>> 1 | 1 : random.nextLong() >>> (i % 40 + 1);
            len2 = Math.max(1, len2 >>> 4);
            assertEquals(CRC64.combine(crc1, crc2, len2), Crc64.combine(crc1, crc2, len2), "len2 " + len2);
        }
        long fiveGiB = 5L << 30;
        assertEquals(CRC64.combine(7, 9, fiveGiB), Crc64.combine(7, 9, fiveGiB));
    }

    @Test
    void combine_zeroLengthSecondPartKeepsFirst() {
        assertEquals(42L, Crc64.combine(42L, 0L, 0));
    }

    @Test
    void combine_negativeLengthRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Crc64.combine(1, 2, -1));
        assertEquals("length must not be negative: -1", e.getMessage());
    }

    @Test
    void update_outOfBoundsRangeRejected() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> new Crc64().update(new byte[4], 2, 3));
        assertEquals("offset 2, length 3, array 4", e.getMessage());
    }
}
