package dev.ossops.audit.collect;

import dev.ossops.audit.Observed;
import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.oss.UnrepresentableException;

import java.util.Optional;
import java.util.function.Supplier;

/** Turns one gateway read into an {@link Observed}: empty is absent, a failed call is unreadable with its message. */
final class Reads {
    private Reads() {}

    static <T> Observed<T> observe(Supplier<Optional<T>> read) {
        try {
            return read.get().<Observed<T>>map(Observed::found).orElseGet(Observed::absent);
        } catch (CloudException | UnrepresentableException e) {
            // The gateway's message names the call and the service's answer; Observed scrubs secrets again.
            return Observed.unreadable(String.valueOf(e.getMessage()));
        }
    }
}
