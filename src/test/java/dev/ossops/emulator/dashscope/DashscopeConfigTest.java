package dev.ossops.emulator.dashscope;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DashscopeConfigTest {

    @Test
    void toString_defaults_showsNoKey() {
        assertEquals(
                "DashscopeConfig[apiKeys=1, models=[qwen-audio-turbo, qwen-omni-turbo, qwen-vl-max, qwen-vl-ocr,"
                        + " qwen-vl-plus, qwen3-vl-plus], policiesPerSecond=100]",
                DashscopeConfig.defaults().toString());
    }

    @Test
    void new_zeroRate_refused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new DashscopeConfig(Set.of("sk-1"), Map.of(), 0));
        assertEquals("DashScope policies per second must be positive, was 0", e.getMessage());
    }

    @Test
    void new_nonPositiveModelLimit_refused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new DashscopeConfig(Set.of("sk-1"), Map.of("m", 0), 1));
        assertEquals("DashScope model limits must be positive MB", e.getMessage());
    }
}
