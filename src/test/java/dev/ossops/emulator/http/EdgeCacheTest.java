package dev.ossops.emulator.http;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The edge cache's bounds: a total byte cap kept by evicting the least recently used, and a per-object cap. */
class EdgeCacheTest {
    private static final Instant SAVED = Instant.parse("2026-08-01T00:00:00Z");

    private static EdgeCache.Entry entry(int bytes) {
        return new EdgeCache.Entry(200, Map.of("ETag", "\"x\""), new byte[bytes], SAVED, 60, 1);
    }

    @Test
    void totalCap_evictsLeastRecentlyUsedFirst() {
        EdgeCache cache = new EdgeCache(100, 60);
        cache.put("a", entry(40));
        cache.put("b", entry(40));
        assertTrue(cache.get("a").isPresent()); // a is now more recent than b
        cache.put("c", entry(40));
        assertEquals(Optional.empty(), cache.get("b"));
        assertTrue(cache.get("a").isPresent());
        assertTrue(cache.get("c").isPresent());
        assertEquals(80, cache.held());
    }

    @Test
    void objectCap_largerResponsesAreNeverHeld() {
        EdgeCache cache = new EdgeCache(100, 60);
        assertTrue(cache.fits(60));
        assertFalse(cache.fits(61));
        cache.put("big", entry(61));
        assertEquals(Optional.empty(), cache.get("big"));
        assertEquals(0, cache.held());
    }

    @Test
    void replacingAndRemoving_keepTheCountExact() {
        EdgeCache cache = new EdgeCache(100, 60);
        cache.put("a", entry(50));
        cache.put("a", entry(30));
        assertEquals(30, cache.held());
        cache.remove("a");
        cache.remove("a");
        assertEquals(0, cache.held());
    }

    @Test
    void freshness_endsWhenTheTtlHasPassed() {
        EdgeCache.Entry e = entry(1);
        assertTrue(e.freshAt(SAVED.plusSeconds(59)));
        assertFalse(e.freshAt(SAVED.plusSeconds(60)));
    }
}
