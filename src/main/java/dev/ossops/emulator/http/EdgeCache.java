package dev.ossops.emulator.http;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The edge's cache: whole responses in memory, least recently used evicted first, under a total byte
 * cap; a response larger than the per-object cap is streamed from origin every time and never held.
 * Memory rather than disk: the origin's bytes already sit on disk in the emulator's store, and what the
 * edge has to reproduce is the CDN's behaviour (hits, ages, expiry, refresh), not its capacity.
 */
final class EdgeCache {
    /** What {@code EdgeCache} holds by default: 64 MiB in all, 8 MiB at most for one response. */
    static final long DEFAULT_TOTAL_BYTES = 64L * 1024 * 1024;

    static final long DEFAULT_OBJECT_BYTES = 8L * 1024 * 1024;

    /** One cached response: what the origin answered, when, for how long, and the refresh mark it was saved under. */
    record Entry(
            int status, Map<String, String> headers, byte[] body, Instant savedAt, long ttlSeconds, long refreshMark) {
        Entry {
            headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        boolean freshAt(Instant now) {
            return now.isBefore(savedAt.plusSeconds(ttlSeconds));
        }
    }

    private final long totalBytes;
    private final long objectBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long held;

    EdgeCache(long totalBytes, long objectBytes) {
        this.totalBytes = totalBytes;
        this.objectBytes = objectBytes;
    }

    /** Whether a response of {@code length} bytes may be held at all. */
    boolean fits(long length) {
        return length <= objectBytes && length <= totalBytes;
    }

    synchronized Optional<Entry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized void put(String key, Entry entry) {
        if (!fits(entry.body().length)) {
            return;
        }
        remove(key);
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (held + entry.body().length > totalBytes && eldest.hasNext()) {
            held -= eldest.next().getValue().body().length;
            eldest.remove();
        }
        entries.put(key, entry);
        held += entry.body().length;
    }

    synchronized void remove(String key) {
        Entry gone = entries.remove(key);
        if (gone != null) {
            held -= gone.body().length;
        }
    }

    /** Bytes held now. */
    synchronized long held() {
        return held;
    }
}
