package dev.ossops.cloud;

import dev.ossops.common.ExponentialBackoff;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The one retry layer of every cloud call: exponential backoff with full jitter on throttling,
 * 5xx and network errors, a bounded number of attempts. The SDKs' own retries are switched
 * off so attempts are counted in one place.
 */
public final class Retry {
    /** Sleeps between attempts; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int maxAttempts;
    private final Duration base;
    private final Duration cap;
    private final Predicate<Throwable> retryable;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Consumer<Throwable> beforeRetry;

    public Retry(
            int maxAttempts,
            Duration base,
            Duration cap,
            Predicate<Throwable> retryable,
            Sleeper sleeper,
            RandomGenerator random) {
        this(maxAttempts, base, cap, retryable, sleeper, random, e -> {});
    }

    private Retry(
            int maxAttempts,
            Duration base,
            Duration cap,
            Predicate<Throwable> retryable,
            Sleeper sleeper,
            RandomGenerator random,
            Consumer<Throwable> beforeRetry) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        this.base = base;
        this.cap = cap;
        this.retryable = Objects.requireNonNull(retryable);
        this.sleeper = sleeper;
        this.random = random;
        this.beforeRetry = Objects.requireNonNull(beforeRetry);
    }

    /**
     * The same retries, and {@code beforeRetry} told of every failure that is about to be retried
     * (e.g. so an uploader sees throttling that the retries then hide).
     */
    public Retry observing(Consumer<Throwable> beforeRetry) {
        return new Retry(maxAttempts, base, cap, retryable, sleeper, random, beforeRetry);
    }

    /** Six attempts, 200 ms doubling up to 5 s, for the errors {@link CloudErrors#isRetryable} names. */
    public static Retry standard() {
        return new Retry(
                6,
                Duration.ofMillis(200),
                Duration.ofSeconds(5),
                CloudErrors::isRetryable,
                d -> Thread.sleep(d.toMillis()),
                RandomGenerator.getDefault());
    }

    /**
     * Runs {@code call}, retrying what is retryable. {@code what} names the call in the error
     * when attempts run out, e.g. {@code "GetBucketLifecycle myapp-media"}.
     */
    public <T> T call(String what, Callable<T> call) {
        int attempt = 1;
        while (true) {
            try {
                return call.call();
            } catch (Exception e) {
                if (!retryable.test(e) || attempt >= maxAttempts) {
                    throw CloudException.of(what, e, attempt);
                }
                beforeRetry.accept(e);
                pause(what, attempt, e);
                attempt++;
            }
        }
    }

    private void pause(String what, int attempt, Exception cause) {
        long ceiling = ExponentialBackoff.ceiling(base, cap, attempt).toMillis();
        LongSupplier jitter = () -> ceiling <= 0 ? 0 : random.nextLong(ceiling + 1);
        try {
            sleeper.sleep(Duration.ofMillis(jitter.getAsLong()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CloudException.of(what + " (interrupted while waiting to retry)", cause, attempt);
        }
    }
}
