package dev.ossops.emulator.net;

import org.junit.jupiter.api.Test;

import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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
    void take_whileAnotherWaits_queuesBehindItsDebtWithoutWaitingForTheLock() throws Exception {
        // The first taker's wait blocks until released; the time stands still meanwhile.
        CountDownLatch firstWaiting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Long> waits = new CopyOnWriteArrayList<>();
        Pacing held = new Pacing() {
            @Override
            public long nanoTime() {
                return 0;
            }

            @Override
            public void sleep(long nanos) throws InterruptedException {
                waits.add(nanos);
                if (waits.size() == 1) {
                    firstWaiting.countDown();
                    release.await();
                }
            }
        };
        TokenBucket bucket = new TokenBucket(1000, 0, held);
        Thread first = new Thread(() -> {
            try {
                bucket.take(2000);
            } catch (InterruptedIOException e) {
                throw new IllegalStateException(e);
            }
        });
        first.start();
        assertTrue(firstWaiting.await(10, TimeUnit.SECONDS));
        ExecutorService second = Executors.newSingleThreadExecutor();
        try {
            // Waiting inside the lock, the first taker would hold this take until released: a timeout.
            second.submit(() -> {
                        bucket.take(1000);
                        return null;
                    })
                    .get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            second.shutdown();
            first.join();
        }
        // 2000 bytes owed before it, then its own 1000, at 1000 bytes/s.
        assertEquals(List.of(2 * SECOND, 3 * SECOND), waits);
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
