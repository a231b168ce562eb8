package dev.ossops.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TerminalTest {

    @Test
    void detect_interactiveConsole_colours() {
        assertEquals(
                "\u001b[31merror\u001b[0m",
                Terminal.detect(false, Map.of(), true).red("error"));
    }

    @Test
    void detect_noColorFlag_plain() {
        assertEquals("error", Terminal.detect(true, Map.of(), true).red("error"));
    }

    @Test
    void detect_noColorEnvironment_plain() {
        assertEquals(
                "warning", Terminal.detect(false, Map.of("NO_COLOR", ""), true).yellow("warning"));
    }

    @Test
    void detect_ci_plain() {
        assertEquals("valid", Terminal.detect(false, Map.of("CI", "true"), true).green("valid"));
    }

    @Test
    void detect_notInteractive_plain() {
        assertEquals("error", Terminal.detect(false, Map.of(), false).red("error"));
    }
}
