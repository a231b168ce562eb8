package dev.ossops.emulator.cdn;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which TTL the edge keeps a response for: no-cache from origin, console rules by weight and age, origin headers, the default. */
class CacheTtlTest {
    private static final Instant NOW = Instant.parse("2026-08-01T00:00:00Z");
    private static final String MODIFIED_AN_HOUR_AGO = "Fri, 31 Jul 2026 23:00:00 GMT";

    private static final CacheTtl.Rule STATIC_DIR = new CacheTtl.Rule(true, List.of("/static/"), 86400, 1, 20_000_002);
    private static final CacheTtl.Rule IMAGES = new CacheTtl.Rule(false, List.of("jpg", "png"), 2592000, 1, 20_000_001);

    private static CacheTtl.Ttl decide(CacheTtl ttl, String path, Map<String, String> headers) {
        return ttl.decide(path, headers, NOW);
    }

    @Test
    void rules_sameWeight_earliestCreatedWins_higherWeightBeatsIt() {
        CacheTtl ttl = new CacheTtl(List.of(STATIC_DIR, IMAGES));
        assertEquals(
                new CacheTtl.Ttl(2592000, "filetype_based_ttl_set jpg,png"), decide(ttl, "/static/a.JPG", Map.of()));
        assertEquals(new CacheTtl.Ttl(86400, "path_based_ttl_set /static/"), decide(ttl, "/static/a.css", Map.of()));
        CacheTtl.Rule heavyDir = new CacheTtl.Rule(true, List.of("/static"), 60, 90, 20_000_003);
        assertEquals(
                new CacheTtl.Ttl(60, "path_based_ttl_set /static"),
                decide(new CacheTtl(List.of(IMAGES, heavyDir)), "/static/a.jpg", Map.of()));
    }

    @Test
    void pathRule_coversTheDirectoryNotItsNamesakes() {
        assertTrue(CacheTtl.covers("/static/", "/static/a/b.js"));
        assertTrue(CacheTtl.covers("/static", "/static"));
        assertTrue(CacheTtl.covers("/", "/anything"));
        assertEquals(false, CacheTtl.covers("/static", "/staticfiles/a.js"));
        assertEquals("", CacheTtl.extension("/dir.v2/README"));
        assertEquals("gz", CacheTtl.extension("/a.tar.gz"));
    }

    @Test
    void originNoCache_beatsEveryRule() {
        CacheTtl ttl = new CacheTtl(List.of(IMAGES));
        CacheTtl.Ttl none = new CacheTtl.Ttl(0, "the origin's no-cache");
        assertEquals(none, decide(ttl, "/a.jpg", Map.of("cache-control", "no-cache")));
        assertEquals(none, decide(ttl, "/a.jpg", Map.of("cache-control", "public, No-Store")));
        assertEquals(none, decide(ttl, "/a.jpg", Map.of("cache-control", "max-age=0")));
        assertEquals(none, decide(ttl, "/a.jpg", Map.of("pragma", "no-cache")));
    }

    @Test
    void noRule_originHeadersDecide() {
        CacheTtl ttl = new CacheTtl(List.of(IMAGES));
        assertEquals(
                new CacheTtl.Ttl(600, "the origin's Cache-Control"),
                decide(ttl, "/a.css", Map.of("cache-control", "public, max-age=600")));
        assertEquals(
                new CacheTtl.Ttl(120, "the origin's Expires"),
                decide(ttl, "/a.css", Map.of("expires", "Sat, 01 Aug 2026 00:02:00 GMT")));
        assertEquals(
                new CacheTtl.Ttl(0, "the origin's Expires"),
                decide(ttl, "/a.css", Map.of("expires", "Fri, 31 Jul 2026 00:02:00 GMT")));
    }

    @Test
    void nothingConfigured_defaultIsATenthOfTheAgeBetween10And3600Seconds() {
        CacheTtl none = new CacheTtl(List.of());
        assertEquals(
                new CacheTtl.Ttl(360, "the default policy"),
                decide(none, "/a", Map.of("last-modified", MODIFIED_AN_HOUR_AGO)));
        assertEquals(
                new CacheTtl.Ttl(10, "the default policy"),
                decide(none, "/a", Map.of("last-modified", "Fri, 31 Jul 2026 23:59:30 GMT")));
        assertEquals(
                new CacheTtl.Ttl(3600, "the default policy"),
                decide(none, "/a", Map.of("last-modified", "Thu, 01 Jan 2026 00:00:00 GMT")));
        assertEquals(new CacheTtl.Ttl(10, "the default policy"), decide(none, "/a", Map.of()));
        assertEquals(new CacheTtl.Ttl(10, "the default policy"), decide(none, "/a", Map.of("last-modified", "junk")));
    }
}
