package dev.ossops.common;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExponentialBackoffTest {
    @Test
    void ceiling_doublesFromBaseUpToCap() {
        List<Long> waits = IntStream.rangeClosed(1, 7)
                .mapToObj(i -> ExponentialBackoff.ceiling(Duration.ofMillis(200), Duration.ofSeconds(5), i)
                        .toMillis())
                .toList();
        assertEquals(List.of(200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L), waits);
    }

    @Test
    void ceiling_manyAttempts_staysAtCapWithoutOverflow() {
        assertEquals(
                Duration.ofSeconds(5),
                ExponentialBackoff.ceiling(Duration.ofMillis(200), Duration.ofSeconds(5), Integer.MAX_VALUE));
    }

    @Test
    void ceiling_capBelowBase_isCap() {
        assertEquals(
                Duration.ofMillis(50), ExponentialBackoff.ceiling(Duration.ofMillis(200), Duration.ofMillis(50), 1));
    }

    @Test
    void ceiling_attemptZero_isRejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ExponentialBackoff.ceiling(Duration.ofMillis(200), Duration.ofSeconds(5), 0));
        assertEquals("attempt must be at least 1, was 0", e.getMessage());
    }
}
