package dev.ossops.cli;

import dev.ossops.apply.LivePlanner;
import dev.ossops.plan.JsonRenderer;
import dev.ossops.plan.Plan;
import dev.ossops.plan.PlanFile;
import dev.ossops.plan.TextRenderer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code ossops plan}: reads what the profile manages, compares, prints the changes apply would make. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Compare a profile with live state and print the changes apply would make.",
            "Exit 0: no changes (or changes without --detailed-exitcode); 1: error or incomplete plan; 2: changes with --detailed-exitcode."
        })
final class PlanCommand extends BaseCommand {
    /** Live reads run this many at a time. */
    static final int READ_PARALLELISM = 8;

    @Mixin
    ProfileOptions profile;

    @Mixin
    TextOrJsonOptions format;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Also save the plan (JSON, with live fingerprints) for `ossops apply FILE`.")
    @Nullable
    Path out;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when there are changes.")
    boolean detailedExitcode;

    @Option(names = "--verbose", description = "Also list the normalisations that applied.")
    boolean verbose;

    @Option(names = "--no-inventory", description = "Do not list objects to measure the impact of expiration rules.")
    boolean noInventory;

    @Option(
            names = "--inventory-limit",
            defaultValue = "10000",
            paramLabel = "N",
            description = "List at most N objects per expiration impact (default: ${DEFAULT-VALUE}).")
    long inventoryLimit;

    /**
     * Plan reads are independent GETs; 16 at once keeps a 100-bucket plan within a few seconds at 20 ms per request
     * (bench/plan-benchmark.sh) while staying far below OSS's request limits, and throttling is retried anyway.
     */
    static final int PLAN_PARALLELISM = 16;

    @Option(
            names = "--parallelism",
            defaultValue = "" + PLAN_PARALLELISM,
            paramLabel = "N",
            description = "Read at most N live settings at once (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Override
    public Integer call() throws IOException {
        CliEnvironment env = env();
        PrintWriter stdout = out();
        PrintWriter stderr = err();
        requireAtLeastOne("--inventory-limit", inventoryLimit);
        requireAtLeastOne("--parallelism", parallelism);
        // Refused before live state is read: a plan that cannot be saved is a plan to run again.
        Optional<String> unwritable = out == null ? Optional.empty() : Failures.unwritable(out);
        if (unwritable.isPresent()) {
            stderr.println("error: cannot save the plan to " + out + ": " + unwritable.get());
            return ExitCodes.ERROR;
        }
        try (ProfileSession session = ProfileSession.open(profile.file, env, parallelism)) {
            // Header lines go to stderr for JSON so stdout stays one JSON document.
            PrintWriter info = format.json() ? stderr : stdout;
            session.header().forEach(info::println);
            info.println();
            session.caller();
            LivePlanner planner =
                    session.planner(parallelism, noInventory ? Optional.empty() : Optional.of(inventoryLimit), env);
            LivePlanner.Result result = planner.plan(session.profile(), session.planOptions());
            result.warnings().forEach(w -> stderr.println("warning: " + w));
            Plan plan = result.plan();
            if (format.json()) {
                stdout.print(new JsonRenderer().render(plan));
            } else {
                Terminal terminal = Terminal.detect(root.noColor, env.variables(), env.interactive());
                stdout.print(new TextRenderer(terminal.colour(), verbose).render(plan));
            }
            if (out != null) {
                save(PlanFile.of(plan, session.profile(), result.live()).toJson());
                info.println("Saved the plan to " + out + "; apply it with: ossops apply " + out);
            }
            stdout.flush();
            return exitCode(plan, detailedExitcode);
        } catch (ProfileSession.ProfileException e) {
            stderr.println("error: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }

    private void save(String json) {
        try {
            Files.writeString(out, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failures.FileProblem("cannot save the plan to " + out + ": " + Failures.reason(e), e);
        }
    }

    static int exitCode(Plan plan, boolean detailed) {
        if (!plan.applyable()) {
            return ExitCodes.ERROR;
        }
        return detailed && plan.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
    }
}
