package dev.ossops.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs ossops in-process with a given environment and captures stdout, stderr and the exit code. */
record CliRun(int exit, String out, String err) {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);

    static CliRun run(Map<String, String> variables, String... args) {
        return run(new CliEnvironment(variables, false, new BufferedReader(new StringReader("")), CLOCK), args);
    }

    static CliRun interactive(Map<String, String> variables, String input, String... args) {
        return run(new CliEnvironment(variables, true, new BufferedReader(new StringReader(input)), CLOCK), args);
    }

    static CliRun run(CliEnvironment env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
        return new CliRun(exit, out.toString(), err.toString());
    }

    static void assertContains(String text, String expected) {
        if (!text.contains(expected)) {
            throw new AssertionError("expected to find\n  " + expected + "\nin\n" + text);
        }
    }

    String all() {
        return out + err;
    }
}
