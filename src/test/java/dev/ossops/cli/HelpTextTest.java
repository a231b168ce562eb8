package dev.ossops.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every command's usage help, the whole tree: labels that say what a value is, lines within the width, wrapped only
 * between words, and every default shown.
 */
class HelpTextTest {
    /** A label picocli derives from a field name: {@code <faultInternalErrorRate>}, {@code <port>}. */
    private static final Pattern DERIVED_LABEL = Pattern.compile("<[a-z]+[A-Za-z0-9]*>");

    @Test
    void usageHelp_everyCommand_followsTheConventions() {
        List<String> problems = new ArrayList<>();
        for (CommandLine command : CommandTree.everyCommand()) {
            CommandSpec spec = command.getCommandSpec();
            String name = spec.qualifiedName();
            String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            int width = spec.usageMessage().width();
            for (String line : usage.split("\n", -1)) {
                if (line.length() > width) {
                    problems.add(name + ": line over " + width + " columns: " + line);
                }
            }
            Matcher derived = DERIVED_LABEL.matcher(usage);
            while (derived.find()) {
                problems.add(name + ": label derived from a field name: " + derived.group());
            }
            // The synopsis breaks only between options: never inside one's brackets or after its '='.
            String synopsis = command.getHelp().synopsis(0);
            int depth = 0;
            for (String line : synopsis.split("\n")) {
                depth += line.chars().filter(c -> c == '[').count()
                        - line.chars().filter(c -> c == ']').count();
                if (depth != 0 || line.endsWith("=")) {
                    problems.add(name + ": synopsis wrapped inside an option: " + line.strip());
                }
            }
            // A line break inside a word (".ossops/\nemulator") shows as a space the text does not have.
            String flowing = collapse(usage);
            for (String paragraph : spec.usageMessage().description()) {
                // Help formats every description with String.format (%n is a line break).
                if (!flowing.contains(collapse(String.format(paragraph)))) {
                    problems.add(name + ": description wrapped inside a word: " + paragraph);
                }
            }
            // The command list shows each subcommand's header, else its first description line.
            for (CommandLine sub : command.getSubcommands().values()) {
                CommandLine.Model.UsageMessageSpec message =
                        sub.getCommandSpec().usageMessage();
                String[] summary = message.header().length > 0 ? message.header() : message.description();
                if (summary.length > 0 && !flowing.contains(collapse(String.format(summary[0])))) {
                    problems.add(name + " lists " + sub.getCommandName() + " wrapped inside a word: " + summary[0]);
                }
            }
            List<ArgSpec> args = new ArrayList<>(spec.options());
            args.addAll(spec.positionalParameters());
            for (ArgSpec arg : args) {
                String label = arg.isOption() ? ((OptionSpec) arg).longestName() : arg.paramLabel();
                String description = collapse(rendered(arg));
                if (!flowing.contains(description)) {
                    problems.add(name + " " + label + ": wrapped inside a word: " + description);
                }
                String defaultValue = arg.defaultValueString();
                if (shownDefault(arg) && !description.contains("default: " + defaultValue)) {
                    problems.add(name + " " + label + ": default " + defaultValue + " not shown: " + description);
                }
            }
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    /** Whether an option's default is a value worth showing: set, and not the false of a flag or an empty list. */
    private static boolean shownDefault(ArgSpec arg) {
        if (arg.defaultValueString() == null || arg.defaultValueString().equals("null")) {
            return false;
        }
        if (arg.isOption() && (((OptionSpec) arg).usageHelp() || ((OptionSpec) arg).versionHelp())) {
            return false;
        }
        Class<?> type = arg.type();
        boolean flag = type == boolean.class || type == Boolean.class;
        return !flag && !arg.isMultiValue();
    }

    /** The description as help prints it, variables filled in. */
    private static String rendered(ArgSpec arg) {
        String text = String.join(" ", arg.description());
        text = text.replace("${DEFAULT-VALUE}", String.valueOf(arg.defaultValueString()));
        if (arg.completionCandidates() != null) {
            text = text.replace("${COMPLETION-CANDIDATES}", String.join(", ", arg.completionCandidates()));
        }
        return String.format(text);
    }

    private static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
