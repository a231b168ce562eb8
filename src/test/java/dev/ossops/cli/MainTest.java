package dev.ossops.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MainTest {

    @Test
    void subcommand_everyName_isTheCommandsOwnName() {
        for (String name : Main.SUBCOMMANDS) {
            assertEquals(name, new CommandLine(Main.subcommand(name)).getCommandName());
        }
    }

    @Test
    void subcommandsFor_aNamedSubcommand_isThatOneAlone() {
        assertEquals(List.of("upload"), Main.subcommandsFor(new String[] {"upload", "photo.jpg"}));
        assertEquals(List.of("validate"), Main.subcommandsFor(new String[] {"--no-color", "--stacktrace", "validate", "-p", "x.yaml"}));
    }

    @Test
    void subcommandsFor_bareVersion_isNone() {
        assertEquals(List.of(), Main.subcommandsFor(new String[] {"--version"}));
        assertEquals(List.of(), Main.subcommandsFor(new String[] {"--stacktrace", "-V"}));
    }

    @Test
    void subcommandsFor_helpUsageErrorsAndTheRest_isTheWholeTree() {
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "upload"}, {"uplod"}, {"--", "upload"}, {"--version", "--help"},
                {"-hV"}, {"@args.txt"}, {"--no-color"}}) {
            assertEquals(Main.SUBCOMMANDS, Main.subcommandsFor(args), String.join(" ", args));
        }
    }

    @Test
    void run_subcommandsRegisteredOnDemand_printWhatTheWholeTreePrints() {
        for (String[] args : new String[][] {{"--version"}, {"upload", "--help"}, {"validate", "--nope"}, {"get"},
                {"emulator", "credentials", "--help"}, {"policy", "minimal", "--help"}, {"--help"}, {"uplod"}}) {
            assertEquals(execute(args, Main.SUBCOMMANDS), execute(args, Main.subcommandsFor(args)), String.join(" ", args));
        }
    }

    /** Exit code, stdout and stderr of {@code args} with {@code subcommands} registered. */
    private static String execute(String[] args, List<String> subcommands) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment env = new CliEnvironment(Map.of(), false, new BufferedReader(new StringReader("")), CliRun.CLOCK);
        int exit = Main.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true), env, subcommands).execute(args);
        return exit + "\n" + out + "\n" + err;
    }
}
