package dev.ossops.serve;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The token bucket on a clock the test moves: no sleeping, no wall clock. */
class RateLimiterTest {
    private long now = 1_000_000_000L;
    private final RateLimiter limiter = new RateLimiter(3, () -> now);

    @Test
    void acquire_burstThenOnePerInterval() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limiter.acquire("alice"));
        }
        assertEquals(Optional.of(Duration.ofSeconds(20)), limiter.acquire("alice"));
        now += Duration.ofSeconds(5).toNanos();
        assertEquals(Optional.of(Duration.ofSeconds(15)), limiter.acquire("alice"));
        now += Duration.ofSeconds(15).toNanos();
        assertEquals(Optional.empty(), limiter.acquire("alice"));
        assertEquals(Optional.of(Duration.ofSeconds(20)), limiter.acquire("alice"));
    }

    @Test
    void acquire_callersHaveTheirOwnBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("alice");
        }
        assertEquals(Optional.empty(), limiter.acquire("bob"));
    }

    @Test
    void acquire_longIdle_refillsToTheBurstOnly() {
        limiter.acquire("alice");
        now += Duration.ofHours(1).toNanos();
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limiter.acquire("alice"));
        }
        assertEquals(Optional.of(Duration.ofSeconds(20)), limiter.acquire("alice"));
    }
}
