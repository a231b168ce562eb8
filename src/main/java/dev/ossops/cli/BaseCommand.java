package dev.ossops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * What every subcommand of {@link Main} needs: the root (its environment and global options), its own spec and the
 * writers picocli was given, so that tests and {@link RedactingWriter} see everything a command prints.
 */
abstract class BaseCommand implements Callable<Integer> {
    @ParentCommand
    Main root;

    @Spec
    CommandSpec spec;

    /** The variables, terminal, input and clock of this run. */
    final CliEnvironment env() {
        return root.environment;
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** For {@code throw}: a value that parsed but makes no sense here, such as a count below 1. */
    final InvalidValue invalid(String message) {
        return new InvalidValue(spec.commandLine(), message);
    }

    /** Rejects, as {@link #invalid} does, a count that makes no sense below 1 such as --parallelism. */
    final void requireAtLeastOne(String option, long value) {
        if (value < 1) {
            throw invalid(option + " must be at least 1, got " + value);
        }
    }

    /**
     * A value picocli parsed and the command rejects. It takes picocli's path for bad command lines (exit 1), but
     * its message names the option and what it takes, so {@link Main} prints it as one line without the pointer to
     * --help that a syntax error gets.
     */
    static final class InvalidValue extends CommandLine.ParameterException {
        private static final long serialVersionUID = 1L;

        InvalidValue(CommandLine command, String message) {
            super(command, message);
        }
    }
}
