package dev.ossops.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What commands take from the process: environment variables (credentials source env), whether a person is at a
 * terminal (apply asks for confirmation only then), the input to read the answer from, the clock, and the working
 * directory relative paths of arguments are resolved against (the JVM's cannot change, so tests pass their own).
 * Tests pass their own so nothing depends on the real environment.
 */
record CliEnvironment(
        Map<String, String> variables, boolean interactive, BufferedReader input, Clock clock, Path workingDirectory) {

    CliEnvironment {
        variables = Map.copyOf(variables);
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** In the process's working directory. */
    CliEnvironment(Map<String, String> variables, boolean interactive, BufferedReader input, Clock clock) {
        this(variables, interactive, input, clock, Path.of(""));
    }

    /** This environment in {@code directory}, as if the command were run from there. */
    CliEnvironment in(Path directory) {
        return new CliEnvironment(variables, interactive, input, clock, directory);
    }

    /** {@code path} as the user meant it: relative paths start at the working directory. */
    Path resolve(Path path) {
        return workingDirectory.resolve(path).normalize();
    }

    /** The given variables, no terminal and no input: how CI runs ossops, and what tests mostly want. */
    static CliEnvironment nonInteractive(Map<String, String> variables) {
        return new CliEnvironment(
                variables, false, new BufferedReader(new java.io.StringReader("")), Clock.systemUTC());
    }

    /**
     * Whether this process talks to a terminal. On Java 17, which ossops targets, {@code System.console()} is null
     * exactly when stdin or stdout is redirected; Java 22 changed that, and {@code Console.isTerminal()} replaces it.
     */
    @SuppressWarnings("SystemConsoleNull") // correct on the Java 17 runtime the jar is built for; see above
    static boolean onTerminal() {
        return System.console() != null;
    }

    static CliEnvironment system() {
        return new CliEnvironment(
                System.getenv(),
                onTerminal(),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                Clock.systemUTC());
    }
}
