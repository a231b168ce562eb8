package dev.ossops.serve;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller: {@code perMinute} requests may come at once, then one more every {@code 60 s / perMinute}.
 * Callers are API keys' principals, or remote addresses for failed authentication, so the table is capped: the least
 * recently seen callers are forgotten first (they come back with a full bucket, which costs at most one burst).
 */
public final class RateLimiter {
    static final int MAX_CALLERS = 10_000;
    private static final long NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();

    private final long capacity;
    private final long nanosPerToken;
    private final LongSupplier nanoTime;
    private final Map<String, long[]> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > MAX_CALLERS;
        }
    };

    /** @param nanoTime a monotonic clock ({@code System::nanoTime}; tests pass their own) */
    public RateLimiter(int perMinute, LongSupplier nanoTime) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be positive, got " + perMinute);
        }
        this.capacity = perMinute;
        this.nanosPerToken = NANOS_PER_MINUTE / perMinute;
        this.nanoTime = nanoTime;
    }

    /** Takes one request from {@code caller}'s bucket; empty if admitted, else how long until the next is. */
    public synchronized Optional<Duration> acquire(String caller) {
        long now = nanoTime.getAsLong();
        // [0] tokens left, [1] when the last token was added
        long[] bucket = buckets.computeIfAbsent(caller, c -> new long[] {capacity, now});
        long earned = (now - bucket[1]) / nanosPerToken;
        if (earned > 0) {
            bucket[0] = Math.min(capacity, bucket[0] + earned);
            bucket[1] = bucket[0] == capacity ? now : bucket[1] + earned * nanosPerToken;
        }
        if (bucket[0] > 0) {
            bucket[0]--;
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(bucket[1] + nanosPerToken - now));
    }
}
