package dev.ossops.upload.dashscope;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BackoffTest {

    @Test
    void delayAfter_default_doublesUpToMax() {
        Backoff b = new Backoff(8, Duration.ofMillis(200), Duration.ofSeconds(2));
        assertEquals(
                List.of(200L, 400L, 800L, 1600L, 2000L, 2000L),
                IntStream.rangeClosed(1, 6)
                        .mapToObj(i -> b.delayAfter(i).toMillis())
                        .toList());
    }

    @Test
    void new_zeroAttempts_refused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new Backoff(0, Duration.ZERO, Duration.ZERO));
        assertEquals("attempts must be at least 1, was 0", e.getMessage());
    }
}
