package dev.ossops.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every command of the tool, the root first, for tests that check each one's help or completion. */
final class CommandTree {
    private CommandTree() {}

    static List<CommandLine> everyCommand() {
        PrintWriter discard = new PrintWriter(PrintWriter.nullWriter());
        CommandLine root =
                Main.newCommandLine(discard, discard, CliEnvironment.nonInteractive(Map.of()), Main.SUBCOMMANDS);
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        return all;
    }

    private static void collect(CommandLine command, List<CommandLine> all) {
        all.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, all));
    }
}
