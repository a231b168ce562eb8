package dev.ossops.emulator.store;

import com.aliyun.oss.common.utils.CRC64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BodyCopyTest {

    private static byte[] random(int length, long seed) {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** Copies {@code data} through BodyCopy and checks the file, the size and both digests against independent ones. */
    private static void assertCopied(byte[] data, Path dir) throws Exception {
        Path file = dir.resolve("out");
        BodyCopy.Digests digests;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            digests = BodyCopy.copy(new ByteArrayInputStream(data), out);
        }
        assertArrayEquals(data, Files.readAllBytes(file));
        assertEquals(data.length, digests.size());
        assertArrayEquals(MessageDigest.getInstance("MD5").digest(data), digests.md5());
        CRC64 sdk = new CRC64();
        sdk.update(data, data.length);
        assertEquals(sdk.getValue(), digests.crc64());
    }

    @Test
    void copy_emptyBody_writesNothingWithEmptyDigests(@TempDir Path dir) throws Exception {
        assertCopied(new byte[0], dir);
    }

    @Test
    void copy_bodySmallerThanOneBuffer_matchesIndependentDigests(@TempDir Path dir) throws Exception {
        assertCopied(random(1_000, 1), dir);
    }

    @Test
    void copy_shorterBodyAfterALongerOne_carriesNothingOfTheFirst(@TempDir Path dir) throws Exception {
        // The small buffer is reused: the second body must see none of the first's bytes.
        assertCopied(random(BodyCopy.FIRST - 1, 6), Files.createDirectory(dir.resolve("a")));
        assertCopied(random(100, 7), Files.createDirectory(dir.resolve("b")));
        assertCopied(new byte[0], Files.createDirectory(dir.resolve("c")));
    }

    @Test
    void copy_bodyOfExactlyTheSmallBuffer_matchesIndependentDigests(@TempDir Path dir) throws Exception {
        // The small buffer fills, so the large one is read too and finds the end at once.
        assertCopied(random(BodyCopy.FIRST, 5), dir);
    }

    @Test
    void copy_bodyOneByteOverTheSmallBuffer_matchesIndependentDigests(@TempDir Path dir) throws Exception {
        assertCopied(random(BodyCopy.FIRST + 1, 6), dir);
    }

    @Test
    void copy_bodyOfExactlyBothBuffers_matchesIndependentDigests(@TempDir Path dir) throws Exception {
        // The helper starts after a full large buffer, then finds the end at once.
        assertCopied(random(BodyCopy.FIRST + BodyCopy.BUFFER, 2), dir);
    }

    @Test
    void copy_bodyReusingEveryBufferTwice_matchesIndependentDigests(@TempDir Path dir) throws Exception {
        // More chunks than buffers: each buffer is refilled only after its MD5 is done, in order.
        assertCopied(random(7 * BodyCopy.BUFFER + 13, 3), dir);
    }

    @Test
    void copy_bodyFailingAfterSeveralBuffers_propagatesTheReadError(@TempDir Path dir) throws IOException {
        IOException broken = new IOException("connection reset");
        InputStream failing =
                new SequenceInputStream(new ByteArrayInputStream(random(3 * BodyCopy.BUFFER, 4)), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw broken;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        throw broken;
                    }
                });
        try (FileChannel out =
                FileChannel.open(dir.resolve("out"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            assertSame(broken, assertThrows(IOException.class, () -> BodyCopy.copy(failing, out)));
        }
    }
}
