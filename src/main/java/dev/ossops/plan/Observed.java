package dev.ossops.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * What the live reader saw at one address: the value, nothing (not found live), a read failure, or content that the
 * profile model cannot express. The last two never become changes: the first marks the address unknown (plan
 * incomplete), the second is a plan error, so nothing live is silently dropped on apply.
 */
public sealed interface Observed<T> {

    record Found<T>(T value) implements Observed<T> {
        public Found {
            Objects.requireNonNull(value, "value");
        }
    }

    record Absent<T>() implements Observed<T> {}

    /** The read failed; {@code reason} says what was being read and why it failed (never a secret). */
    record Unreadable<T>(String reason) implements Observed<T> {}

    /** Read, but holds {@code detail} that a profile cannot represent. */
    record Unrepresentable<T>(String detail) implements Observed<T> {}

    static <T> Observed<T> found(T value) {
        return new Found<>(value);
    }

    static <T> Observed<T> absent() {
        return new Absent<>();
    }

    static <T> Observed<T> unreadable(String reason) {
        return new Unreadable<>(reason);
    }

    static <T> Observed<T> unrepresentable(String detail) {
        return new Unrepresentable<>(detail);
    }

    /** The value when found. */
    default Optional<T> found() {
        return this instanceof Found<T> f ? Optional.of(f.value()) : Optional.empty();
    }

    /** Whether the address was read (found or absent) and can be compared. */
    default boolean known() {
        return this instanceof Found<T> || this instanceof Absent<T>;
    }
}
