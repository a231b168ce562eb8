package dev.ossops.emulator.net;

import java.io.InterruptedIOException;

/**
 * A rate limit: tokens (bytes) accrue at {@code bytesPerSecond} up to {@code burstBytes}, and a
 * transfer takes as many as it moves. A take beyond what is there leaves a debt and waits until
 * it is paid off, so over any run the bytes that pass are at most the burst plus the rate times
 * the time elapsed. Thread-safe, and fair: a take reckons its wait under the lock and waits
 * outside it, so a take that comes while others wait queues behind their debt, and the
 * connections sharing a bucket are served in the order they ask, each a chunk at a time, as TCP
 * flows of one round-trip time share a link about evenly. (Waiting inside the lock handed the
 * bucket to whichever thread won the monitor next, usually the one that had just released it:
 * under a shared total some connections starved for seconds while others ran at their own rate.)
 */
public final class TokenBucket implements Bandwidth {
    private static final double NANOS_PER_SECOND = 1e9;

    private final double bytesPerSecond;
    private final double burstBytes;
    private final Pacing pacing;
    private double available;
    private long last;

    /** Starts full, so the first {@code burstBytes} pass at once. */
    public TokenBucket(long bytesPerSecond, long burstBytes, Pacing pacing) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("bytesPerSecond must be positive, was " + bytesPerSecond);
        }
        if (burstBytes < 0) {
            throw new IllegalArgumentException("burstBytes must not be negative, was " + burstBytes);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.burstBytes = burstBytes;
        this.pacing = pacing;
        this.available = burstBytes;
        this.last = pacing.nanoTime();
    }

    @Override
    public void take(long bytes) throws InterruptedIOException {
        long wait = reserve(bytes);
        if (wait > 0) {
            try {
                pacing.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while throttled");
            }
        }
    }

    /** Takes {@code bytes}, debt included, and answers how long until what is owed so far is paid off. */
    private synchronized long reserve(long bytes) {
        refill();
        available -= bytes;
        return available < 0 ? (long) Math.ceil(-available * NANOS_PER_SECOND / bytesPerSecond) : 0;
    }

    private void refill() {
        long now = pacing.nanoTime();
        available = Math.min(burstBytes, available + (now - last) * bytesPerSecond / NANOS_PER_SECOND);
        last = now;
    }
}
