package dev.ossops.emulator.store;

import com.aliyun.oss.common.utils.CRC64;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The emulator's CRC-64 must agree bit for bit with the SDK's, or every SDK CRC check fails. */
class Crc64Test {

    private static long sdk(byte[] data, int offset, int length) {
        CRC64 crc = new CRC64();
        crc.update(data, offset, length);
        return crc.getValue();
    }

    private static long ours(byte[] data, int offset, int length) {
        Crc64 crc = new Crc64();
        crc.update(data, offset, length);
        return crc.value();
    }

    @Test
    void update_knownCheckValue_matchesCrc64Xz() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        // The catalogued check value of CRC-64/XZ (ECMA-182 polynomial, reflected, all-ones init and xor-out).
        assertEquals(0x995DC9BBDF1939FAL, ours(check, 0, check.length));
    }

    @Test
    void update_randomData_matchesTheSdk() {
        byte[] data = new byte[300_000];
        new Random(42).nextBytes(data);
        assertEquals(sdk(data, 0, data.length), ours(data, 0, data.length));
        assertEquals(0, new Crc64().value());
    }

    @Test
    void update_inPieces_equalsOneUpdate() {
        byte[] data = new byte[10_000];
        new Random(7).nextBytes(data);
        Crc64 crc = new Crc64();
        crc.update(data, 0, 3_333);
        crc.update(data, 3_333, data.length - 3_333);
        assertEquals(ours(data, 0, data.length), crc.value());
    }

    @Test
    void combine_consecutivePieces_matchesWholeAndSdk() {
        byte[] data = new byte[250_000];
        new Random(1).nextBytes(data);
        int split = 102_400;
        long first = ours(data, 0, split);
        long second = ours(data, split, data.length - split);
        long combined = Crc64.combine(first, second, data.length - split);
        assertEquals(ours(data, 0, data.length), combined);
        assertEquals(CRC64.combine(first, second, data.length - split), combined);
        assertEquals(first, Crc64.combine(first, 0, 0));
    }

    @Test
    void format_isUnsignedDecimal() {
        assertEquals("18446744073709551615", Crc64.format(-1L));
    }
}
