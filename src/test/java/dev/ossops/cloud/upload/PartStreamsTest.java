package dev.ossops.cloud.upload;

import dev.ossops.checksum.Crc64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartStreamsTest {

    @Test
    void read_windowAcrossSeveralChunks_deliversItsBytesCrcAndProgress(@TempDir Path dir) throws IOException {
        byte[] data = new byte[3 * PartStreams.CHUNK + 12_345];
        new Random(5).nextBytes(data);
        Path file = Files.write(dir.resolve("f.bin"), data);
        int offset = 1_000;
        int length = 2 * PartStreams.CHUNK + 777;
        AtomicLong progress = new AtomicLong();

        ByteArrayOutputStream read = new ByteArrayOutputStream();
        long crc;
        try (PartStreams in = PartStreams.open(file, offset, length, progress::addAndGet)) {
            read.write(in.read());
            byte[] buffer = new byte[2048];
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) > 0) {
                read.write(buffer, 0, n);
            }
            assertEquals(-1, in.read());
            crc = in.crc64();
        }

        byte[] window = Arrays.copyOfRange(data, offset, offset + length);
        assertArrayEquals(window, read.toByteArray());
        assertEquals(Crc64.of(window), crc);
        assertEquals(length, progress.get());
    }

    @Test
    void read_fileShorterThanThePart_failsInsteadOfSendingAShortPart(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("f.bin"), new byte[100]);

        try (PartStreams in = PartStreams.open(file, 40, 100, n -> {})) {
            EOFException e = assertThrows(EOFException.class, () -> in.read(new byte[200], 0, 200));
            assertEquals(
                    "the file ended 40 bytes before the part did: was it changed during the upload?", e.getMessage());
        }
    }

    @Test
    void reset_afterReadingPartOfTheWindow_startsOverWithItsCrcAndProgress(@TempDir Path dir) throws IOException {
        byte[] data = new byte[PartStreams.CHUNK + 5_000];
        new Random(7).nextBytes(data);
        Path file = Files.write(dir.resolve("f.bin"), data);
        AtomicLong progress = new AtomicLong();

        ByteArrayOutputStream read = new ByteArrayOutputStream();
        long crc;
        try (PartStreams in = PartStreams.open(file, 10, data.length - 10, progress::addAndGet)) {
            assertTrue(in.markSupported());
            in.mark(Integer.MAX_VALUE);
            in.read(new byte[PartStreams.CHUNK + 100], 0, PartStreams.CHUNK + 100);
            in.reset();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer, 0, buffer.length)) > 0) {
                read.write(buffer, 0, n);
            }
            crc = in.crc64();
        }

        byte[] window = Arrays.copyOfRange(data, 10, data.length);
        assertArrayEquals(window, read.toByteArray());
        assertEquals(Crc64.of(window), crc);
        assertEquals(window.length, progress.get());
    }

    @Test
    void reset_toAMarkAfterTheStart_fails(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("f.bin"), new byte[100]);

        try (PartStreams in = PartStreams.open(file, 0, 100, n -> {})) {
            in.read();
            in.mark(100);
            IOException e = assertThrows(IOException.class, in::reset);
            assertEquals("a part stream can only be reset to its start", e.getMessage());
        }
    }
}
