package dev.ossops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ossops completion}: a valid script that knows every command and option, though a run loads one command. */
class CompletionCommandTest {

    @Test
    void bash_isValidBashWithEveryCommandAndOption(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.run(Map.of(), "completion", "bash");

        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        Path script = dir.resolve("ossops_completion");
        Files.writeString(script, run.out(), StandardCharsets.UTF_8);
        Process bash = new ProcessBuilder("bash", "-n", script.toString())
                .redirectErrorStream(true)
                .start();
        String syntax = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bash.waitFor(), syntax);
        assertTrue(
                run.out()
                        .contains("local commands=\"help validate schema emulator plan apply export upload presign"
                                + " sts-token post-policy serve get policy audit completion\""),
                run.out());
        for (CommandLine command : CommandTree.everyCommand()) {
            CommandSpec spec = command.getCommandSpec();
            if (spec.name().equals("help")) {
                continue;
            }
            // Each command's options are offered in that command's own function.
            String header = "function _picocli_" + spec.qualifiedName("_").replace("-", "") + "() {";
            int start = run.out().indexOf(header);
            assertTrue(start >= 0, header);
            int end = run.out().indexOf("\nfunction ", start + header.length());
            String function = run.out().substring(start, end < 0 ? run.out().length() : end);
            for (OptionSpec option : spec.options()) {
                for (String name : option.names()) {
                    assertTrue(function.contains("'" + name + "'"), spec.qualifiedName() + " " + name);
                }
            }
        }
    }

    @Test
    void zsh_loadsBashCompatibility() {
        CliRun run = CliRun.run(Map.of(), "completion", "zsh");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("autoload -U +X bashcompinit && bashcompinit"), run.out());
        assertTrue(run.out().contains("complete -F _complete_ossops -o default ossops"), run.out());
    }

    @Test
    void unknownShell_isAUsageError() {
        CliRun run = CliRun.run(Map.of(), "completion", "fish");

        assertEquals(ExitCodes.ERROR, run.exit());
        assertEquals(
                "error: Invalid value for positional parameter at index 0 (SHELL): expected one of [bash, zsh] (case-sensitive) but was 'fish'\n"
                        + "See 'ossops completion --help'.\n",
                run.err());
    }

    @Test
    void readme_tellsHowToLoadIt() throws Exception {
        assertTrue(Files.readString(Path.of("README.md")).contains("source <(ossops completion bash)"));
    }
}
