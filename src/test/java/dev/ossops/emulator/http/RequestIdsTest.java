package dev.ossops.emulator.http;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdsTest {

    @Test
    void next_isTheSecondsInEightHexDigitsThenSixteenMore() {
        RequestIds ids = new RequestIds(Clock.fixed(Instant.ofEpochSecond(0x1_6A5B_3C4DL), ZoneOffset.UTC));

        String first = ids.next();
        String second = ids.next();

        assertTrue(first.matches("6A5B3C4D[0-9A-F]{16}"), first);
        assertTrue(second.matches("6A5B3C4D[0-9A-F]{16}"), second);
        assertNotEquals(first, second);
    }
}
