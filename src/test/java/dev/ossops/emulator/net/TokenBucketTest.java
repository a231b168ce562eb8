package dev.ossops.emulator.net;

import org.junit.jupiter.api.Test;

import java.io.InterruptedIOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void take_withinTheBurst_doesNotWait() throws Exception {
        CountingPacing pacing = new CountingPacing();
        TokenBucket bucket = new TokenBucket(1000, 500, pacing);
        bucket.take(200);
        bucket.take(300);
        assertEquals(0, pacing.sleeps());
    }

    @Test
    void take_beyondTheBurst_waitsForTheRestAtTheRate() throws Exception {
        CountingPacing pacing = new CountingPacing();
        TokenBucket bucket = new TokenBucket(1000, 500, pacing);
        for (int i = 0; i < 35; i++) {
            bucket.take(100);
        }
        // 3500 bytes: 500 from the burst, 3000 at 1000 bytes/s.
        assertEquals(3 * SECOND, pacing.slept());
    }

    @Test
    void take_afterIdleTime_refillsUpToTheBurstOnly() throws Exception {
        CountingPacing pacing = new CountingPacing();
        TokenBucket bucket = new TokenBucket(1000, 500, pacing);
        bucket.take(500);
        pacing.idle(60 * SECOND);
        bucket.take(1500);
        assertEquals(SECOND, pacing.slept());
    }

    @Test
    void take_interrupted_keepsTheFlagAndThrows() {
        Pacing interrupted = new Pacing() {
            @Override
            public long nanoTime() {
                return 0;
            }

            @Override
            public void sleep(long nanos) throws InterruptedException {
                throw new InterruptedException();
            }
        };
        TokenBucket bucket = new TokenBucket(1000, 0, interrupted);
        InterruptedIOException e = assertThrows(InterruptedIOException.class, () -> bucket.take(10));
        assertEquals("interrupted while throttled", e.getMessage());
        assertTrue(Thread.interrupted());
    }

    @Test
    void constructor_nonPositiveRateOrNegativeBurst_isRefused() {
        CountingPacing pacing = new CountingPacing();
        assertEquals(
                "bytesPerSecond must be positive, was 0",
                assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, pacing))
                        .getMessage());
        assertEquals(
                "burstBytes must not be negative, was -1",
                assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, -1, pacing))
                        .getMessage());
    }

    @Test
    void both_takesFromEachLimit() throws Exception {
        CountingPacing pacing = new CountingPacing();
        Bandwidth slow = new TokenBucket(100, 0, pacing);
        Bandwidth fast = new TokenBucket(1000, 100, pacing);
        Bandwidth both = Bandwidth.both(slow, fast);
        both.take(100);
        both.take(100);
        // The slow limit holds each 100 bytes a second; the fast one refills its burst meanwhile.
        assertEquals(2 * SECOND, pacing.slept());
        assertEquals(slow, Bandwidth.both(slow, Bandwidth.UNLIMITED));
        assertEquals(fast, Bandwidth.both(Bandwidth.UNLIMITED, fast));
    }
}
