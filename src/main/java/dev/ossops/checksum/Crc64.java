package dev.ossops.checksum;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.zip.Checksum;

/**
 * CRC-64/ECMA-182 in the reflected form OSS reports in {@code x-oss-hash-crc64ecma} (catalogued as
 * CRC-64/XZ: polynomial 0x42F0E1EBA9EA3693 bit-reflected, initial value and final XOR all ones),
 * printed by OSS as an unsigned decimal ({@link #format}). Slicing-by-8: each step folds eight
 * bytes, read as one little-endian long, through eight 256-entry tables, so the hot loop has no
 * per-byte work; buffers from 4 KiB are cut into four streams computed side by side and joined.
 * Every byte an upload or the emulator receives goes through here. Not thread-safe: one instance
 * per stream.
 */
public final class Crc64 implements Checksum {
    /** The ECMA-182 polynomial, bit-reflected. */
    private static final long POLY = 0xC96C5795D7870F42L;
    /**
     * Eight tables laid end to end (one array: no row lookups in the hot loop). Table k, at
     * offset 256 k, gives the register after a byte followed by k zero bytes.
     */
    private static final long[] TABLES = buildTables();
    /** X_POW_2K[k] = x^(2^k) mod P, bit-reflected (x^0 is the top bit); k up to 66 covers 8 * 2^63 bits. */
    private static final long[] X_POW_2K = buildPowers();
    /** Below this, splitting into four streams and joining them costs more than it saves. */
    static final int INTERLEAVED_MINIMUM = 4096;

    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long crc;

    private static long[] buildTables() {
        long[] t = new long[8 * 256];
        for (int n = 0; n < 256; n++) {
            long c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ POLY : c >>> 1;
            }
            t[n] = c;
        }
        for (int n = 0; n < 256; n++) {
            long c = t[n];
            for (int k = 1; k < 8; k++) {
                c = t[(int) (c & 0xFF)] ^ (c >>> 8);
                t[k * 256 + n] = c;
            }
        }
        return t;
    }

    @Override
    public void update(int b) {
        long c = ~crc;
        c = TABLES[(int) ((c ^ b) & 0xFF)] ^ (c >>> 8);
        crc = ~c;
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array " + bytes.length);
        }
        int i = offset;
        int end = offset + length;
        if (length >= INTERLEAVED_MINIMUM) {
            int block = (length / 4) & ~7;
            crc = interleaved(bytes, offset, block, crc);
            i += 4 * block;
        }
        crc = ~sliced(bytes, i, end, ~crc);
    }

    /** Slicing-by-8 over {@code bytes[from, to)} from register {@code c} (the inverted CRC); the register after. */
    private static long sliced(byte[] bytes, int from, int to, long c) {
        long[] t = TABLES;
        int i = from;
        for (; to - i >= 8; i += 8) {
            c = step(t, c ^ (long) LITTLE_ENDIAN_LONG.get(bytes, i));
        }
        for (; i < to; i++) {
            c = t[(int) ((c ^ bytes[i]) & 0xFF)] ^ (c >>> 8);
        }
        return c;
    }

    /**
     * The CRC after {@code crc} of four consecutive blocks of {@code block} bytes (a multiple of 8)
     * from {@code offset}. One block's slicing steps depend on each other, so a single stream waits on
     * table loads; four independent streams in one loop keep the CPU busy (about 2.5x the single-stream
     * rate), and {@link #combine} joins the four CRCs.
     */
    private static long interleaved(byte[] bytes, int offset, int block, long crc) {
        long[] t = TABLES;
        long c0 = ~crc;
        long c1 = ~0L;
        long c2 = ~0L;
        long c3 = ~0L;
        for (int i = offset, last = offset + block; i < last; i += 8) {
            c0 = step(t, c0 ^ (long) LITTLE_ENDIAN_LONG.get(bytes, i));
            c1 = step(t, c1 ^ (long) LITTLE_ENDIAN_LONG.get(bytes, i + block));
            c2 = step(t, c2 ^ (long) LITTLE_ENDIAN_LONG.get(bytes, i + 2 * block));
            c3 = step(t, c3 ^ (long) LITTLE_ENDIAN_LONG.get(bytes, i + 3 * block));
        }
        long shift = xPowerEightTimes(block);
        long joined = multiplyModP(shift, ~c0) ^ ~c1;
        joined = multiplyModP(shift, joined) ^ ~c2;
        return multiplyModP(shift, joined) ^ ~c3;
    }

    /** Eight bytes (already XORed into the register) through the eight tables. */
    private static long step(long[] t, long c) {
        return t[7 * 256 + (int) (c & 0xFF)]
                ^ t[6 * 256 + (int) ((c >>> 8) & 0xFF)]
                ^ t[5 * 256 + (int) ((c >>> 16) & 0xFF)]
                ^ t[4 * 256 + (int) ((c >>> 24) & 0xFF)]
                ^ t[3 * 256 + (int) ((c >>> 32) & 0xFF)]
                ^ t[2 * 256 + (int) ((c >>> 40) & 0xFF)]
                ^ t[256 + (int) ((c >>> 48) & 0xFF)]
                ^ t[(int) (c >>> 56)];
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

    /** The CRC as OSS prints it in headers and XML: an unsigned decimal. */
    public static String format(long crc) {
        return Long.toUnsignedString(crc);
    }

    /** Parses an unsigned decimal CRC as OSS prints it; {@link NumberFormatException} if it is not one. */
    public static long parse(String value) {
        return Long.parseUnsignedLong(value);
    }

    /**
     * The CRC of A followed by B, given {@code crc1} = CRC(A), {@code crc2} = CRC(B) and the length
     * of B: how the CRCs of a multipart upload's parts combine into the object's. The register of A
     * is advanced over {@code len2} zero bytes by multiplying it with x^(8 len2) mod P; the pre- and
     * post-inversions cancel out (zlib's crc32_combine idea, with precomputed powers of x). About
     * log2(len2) multiplications: 10,000 parts combine in milliseconds.
     */
    public static long combine(long crc1, long crc2, long len2) {
        if (len2 < 0) {
            throw new IllegalArgumentException("length must not be negative: " + len2);
        }
        if (len2 == 0) {
            return crc1;
        }
        return multiplyModP(xPowerEightTimes(len2), crc1) ^ crc2;
    }

    private static long[] buildPowers() {
        long[] powers = new long[67];
        powers[0] = 1L << 62; // x^1
        for (int k = 1; k < powers.length; k++) {
            powers[k] = multiplyModP(powers[k - 1], powers[k - 1]);
        }
        return powers;
    }

    /** x^(8 n) mod P: the operator that feeds n zero bytes through the register. */
    private static long xPowerEightTimes(long n) {
        long p = 1L << 63; // x^0
        int k = 3; // 8 n = n * 2^3
        for (long rest = n; rest != 0; rest >>>= 1, k++) {
            if ((rest & 1) != 0) {
                p = multiplyModP(X_POW_2K[k], p);
            }
        }
        return p;
    }

    /** a * b mod P over GF(2), both bit-reflected; {@code a} must not be zero. */
    private static long multiplyModP(long a, long b) {
        long m = 1L << 63;
        long product = 0;
        long shifted = b;
        while (true) {
            if ((a & m) != 0) {
                product ^= shifted;
                if ((a & (m - 1)) == 0) {
                    return product;
                }
            }
            m >>>= 1;
            shifted = (shifted & 1) != 0 ? (shifted >>> 1) ^ POLY : shifted >>> 1;
        }
    }
}
