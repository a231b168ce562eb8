package dev.ossops.cli;

import dev.ossops.upload.TransferProgress;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** {@code -q/--quiet} of the transfer commands (upload, get): progress and the closing summary on stderr, or neither. */
final class QuietOption {
    @Option(
            names = {"-q", "--quiet"},
            description = "No progress output.")
    boolean quiet;

    /** Progress on {@code err}, as bars on a terminal and lines elsewhere; none with -q. */
    TransferProgress progress(PrintWriter err) {
        return quiet ? TransferProgress.NONE : ProgressPrinter.forStream(err, CliEnvironment.onTerminal());
    }
}
