package dev.ossops.emulator.store;

import dev.ossops.checksum.Crc64;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Copies a request body into a file while computing its size, MD5 and CRC-64. The receiving
 * thread reads, updates the CRC and writes; MD5, the slowest of the three, runs on a helper thread
 * one buffer behind, so one stream can use two cores. Small bodies are read into a
 * {@value #FIRST}-byte buffer, then one of {@value #BUFFER} bytes, both hashed inline; only a body
 * larger than both starts the helper. Memory is bounded: one small buffer and {@value #BUFFERS}
 * large ones per body.
 */
final class BodyCopy {
    /**
     * Holds the many small bodies (requests, the SDK's default 100 KiB parts) whole. A 1 MiB buffer
     * for each cost a zeroed allocation that G1 treats as humongous, several times the body's size.
     */
    static final int FIRST = 128 * 1024;
    /** Large enough to amortise syscalls and hash calls, small enough for many concurrent bodies. */
    static final int BUFFER = 1024 * 1024;

    private static final int BUFFERS = 3;

    /**
     * Small buffers kept for the next body: a zeroed {@value #FIRST}-byte allocation per body was half of the bytes
     * the emulator allocated on 16 KiB PUTs. At most {@value #SPARE_COUNT} are kept (1 MiB); a body that finds
     * none allocates one as before.
     */
    private static final int SPARE_COUNT = 8;

    private static final ArrayBlockingQueue<byte[]> SPARE = new ArrayBlockingQueue<>(SPARE_COUNT);

    /** What a copy measured. */
    record Digests(long size, byte[] md5, long crc64) {}

    private BodyCopy() {}

    static Digests copy(InputStream body, FileChannel out) throws IOException {
        MessageDigest md5 = md5();
        Crc64 crc = new Crc64();
        byte[] small = SPARE.poll();
        if (small == null) {
            small = new byte[FIRST];
        }
        int n;
        try {
            // Only its first n bytes, this body's, are used, and nothing holds it past these three calls.
            n = fill(body, small);
            crc.update(small, 0, n);
            writeFully(out, small, n);
            md5.update(small, 0, n);
        } finally {
            SPARE.offer(small);
        }
        if (n < FIRST) {
            return new Digests(n, md5.digest(), crc.getValue());
        }
        byte[] first = new byte[BUFFER];
        int m = fill(body, first);
        crc.update(first, 0, m);
        writeFully(out, first, m);
        if (m < BUFFER) {
            md5.update(first, 0, m);
            return new Digests(FIRST + (long) m, md5.digest(), crc.getValue());
        }
        ExecutorService hasher = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "emulator-md5");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return pipelined(body, out, first, FIRST + (long) BUFFER, md5, crc, hasher);
        } finally {
            hasher.shutdownNow();
        }
    }

    /**
     * Buffers are used round robin; before buffer k is refilled, the MD5 of what it held (chunk
     * k - BUFFERS) must be done. The single hashing thread keeps the MD5 updates in order. {@code first}
     * is full, written and not yet hashed; {@code size} counts it and everything before it.
     */
    private static Digests pipelined(
            InputStream body,
            FileChannel out,
            byte[] first,
            long size,
            MessageDigest md5,
            Crc64 crc,
            ExecutorService hasher)
            throws IOException {
        byte[][] buffers = new byte[BUFFERS][];
        Future<?>[] hashed = new Future<?>[BUFFERS];
        buffers[0] = first;
        hashed[0] = hasher.submit(() -> md5.update(first, 0, first.length));
        for (int chunk = 1; ; chunk++) {
            int slot = chunk % BUFFERS;
            if (buffers[slot] == null) {
                buffers[slot] = new byte[BUFFER];
            } else {
                await(hashed[slot]);
            }
            byte[] buffer = buffers[slot];
            int n = fill(body, buffer);
            if (n == 0) {
                break;
            }
            crc.update(buffer, 0, n);
            writeFully(out, buffer, n);
            hashed[slot] = hasher.submit(() -> md5.update(buffer, 0, n));
            size += n;
        }
        for (Future<?> pending : hashed) {
            if (pending != null) {
                await(pending);
            }
        }
        return new Digests(size, md5.digest(), crc.getValue());
    }

    private static void await(Future<?> task) throws IOException {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing the request body");
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing the request body failed", e.getCause());
        }
    }

    /** Reads until {@code buffer} is full or the stream ends; the count read, 0 only at the end. */
    private static int fill(InputStream in, byte[] buffer) throws IOException {
        int filled = 0;
        int n;
        while (filled < buffer.length && (n = in.read(buffer, filled, buffer.length - filled)) > 0) {
            filled += n;
        }
        return filled;
    }

    private static void writeFully(FileChannel out, byte[] bytes, int length) throws IOException {
        ByteBuffer remaining = ByteBuffer.wrap(bytes, 0, length);
        while (remaining.hasRemaining()) {
            out.write(remaining);
        }
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }
}
