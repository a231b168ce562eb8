package dev.ossops.emulator.net;

import java.io.InterruptedIOException;

/** What a transfer draws on before it moves bytes: {@link #take} returns once they may pass. */
public interface Bandwidth {
    /** No limit. */
    Bandwidth UNLIMITED = bytes -> {
    };

    /** Blocks until {@code bytes} more bytes may pass; interrupted, it keeps the flag and throws. */
    void take(long bytes) throws InterruptedIOException;

    /**
     * Both limits at once, e.g. a request's own and the whole server's: the bytes pass when both
     * allow. The second is asked after the first; with a burst of at least one read's bytes it
     * refills while the first holds a read back, so the slower limit alone sets the pace.
     */
    static Bandwidth both(Bandwidth first, Bandwidth second) {
        if (first == UNLIMITED) {
            return second;
        }
        if (second == UNLIMITED) {
            return first;
        }
        return bytes -> {
            first.take(bytes);
            second.take(bytes);
        };
    }
}
