package dev.ossops.emulator.net;

/**
 * Makes the bandwidth limits of one emulator on one {@link Pacing}: today the per-request limit
 * OSS's x-oss-traffic-limit asks for.
 */
public final class TrafficShaper {
    /** A tenth of a second at the limit passes at once, so pacing starts smoothly. */
    private static final int BURST_DIVISOR = 10;

    private final Pacing pacing;

    public TrafficShaper(Pacing pacing) {
        this.pacing = pacing;
    }

    /** The bandwidth of one request limited to {@code bitsPerSecond}. */
    public Bandwidth perRequest(long bitsPerSecond) {
        long bytesPerSecond = bitsPerSecond / 8;
        return new TokenBucket(bytesPerSecond, bytesPerSecond / BURST_DIVISOR, pacing);
    }
}
