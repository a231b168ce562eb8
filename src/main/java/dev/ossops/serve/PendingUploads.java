package dev.ossops.serve;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code /sts/upload/init} announced, kept until {@code complete} confirms it or the credentials expire. Held in
 * memory and capped: a restart forgets announced uploads (their {@code complete} then answers that no upload was
 * started, and the client starts again), and a flood of {@code init} calls cannot grow the table without bound.
 */
final class PendingUploads {
    static final int MAX_PENDING = 10_000;

    record Pending(String principal, long size, String contentType, Instant expires) {}

    private final Map<String, Pending> byKey = new LinkedHashMap<>();
    private final Clock clock;

    PendingUploads(Clock clock) {
        this.clock = clock;
    }

    synchronized void add(String key, Pending pending) {
        dropExpired();
        if (byKey.size() >= MAX_PENDING) {
            throw new ServeException(503, "too many uploads in progress; try again later");
        }
        byKey.put(key, pending);
    }

    /** The announced upload of {@code key} by {@code principal}, if it has not expired. */
    synchronized Optional<Pending> find(String key, String principal) {
        dropExpired();
        return Optional.ofNullable(byKey.get(key)).filter(p -> p.principal().equals(principal));
    }

    synchronized void remove(String key) {
        byKey.remove(key);
    }

    /** Entries are in insertion order and share one lifetime, so the expired ones are at the front. */
    private void dropExpired() {
        Instant now = clock.instant();
        Iterator<Pending> it = byKey.values().iterator();
        while (it.hasNext() && it.next().expires().isBefore(now)) {
            it.remove();
        }
    }
}
