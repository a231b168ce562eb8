package dev.ossops.emulator.store;

/**
 * CRC-64/ECMA-182 as OSS computes {@code x-oss-hash-crc64ecma}: reflected polynomial
 * 0xC96C5795D7870F42, initial value and final xor all ones (the "CRC-64/XZ" parameters).
 * {@link #combine} joins the CRCs of consecutive pieces, as the SDK does for multipart uploads.
 */
public final class Crc64 {
    private static final long POLY = 0xC96C5795D7870F42L;
    private static final long[] TABLE = new long[256];

    static {
        for (int n = 0; n < 256; n++) {
            long crc = n;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY : crc >>> 1;
            }
            TABLE[n] = crc;
        }
    }

    private long value;

    public void update(byte[] buffer, int offset, int length) {
        long crc = ~value;
        for (int i = offset; i < offset + length; i++) {
            crc = TABLE[(int) ((crc ^ buffer[i]) & 0xff)] ^ (crc >>> 8);
        }
        value = ~crc;
    }

    public long value() {
        return value;
    }

    /** The decimal unsigned form OSS sends in headers and XML. */
    public static String format(long crc) {
        return Long.toUnsignedString(crc);
    }

    /** CRC of A followed by B, from crc(A), crc(B) and the length of B (zlib's GF(2) method). */
    public static long combine(long crc1, long crc2, long length2) {
        if (length2 <= 0) {
            return crc1;
        }
        long[] even = new long[64];
        long[] odd = new long[64];
        odd[0] = POLY;
        long row = 1;
        for (int n = 1; n < 64; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd);
        square(odd, even);
        long len = length2;
        do {
            square(even, odd);
            if ((len & 1) != 0) {
                crc1 = times(even, crc1);
            }
            len >>>= 1;
            if (len == 0) {
                break;
            }
            square(odd, even);
            if ((len & 1) != 0) {
                crc1 = times(odd, crc1);
            }
            len >>>= 1;
        } while (len != 0);
        return crc1 ^ crc2;
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        int i = 0;
        while (vector != 0) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
            vector >>>= 1;
            i++;
        }
        return sum;
    }

    private static void square(long[] square, long[] matrix) {
        for (int n = 0; n < 64; n++) {
            square[n] = times(matrix, matrix[n]);
        }
    }
}
