package dev.ossops.serve;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadKeysTest {
    private final UploadKeys keys =
            new UploadKeys("/uploads/", Clock.fixed(Instant.parse("2031-02-03T23:59:59Z"), ZoneOffset.UTC));

    @Test
    void newKey_layoutOfSeed003_principalFromTheKeyAndADayOfTheClock() {
        String key = keys.newKey("alice", "Photo.JPG", "image/jpeg");
        assertTrue(key.matches("uploads/alice/2031/02/03/[0-9a-f]{16}\\.jpg"), key);
        assertNotEquals(key, keys.newKey("alice", "Photo.JPG", "image/jpeg"));
    }

    @Test
    void newKey_hostileOrMismatchedName_givesNoExtension() {
        assertTrue(
                keys.newKey("alice", "../../etc/passwd", "image/png").matches("uploads/alice/2031/02/03/[0-9a-f]{16}"));
        assertTrue(keys.newKey("alice", "evil.html", "image/png").matches("uploads/alice/2031/02/03/[0-9a-f]{16}"));
        assertTrue(keys.newKey("alice", "a.png*", "image/png").matches("uploads/alice/2031/02/03/[0-9a-f]{16}"));
    }

    @Test
    void requireOwned_outsideThePrefix_is403() {
        keys.requireOwned("uploads/alice/x.png", "alice");
        ServeException e = assertThrows(ServeException.class, () -> keys.requireOwned("uploads/alicex/x.png", "alice"));
        assertEquals(403, e.status());
        assertEquals(
                "object_key must be under uploads/alice/: the API key decides where its uploads are", e.getMessage());
        assertThrows(ServeException.class, () -> keys.requireOwned("uploads/alice/", "alice"));
    }

    @Test
    void prefixOf_emptyKeyPrefix_isThePrincipalAlone() {
        assertEquals("bob/", new UploadKeys("", Clock.systemUTC()).prefixOf("bob"));
    }
}
