package dev.ossops.upload.dashscope;

import dev.ossops.common.ExponentialBackoff;

import java.time.Duration;

/**
 * How throttled policy requests (429) are retried: at most {@code attempts} requests in all,
 * waiting {@code initial}, then twice as long each time, never more than {@code max}.
 */
public record Backoff(int attempts, Duration initial, Duration max) {
    /** Five attempts over about three seconds: DashScope's limit is per second, so this spans several windows. */
    public static final Backoff DEFAULT = new Backoff(5, Duration.ofMillis(200), Duration.ofSeconds(2));

    public Backoff {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff delays must satisfy 0 <= initial <= max");
        }
    }

    /** The wait after the {@code failed}-th throttled attempt (1-based). */
    public Duration delayAfter(int failed) {
        return ExponentialBackoff.ceiling(initial, max, failed);
    }

    /** Waits; a test passes one that records instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        Sleeper REAL = d -> Thread.sleep(d.toMillis());
    }
}
