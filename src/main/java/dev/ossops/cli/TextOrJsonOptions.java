package dev.ossops.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json} of validate and plan: text for people, or one JSON document on stdout. */
final class TextOrJsonOptions {
    /** How the result is printed. */
    enum Format {
        text,
        json
    }

    @Option(
            names = "--format",
            defaultValue = "text",
            paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    boolean json() {
        return format == Format.json;
    }
}
