package dev.ossops.emulator.fault;

/** What happens to one request: a delay, then one outcome. */
public record FaultDecision(long latencyMillis, Outcome outcome) {
    public static final FaultDecision PASS = new FaultDecision(0, Outcome.PASS);

    /** The injected outcome. */
    public enum Outcome {
        /** Served normally. */
        PASS,
        /** 503 SlowDown, drawn from the rate or beyond the QPS throttle. */
        SLOW_DOWN,
        /** 500 InternalError. */
        INTERNAL_ERROR,
        /** The connection is reset part-way through the request body, or the response body when there is none. */
        RESET
    }
}
