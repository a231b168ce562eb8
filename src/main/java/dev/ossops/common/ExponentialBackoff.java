package dev.ossops.common;

import java.time.Duration;

/** The one backoff curve of ossops's retries: {@code base} doubled after each failed attempt, never above {@code cap}. */
public final class ExponentialBackoff {
    private ExponentialBackoff() {}

    /**
     * The longest wait after the {@code attempt}-th failed attempt (1-based): {@code min(cap, base * 2^(attempt - 1))}.
     * Callers that spread retries add their jitter below this ceiling.
     */
    public static Duration ceiling(Duration base, Duration cap, int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
        }
        Duration wait = base;
        // Doubling stops at the cap, so the product never overflows however many attempts there were.
        for (int i = 1; i < attempt && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}
