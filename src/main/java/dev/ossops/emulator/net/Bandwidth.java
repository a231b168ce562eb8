package dev.ossops.emulator.net;

import java.io.InterruptedIOException;

/** What a transfer draws on before it moves bytes: {@link #take} returns once they may pass. */
public interface Bandwidth {
    /** No limit. */
    Bandwidth UNLIMITED = new Bandwidth() {
        @Override
        public void take(long bytes) {}

        @Override
        public boolean limited() {
            return false;
        }
    };

    /** Blocks until {@code bytes} more bytes may pass; interrupted, it keeps the flag and throws. */
    void take(long bytes) throws InterruptedIOException;

    /**
     * Whether {@link #take} may hold anything back at the moment; streams read and write in
     * bandwidth-sized chunks only when it may. A limit that can change at run time answers for now.
     */
    default boolean limited() {
        return true;
    }

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
        return new Bandwidth() {
            @Override
            public void take(long bytes) throws InterruptedIOException {
                first.take(bytes);
                second.take(bytes);
            }

            @Override
            public boolean limited() {
                return first.limited() || second.limited();
            }
        };
    }
}
