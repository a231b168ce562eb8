package dev.ossops.cli;

import java.util.Map;

/** Decides whether output is coloured and colours labels; never colours for pipes, CI, NO_COLOR or --no-color. */
final class Terminal {

    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String GREEN = "\u001b[32m";
    private static final String RESET = "\u001b[0m";

    private final boolean colour;

    Terminal(boolean colour) {
        this.colour = colour;
    }

    /** Colour only on an interactive console, and only when neither the flag nor the environment turns it off. */
    static Terminal detect(boolean noColorFlag, Map<String, String> environment, boolean interactive) {
        boolean off =
                noColorFlag || environment.containsKey("NO_COLOR") || environment.containsKey("CI") || !interactive;
        return new Terminal(!off);
    }

    /** Whether output is coloured (the plan renderer paints its own symbols). */
    boolean colour() {
        return colour;
    }

    String red(String text) {
        return paint(RED, text);
    }

    String yellow(String text) {
        return paint(YELLOW, text);
    }

    String green(String text) {
        return paint(GREEN, text);
    }

    private String paint(String code, String text) {
        return colour ? code + text + RESET : text;
    }
}
