package dev.ossops.emulator.service;

import dev.ossops.emulator.error.OssException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConditionsTest {
    private static final long MODIFIED =
            Instant.parse("2026-11-21T10:00:00.500Z").toEpochMilli();

    private static String failure(Conditions conditions) {
        return assertThrows(OssException.class, () -> conditions.check("ABC", MODIFIED))
                .error()
                .code();
    }

    @Test
    void check_ifMatch_quotedListOrStar() {
        assertDoesNotThrow(() -> new Conditions("\"X\", \"ABC\"", null, null, null).check("ABC", MODIFIED));
        assertDoesNotThrow(() -> new Conditions("*", null, null, null).check("ABC", MODIFIED));
        assertEquals("PreconditionFailed", failure(new Conditions("\"X\"", null, null, null)));
    }

    @Test
    void check_ifNoneMatch_matchingIsNotModified() {
        assertEquals("NotModified", failure(new Conditions(null, "\"ABC\"", null, null)));
        assertDoesNotThrow(() -> new Conditions(null, "\"X\"", null, null).check("ABC", MODIFIED));
    }

    @Test
    void check_dates_compareAtSecondPrecision() {
        Instant sameSecond = Instant.parse("2026-11-21T10:00:00Z");
        assertEquals("NotModified", failure(new Conditions(null, null, sameSecond, null)));
        assertDoesNotThrow(() -> new Conditions(null, null, sameSecond.minusSeconds(1), null).check("ABC", MODIFIED));
        assertDoesNotThrow(() -> new Conditions(null, null, null, sameSecond).check("ABC", MODIFIED));
        assertEquals("PreconditionFailed", failure(new Conditions(null, null, null, sameSecond.minusSeconds(1))));
    }
}
