package dev.ossops.audit;

import dev.ossops.cloud.credentials.Secrets;

import java.util.Objects;
import java.util.Optional;

/**
 * One configuration as the collector read it: found with a value, absent (OSS answered "not configured", e.g.
 * NoSuchBucketPolicy), or unreadable (access denied, timeout) with the reason. Checks turn unreadable inputs into
 * {@link Unknown} results instead of guessing.
 */
public sealed interface Observed<T> {

    record Found<T>(T content) implements Observed<T> {
        public Found {
            Objects.requireNonNull(content, "content");
        }
    }

    record Absent<T>() implements Observed<T> {}

    /**
     * {@code reason} is shown to users. Collectors keep secrets out of it; as a safeguard AccessKey ids are masked
     * and STS tokens and URL signatures removed here too.
     */
    record Unreadable<T>(String reason) implements Observed<T> {
        public Unreadable {
            reason = Secrets.redact(Objects.requireNonNull(reason, "reason"));
        }
    }

    static <T> Observed<T> found(T value) {
        return new Found<>(value);
    }

    static <T> Observed<T> absent() {
        return new Absent<>();
    }

    static <T> Observed<T> unreadable(String reason) {
        return new Unreadable<>(reason);
    }

    /** The value when found. */
    default Optional<T> value() {
        return this instanceof Found<T> f ? Optional.of(f.content()) : Optional.empty();
    }

    default boolean isUnreadable() {
        return this instanceof Unreadable;
    }

    /** Why it could not be read; empty unless unreadable. */
    default Optional<String> unreadableReason() {
        return this instanceof Unreadable<T> u ? Optional.of(u.reason()) : Optional.empty();
    }
}
