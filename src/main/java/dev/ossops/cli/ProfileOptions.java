package dev.ossops.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code -p PROFILE} for the commands that cannot run without a profile (validate, plan, serve). Apply's optional
 * {@code -p}, and {@link AccountOptions} and {@link SessionOptions}, say different things and keep their own.
 */
final class ProfileOptions {
    @Option(
            names = {"-p", "--profile"},
            required = true,
            paramLabel = "PROFILE",
            description = "The profile file (YAML or JSON).")
    Path file;
}
