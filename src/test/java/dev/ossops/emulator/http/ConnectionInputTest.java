package dev.ossops.emulator.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The bytes of one exchange, and the floor a request body's rate is held to. */
class ConnectionInputTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** A socket that hands out one byte a read, each read taking {@code nanosPerByte} on the fake clock. */
    private static InputStream trickle(AtomicLong clock, long nanosPerByte, int bytes) {
        return new InputStream() {
            private int left = bytes;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                clock.addAndGet(nanosPerByte);
                left--;
                b[off] = 'x';
                return 1;
            }
        };
    }

    @Test
    void read_pendingBytesFirst_thenTheSocketsAndWhatIsLeftGoesBack() throws IOException {
        ConnectionInput in = new ConnectionInput(
                "abc".getBytes(StandardCharsets.US_ASCII),
                new ByteArrayInputStream("defgh".getBytes(StandardCharsets.US_ASCII)),
                HttpLimits.defaults());

        assertEquals('a', in.read());
        byte[] two = new byte[2];
        assertEquals(2, in.read(two, 0, 2));
        assertArrayEquals("bc".getBytes(StandardCharsets.US_ASCII), two);
        assertEquals('d', in.read());
        assertArrayEquals("efgh".getBytes(StandardCharsets.US_ASCII), in.unread());
    }

    @Test
    void read_bodyTrickledBelowTheFloorAfterTheGrace_endsTheExchange() throws IOException {
        AtomicLong clock = new AtomicLong();
        // One byte a second against a floor of 1 KiB/s and a grace of 10 seconds.
        ConnectionInput in =
                new ConnectionInput(new byte[0], trickle(clock, SECOND, 1000), 1024, 10 * SECOND, clock::get);
        for (int i = 0; i < 10; i++) {
            assertEquals('x', in.read());
        }

        SocketTimeoutException e = assertThrows(SocketTimeoutException.class, in::read);
        assertEquals("request body arrived at 1 bytes/s, below the floor of 1024 bytes/s", e.getMessage());
    }

    @Test
    void read_slowStartThenFast_averageAboveTheFloorPasses() throws IOException {
        AtomicLong clock = new AtomicLong();
        // 4 KiB/s throughout: each byte takes a 4096th of a second.
        ConnectionInput in =
                new ConnectionInput(new byte[0], trickle(clock, SECOND / 4096, 60_000), 1024, 10 * SECOND, clock::get);
        byte[] all = in.readAllBytes();
        assertEquals(60_000, all.length);
    }

    @Test
    void read_floorZero_noLimit() throws IOException {
        AtomicLong clock = new AtomicLong();
        ConnectionInput in = new ConnectionInput(new byte[0], trickle(clock, SECOND, 20), 0, 10 * SECOND, clock::get);
        assertEquals(20, in.readAllBytes().length);
    }
}
