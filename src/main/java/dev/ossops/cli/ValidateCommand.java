package dev.ossops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.spec.Problem;
import dev.ossops.spec.ProfileLoader;
import dev.ossops.spec.Severity;
import dev.ossops.spec.tree.PropertyPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;

/** {@code ossops validate}: loads a profile and everything it references, prints every problem. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description =
                "Check a profile and every file it references; print all problems. Exit 0 when valid (warnings allowed), 1 otherwise.")
final class ValidateCommand extends BaseCommand {

    @Mixin
    ProfileOptions profile;

    @Mixin
    TextOrJsonOptions format;

    @Override
    public Integer call() throws JsonProcessingException {
        ProfileLoader.Result result = new ProfileLoader().load(profile.file);
        PrintWriter out = out();
        if (format.json()) {
            out.println(json(result));
        } else {
            Terminal terminal =
                    Terminal.detect(root != null && root.noColor, System.getenv(), CliEnvironment.onTerminal());
            for (Problem problem : result.problems()) {
                String label =
                        problem.severity() == Severity.ERROR ? terminal.red("error") : terminal.yellow("warning");
                out.println(problem.location() + ": " + label + ": " + PropertyPath.display(problem.path()) + ": "
                        + problem.message());
            }
            out.println(summary(result, terminal));
        }
        out.flush();
        return result.valid() ? ExitCodes.OK : ExitCodes.ERROR;
    }

    static String summary(ProfileLoader.Result result, Terminal terminal) {
        long errors = result.count(Severity.ERROR);
        long warnings = result.count(Severity.WARNING);
        String file = result.file().toString();
        if (errors > 0) {
            return file + ": " + terminal.red(plural(errors, "error"))
                    + (warnings > 0 ? ", " + plural(warnings, "warning") : "");
        }
        return file + ": " + terminal.green("valid") + (warnings > 0 ? ", " + plural(warnings, "warning") : "");
    }

    private static String plural(long count, String word) {
        return count + " " + word + (count == 1 ? "" : "s");
    }

    private static String json(ProfileLoader.Result result) throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("valid", result.valid());
        ArrayNode problems = root.putArray("problems");
        for (Problem problem : result.problems()) {
            problems.addObject()
                    .put("severity", problem.severity().label())
                    .put("code", problem.code().id())
                    .put("file", problem.location().file())
                    .put("line", problem.location().line())
                    .put("column", problem.location().column())
                    .put("path", problem.path())
                    .put("message", problem.message());
        }
        return mapper.writeValueAsString(root);
    }
}
