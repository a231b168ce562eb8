package dev.ossops.emulator.http;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FormatsTest {
    private static final long T = Instant.parse("2026-11-01T08:05:09.789Z").toEpochMilli();

    @Test
    void iso_keepsWholeSecondsLikeOss() {
        assertEquals("2026-11-01T08:05:09.000Z", Formats.iso(T));
    }

    @Test
    void httpDate_hasATwoDigitDay() {
        assertEquals("Sun, 01 Nov 2026 08:05:09 GMT", Formats.httpDate(T));
    }

    @Test
    void parseHttpDate_invalidIsIgnored() {
        assertEquals(Instant.parse("2026-11-01T08:05:09Z"), Formats.parseHttpDate("Sun, 1 Nov 2026 08:05:09 GMT"));
        assertNull(Formats.parseHttpDate("yesterday"));
    }

    @Test
    void url_encodesLikeOssListings() {
        assertEquals("a%20b%2Bc%2Fd~%2A", Formats.url("a b+c/d~*"));
    }
}
