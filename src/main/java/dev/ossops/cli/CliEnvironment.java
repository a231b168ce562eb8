package dev.ossops.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * What commands take from the process: environment variables (credentials source env), whether a person is at a
 * terminal (apply asks for confirmation only then), the input to read the answer from, and the clock. Tests pass
 * their own so nothing depends on the real environment.
 */
record CliEnvironment(Map<String, String> variables, boolean interactive, BufferedReader input, Clock clock) {

    CliEnvironment {
        variables = Map.copyOf(variables);
    }

    /** The given variables, no terminal and no input: how CI runs ossops, and what tests mostly want. */
    static CliEnvironment nonInteractive(Map<String, String> variables) {
        return new CliEnvironment(
                variables, false, new BufferedReader(new java.io.StringReader("")), Clock.systemUTC());
    }

    static CliEnvironment system() {
        return new CliEnvironment(
                System.getenv(),
                System.console() != null,
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                Clock.systemUTC());
    }
}
