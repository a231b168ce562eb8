package dev.ossops.upload;

import java.util.zip.Checksum;

/**
 * CRC-64/ECMA-182 in the reflected form OSS reports in {@code x-oss-hash-crc64ecma} (also known
 * as CRC-64/XZ: polynomial 0x42F0E1EBA9EA3693 reflected, initial value and final XOR all ones).
 * OSS prints it as an unsigned decimal; {@link #toUnsignedString(long)} renders it that way.
 * Not thread-safe: one instance per stream.
 */
public final class Crc64 implements Checksum {
    /** The ECMA-182 polynomial, bit-reflected. */
    private static final long POLY = 0xC96C5795D7870F42L;
    /** Slicing-by-8 tables: TABLE[0] is the classic byte table, TABLE[k] advances k more zero bytes. */
    private static final long[][] TABLE = buildTables();

    private long crc;

    public Crc64() {
        this.crc = 0L;
    }

    private static long[][] buildTables() {
        long[][] t = new long[8][256];
        for (int n = 0; n < 256; n++) {
            long c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ POLY : c >>> 1;
            }
            t[0][n] = c;
        }
        for (int n = 0; n < 256; n++) {
            long c = t[0][n];
            for (int k = 1; k < 8; k++) {
                c = t[0][(int) (c & 0xFF)] ^ (c >>> 8);
                t[k][n] = c;
            }
        }
        return t;
    }

    @Override
    public void update(int b) {
        long c = ~crc;
        c = TABLE[0][(int) ((c ^ b) & 0xFF)] ^ (c >>> 8);
        crc = ~c;
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array " + bytes.length);
        }
        long c = ~crc;
        int i = offset;
        int end = offset + length;
        for (; end - i >= 8; i += 8) {
            c ^= (bytes[i] & 0xFFL)
                    | (bytes[i + 1] & 0xFFL) << 8
                    | (bytes[i + 2] & 0xFFL) << 16
                    | (bytes[i + 3] & 0xFFL) << 24
                    | (bytes[i + 4] & 0xFFL) << 32
                    | (bytes[i + 5] & 0xFFL) << 40
                    | (bytes[i + 6] & 0xFFL) << 48
                    | (bytes[i + 7] & 0xFFL) << 56;
            c = TABLE[7][(int) (c & 0xFF)]
                    ^ TABLE[6][(int) ((c >>> 8) & 0xFF)]
                    ^ TABLE[5][(int) ((c >>> 16) & 0xFF)]
                    ^ TABLE[4][(int) ((c >>> 24) & 0xFF)]
                    ^ TABLE[3][(int) ((c >>> 32) & 0xFF)]
                    ^ TABLE[2][(int) ((c >>> 40) & 0xFF)]
                    ^ TABLE[1][(int) ((c >>> 48) & 0xFF)]
                    ^ TABLE[0][(int) (c >>> 56)];
        }
        for (; i < end; i++) {
            c = TABLE[0][(int) ((c ^ bytes[i]) & 0xFF)] ^ (c >>> 8);
        }
        crc = ~c;
    }

    /** The CRC of everything passed to {@code update} since construction or {@link #reset()}. */
    @Override
    public long getValue() {
        return crc;
    }

    @Override
    public void reset() {
        crc = 0L;
    }

    /** The CRC of {@code bytes}. */
    public static long of(byte[] bytes) {
        Crc64 c = new Crc64();
        c.update(bytes, 0, bytes.length);
        return c.getValue();
    }

    /** The CRC as OSS prints it in {@code x-oss-hash-crc64ecma}: an unsigned decimal. */
    public static String toUnsignedString(long crc) {
        return Long.toUnsignedString(crc);
    }

    /** Parses an unsigned decimal CRC as OSS returns it; {@link NumberFormatException} if it is not one. */
    public static long parseUnsigned(String value) {
        return Long.parseUnsignedLong(value);
    }

    /**
     * The CRC of A followed by B, given {@code crc1} = CRC(A), {@code crc2} = CRC(B) and the length
     * of B: how per-part CRCs of a multipart upload combine into the object's CRC. Runs in
     * O(log len2) 64x64 GF(2) matrix squarings, the method zlib uses for CRC-32.
     */
    public static long combine(long crc1, long crc2, long len2) {
        if (len2 < 0) {
            throw new IllegalArgumentException("length must not be negative: " + len2);
        }
        if (len2 == 0) {
            return crc1;
        }
        long[] odd = new long[64];
        long[] even = new long[64];
        // odd: the operator that feeds one zero bit into the (reflected) register.
        odd[0] = POLY;
        long row = 1;
        for (int n = 1; n < 64; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd); // two zero bits
        square(odd, even); // four zero bits
        long c = crc1;
        long remaining = len2;
        // Each squaring doubles the number of zero bytes the operator applies: 1, 2, 4, ... bytes.
        do {
            square(even, odd);
            if ((remaining & 1) != 0) {
                c = times(even, c);
            }
            remaining >>>= 1;
            if (remaining == 0) {
                break;
            }
            square(odd, even);
            if ((remaining & 1) != 0) {
                c = times(odd, c);
            }
            remaining >>>= 1;
        } while (remaining != 0);
        return c ^ crc2;
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        long v = vector;
        for (int i = 0; v != 0; i++, v >>>= 1) {
            if ((v & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static void square(long[] result, long[] matrix) {
        for (int n = 0; n < 64; n++) {
            result[n] = times(matrix, matrix[n]);
        }
    }
}
