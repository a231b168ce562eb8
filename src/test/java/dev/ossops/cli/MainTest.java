package dev.ossops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How {@link Main} reports errors: one line naming the cause, --stacktrace anywhere on the line, usage errors as usage. */
class MainTest {

    @Test
    void run_stacktraceAfterTheSubcommand_printsTheTrace(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");

        CliRun after = CliRun.run(Map.of(), "apply", missing.toString(), "--stacktrace");
        CliRun before = CliRun.run(Map.of(), "--stacktrace", "apply", missing.toString());

        for (CliRun run : new CliRun[] {after, before}) {
            assertEquals(ExitCodes.ERROR, run.exit());
            assertTrue(run.err().startsWith("error: cannot read the plan file " + missing + ": no such file; save one with: "
                    + "ossops plan -p PROFILE --out " + missing + "\ndev.ossops.cli.Failures$FileProblem: "), run.err());
            assertTrue(run.err().contains("Caused by: java.nio.file.NoSuchFileException: " + missing), run.err());
        }
    }

    @Test
    void run_explainedError_doesNotSuggestStacktrace(@TempDir Path dir) {
        CliRun run = CliRun.run(Map.of(), "apply", dir.resolve("nope.json").toString());

        assertFalse(run.err().contains("--stacktrace"), run.err());
    }

    @Test
    void help_everySubcommand_listsStacktrace() {
        for (String command : Main.newCommandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter())).getSubcommands().keySet()) {
            if (command.equals("help")) {
                continue;
            }
            CliRun run = CliRun.run(Map.of(), command, "--help");
            assertTrue(run.out().contains("--stacktrace"), command + " --help lacks --stacktrace:\n" + run.out());
        }
    }

    @Test
    void run_dashscopeWithoutModel_isAUsageErrorWithoutStacktraceHint(@TempDir Path dir) {
        CliRun run = CliRun.run(Map.of(), "upload", "--to", "dashscope", dir.resolve("cat.png").toString());

        assertEquals(ExitCodes.ERROR, run.exit());
        assertEquals("error: --to dashscope needs --model MODEL\nSee 'ossops upload --help'.\n", run.err());
    }

    @Test
    void run_presignWithUnknownMethod_isAUsageError() {
        CliRun run = CliRun.run(Map.of(), "presign", "a.png", "--method", "DELETE");

        assertEquals(ExitCodes.ERROR, run.exit());
        assertEquals("error: --method must be GET or PUT, got 'DELETE'\nSee 'ossops presign --help'.\n", run.err());
    }
}
