package dev.ossops.policy.access;

import java.util.Objects;
import java.util.Optional;

/** Something the checker needs: known with its value, or unknown with the reason (shown to users). */
public sealed interface Fact<T> {

    record Known<T>(T content) implements Fact<T> {
        public Known {
            Objects.requireNonNull(content, "content");
        }
    }

    record Unknown<T>(String why) implements Fact<T> {
        public Unknown {
            Objects.requireNonNull(why, "why");
        }
    }

    static <T> Fact<T> known(T value) {
        return new Known<>(value);
    }

    static <T> Fact<T> unknown(String reason) {
        return new Unknown<>(reason);
    }

    default Optional<T> value() {
        return this instanceof Known<T> k ? Optional.of(k.content()) : Optional.empty();
    }

    /** Why it is unknown; empty when known. */
    default Optional<String> reason() {
        return this instanceof Unknown<T> u ? Optional.of(u.why()) : Optional.empty();
    }
}
