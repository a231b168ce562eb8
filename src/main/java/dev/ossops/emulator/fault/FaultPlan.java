package dev.ossops.emulator.fault;

/**
 * What to inject into every OSS request. Probabilities are drawn once per request from one seeded
 * generator, in this order: SlowDown, InternalError, reset; so their sum may not exceed 1.
 *
 * @param latencyMillis     delay added before each request is answered
 * @param slowDownRate      probability of 503 {@code SlowDown}
 * @param internalErrorRate probability of 500 {@code InternalError}
 * @param qps               requests admitted per second, beyond which 503 {@code SlowDown} answers; 0 is unlimited
 * @param resetRate         probability of resetting the connection part-way through the request or response body
 * @param seed              seed of the generator, so a run repeats exactly
 * @param connectionBytesPerSecond each connection's bandwidth in each direction, kept on its socket; 0 is unlimited
 * @param totalBytesPerSecond      all connections' bandwidth together in each direction; 0 is unlimited
 */
public record FaultPlan(
        long latencyMillis,
        double slowDownRate,
        double internalErrorRate,
        int qps,
        double resetRate,
        long seed,
        long connectionBytesPerSecond,
        long totalBytesPerSecond) {
    /** No faults: the default. */
    public static final FaultPlan NONE = new FaultPlan(0, 0, 0, 0, 0, 0);

    /** A plan that leaves the link unshaped. */
    public FaultPlan(
            long latencyMillis, double slowDownRate, double internalErrorRate, int qps, double resetRate, long seed) {
        this(latencyMillis, slowDownRate, internalErrorRate, qps, resetRate, seed, 0, 0);
    }

    public FaultPlan {
        if (latencyMillis < 0 || latencyMillis > 600_000) {
            throw new IllegalArgumentException("latencyMillis must be between 0 and 600000, was " + latencyMillis);
        }
        rate("slowDownRate", slowDownRate);
        rate("internalErrorRate", internalErrorRate);
        rate("resetRate", resetRate);
        if (slowDownRate + internalErrorRate + resetRate > 1.0) {
            throw new IllegalArgumentException("slowDownRate + internalErrorRate + resetRate must not exceed 1, was "
                    + (slowDownRate + internalErrorRate + resetRate));
        }
        if (qps < 0) {
            throw new IllegalArgumentException("qps must be 0 (unlimited) or more, was " + qps);
        }
        if (connectionBytesPerSecond < 0) {
            throw new IllegalArgumentException(
                    "connectionBytesPerSecond must be 0 (unlimited) or more, was " + connectionBytesPerSecond);
        }
        if (totalBytesPerSecond < 0) {
            throw new IllegalArgumentException(
                    "totalBytesPerSecond must be 0 (unlimited) or more, was " + totalBytesPerSecond);
        }
    }

    private static void rate(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
    }

    /** Whether this plan injects nothing into requests (the link's shape is kept on the sockets, not per request). */
    public boolean off() {
        return latencyMillis == 0 && slowDownRate == 0 && internalErrorRate == 0 && qps == 0 && resetRate == 0;
    }
}
