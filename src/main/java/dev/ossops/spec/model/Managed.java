package dev.ossops.spec.model;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Three-state ownership of a bucket sub-configuration: key absent = {@link State#UNMANAGED} (never read, never
 * touched), explicitly empty ({@code none}, {@code {}}, {@code []}) = {@link State#ABSENT} (must not exist live),
 * present = {@link State#PRESENT} (made to match {@link #value()}).
 */
public record Managed<T>(State state, Optional<T> value) {

    public enum State {
        UNMANAGED,
        ABSENT,
        PRESENT
    }

    public Managed {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(value, "value");
        if ((state == State.PRESENT) != value.isPresent()) {
            throw new IllegalArgumentException(
                    "a " + state + " configuration " + (value.isPresent() ? "has no" : "needs a") + " value");
        }
    }

    public static <T> Managed<T> unmanaged() {
        return new Managed<>(State.UNMANAGED, Optional.empty());
    }

    public static <T> Managed<T> absent() {
        return new Managed<>(State.ABSENT, Optional.empty());
    }

    public static <T> Managed<T> present(T value) {
        return new Managed<>(State.PRESENT, Optional.of(value));
    }

    public boolean isManaged() {
        return state != State.UNMANAGED;
    }

    /** The same ownership with the value transformed (for PRESENT). */
    public <R> Managed<R> map(Function<? super T, ? extends R> mapper) {
        return new Managed<>(state, value.map(mapper));
    }

    /** The desired value; only for {@link State#PRESENT}. */
    public T get() {
        return value.orElseThrow(() -> new NoSuchElementException("configuration is " + state));
    }
}
