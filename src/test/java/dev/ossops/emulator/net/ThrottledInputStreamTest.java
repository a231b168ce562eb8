package dev.ossops.emulator.net;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ThrottledInputStreamTest {
    @Test
    void read_wholeStream_passesEveryByteAtTheRate() throws Exception {
        byte[] data = new byte[100 * 1024];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        CountingPacing pacing = new CountingPacing();
        InputStream in =
                new ThrottledInputStream(new ByteArrayInputStream(data), new TokenBucket(10 * 1024, 0, pacing));
        assertArrayEquals(data, in.readAllBytes());
        assertEquals(10_000_000_000L, pacing.slept());
    }

    @Test
    void read_largeBuffer_movesOneChunkAtATime() throws Exception {
        CountingPacing pacing = new CountingPacing();
        InputStream in = new ThrottledInputStream(
                new ByteArrayInputStream(new byte[64 * 1024]), new TokenBucket(1024, 0, pacing));
        assertEquals(ThrottledInputStream.CHUNK, in.read(new byte[64 * 1024], 0, 64 * 1024));
        assertEquals(1, pacing.sleeps());
        assertEquals(16_000_000_000L, pacing.slept());
    }

    @Test
    void read_singleBytes_areCountedToo() throws Exception {
        CountingPacing pacing = new CountingPacing();
        InputStream in =
                new ThrottledInputStream(new ByteArrayInputStream(new byte[] {1, 2}), new TokenBucket(1, 0, pacing));
        assertEquals(1, in.read());
        assertEquals(2, in.read());
        assertEquals(-1, in.read());
        assertEquals(2_000_000_000L, pacing.slept());
    }

    @Test
    void of_unlimited_isTheStreamItself() {
        InputStream in = new ByteArrayInputStream(new byte[1]);
        assertSame(in, ThrottledInputStream.of(in, Bandwidth.UNLIMITED));
    }
}
