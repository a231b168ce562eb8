package dev.ossops.emulator.dashscope;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Requests per second per API key and model, counted in one-second windows: the first
 * {@code limit} requests of a window pass, the rest are refused until the next window.
 */
final class RateQuota {
    private static final long SECOND_NANOS = 1_000_000_000L;

    private final int limit;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new HashMap<>();

    RateQuota(int limit, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    /** Counts one request for {@code apiKey} and {@code model}; false when it is over the limit. */
    synchronized boolean admit(String apiKey, String model) {
        long now = nanoTime.getAsLong();
        // The key is only a map key here: never logged or rendered.
        Window w = windows.compute(
                apiKey + '\n' + model,
                (k, old) -> old == null || now - old.start >= SECOND_NANOS ? new Window(now) : old);
        w.count++;
        return w.count <= limit;
    }

    private static final class Window {
        final long start;
        int count;

        Window(long start) {
            this.start = start;
        }
    }
}
