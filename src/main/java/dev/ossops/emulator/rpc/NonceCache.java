package dev.ossops.emulator.rpc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Remembers signature nonces for as long as a timestamp is accepted, so a captured request
 * cannot be replayed inside the skew window.
 */
public final class NonceCache {
    private final Clock clock;
    private final Duration window;
    private final Map<String, Instant> seen = new HashMap<>();

    public NonceCache(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    /** True the first time a nonce is presented within the window, false on a replay. */
    public synchronized boolean firstUse(String accessKeyId, String nonce) {
        Instant now = clock.instant();
        for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(now)) {
                it.remove();
            }
        }
        return seen.putIfAbsent(accessKeyId + "\n" + nonce, now.plus(window)) == null;
    }
}
