package dev.ossops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
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
            assertTrue(
                    run.err()
                            .startsWith("error: cannot read the plan file " + missing
                                    + ": no such file; save one with: " + "ossops plan -p PROFILE --out " + missing
                                    + "\ndev.ossops.cli.Failures$FileProblem: "),
                    run.err());
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
        for (String command : Main.SUBCOMMANDS) {
            if (command.equals("help")) {
                continue;
            }
            CliRun run = CliRun.run(Map.of(), command, "--help");
            assertTrue(run.out().contains("--stacktrace"), command + " --help lacks --stacktrace:\n" + run.out());
        }
    }

    @Test
    void help_upload_namesTheProfilesLayoutAsTheDefault() {
        String help = CliRun.run(Map.of(), "upload", "--help").out().replaceAll("\\s+", " ");

        assertTrue(
                help.contains("replaces the key layout (default: the profile's keyLayout or dirMode, else"
                        + " {prefix}/{date}/{uuid}_{filename})"),
                help);
        assertTrue(help.contains("(default: the profile's filenameMode, else filename)"), help);
    }

    @Test
    void run_dashscopeWithoutModel_isAUsageErrorWithoutStacktraceHint(@TempDir Path dir) {
        CliRun run = CliRun.run(
                Map.of(), "upload", "--to", "dashscope", dir.resolve("cat.png").toString());

        assertEquals(ExitCodes.ERROR, run.exit());
        assertEquals("error: --to dashscope needs --model MODEL\nSee 'ossops upload --help'.\n", run.err());
    }

    @Test
    void run_presignWithUnknownMethod_isAUsageError() {
        CliRun run = CliRun.run(Map.of(), "presign", "a.png", "--method", "DELETE");

        assertEquals(ExitCodes.ERROR, run.exit());
        assertEquals("error: --method must be GET or PUT, got 'DELETE'\nSee 'ossops presign --help'.\n", run.err());
    }

    @Test
    void run_valueACommandRejects_isOneLineWithoutTheHelpPointer() {
        CliRun run = CliRun.run(Map.of(), "apply", "--parallelism", "0");

        assertEquals(ExitCodes.ERROR, run.exit());
        assertEquals("error: --parallelism must be at least 1, got 0\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void run_valuePicocliCannotConvert_pointsToHelp() {
        CliRun run = CliRun.run(Map.of(), "apply", "--parallelism", "many");

        assertEquals(ExitCodes.ERROR, run.exit());
        assertEquals(
                "error: Invalid value for option '--parallelism': 'many' is not an int\nSee 'ossops apply --help'.\n",
                run.err());
    }

    @Test
    void run_applyWithoutProfileOrPlan_saysWhatToGive() {
        CliRun run = CliRun.run(Map.of(), "apply");

        assertEquals(ExitCodes.ERROR, run.exit());
        assertEquals("error: give a profile (-p PROFILE) or a saved plan (PLANFILE)\n", run.err());
    }

    @Test
    void run_profileMissing_isTheSameUsageErrorForEveryCommandThatNeedsOne() {
        for (String command : List.of("validate", "plan", "serve")) {
            CliRun run = CliRun.run(Map.of(), command);

            assertEquals(ExitCodes.ERROR, run.exit(), command);
            assertEquals(
                    "error: Missing required option: '--profile=PROFILE'\nSee 'ossops " + command + " --help'.\n",
                    run.err());
        }
    }

    @Test
    void subcommand_everyName_isTheCommandsOwnName() {
        for (String name : Main.SUBCOMMANDS) {
            assertEquals(name, new CommandLine(Main.subcommand(name)).getCommandName());
        }
    }

    @Test
    void subcommandsFor_aNamedSubcommand_isThatOneAlone() {
        assertEquals(List.of("upload"), Main.subcommandsFor(new String[] {"upload", "photo.jpg"}));
        assertEquals(
                List.of("validate"),
                Main.subcommandsFor(new String[] {"--no-color", "--stacktrace", "validate", "-p", "x.yaml"}));
    }

    @Test
    void subcommandsFor_bareVersion_isNone() {
        assertEquals(List.of(), Main.subcommandsFor(new String[] {"--version"}));
        assertEquals(List.of(), Main.subcommandsFor(new String[] {"--stacktrace", "-V"}));
    }

    @Test
    void subcommandsFor_helpUsageErrorsAndTheRest_isTheWholeTree() {
        for (String[] args : new String[][] {
            {},
            {"--help"},
            {"help", "upload"},
            {"uplod"},
            {"--", "upload"},
            {"--version", "--help"},
            {"-hV"},
            {"@args.txt"},
            {"--no-color"}
        }) {
            assertEquals(Main.SUBCOMMANDS, Main.subcommandsFor(args), String.join(" ", args));
        }
    }

    @Test
    void run_subcommandsRegisteredOnDemand_printWhatTheWholeTreePrints() {
        for (String[] args : new String[][] {
            {"--version"},
            {"upload", "--help"},
            {"validate", "--nope"},
            {"get"},
            {"emulator", "credentials", "--help"},
            {"policy", "minimal", "--help"},
            {"--help"},
            {"uplod"}
        }) {
            assertEquals(
                    execute(args, Main.SUBCOMMANDS), execute(args, Main.subcommandsFor(args)), String.join(" ", args));
        }
    }

    /** Exit code, stdout and stderr of {@code args} with {@code subcommands} registered. */
    private static String execute(String[] args, List<String> subcommands) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment env =
                new CliEnvironment(Map.of(), false, new BufferedReader(new StringReader("")), CliRun.CLOCK);
        int exit = Main.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true), env, subcommands)
                .execute(args);
        return exit + "\n" + out + "\n" + err;
    }
}
