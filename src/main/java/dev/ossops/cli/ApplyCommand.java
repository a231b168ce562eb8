package dev.ossops.cli;

import dev.ossops.apply.ApplyReport;
import dev.ossops.apply.ApplyRunner;
import dev.ossops.apply.LivePlanner;
import dev.ossops.apply.StepOutcome;
import dev.ossops.apply.lock.ApplyLock;
import dev.ossops.apply.lock.LockException;
import dev.ossops.apply.lock.LockHolder;
import dev.ossops.apply.lock.LockRecord;
import dev.ossops.plan.Action;
import dev.ossops.plan.Change;
import dev.ossops.plan.LiveQuery;
import dev.ossops.plan.LiveState;
import dev.ossops.plan.Plan;
import dev.ossops.plan.PlanFile;
import dev.ossops.plan.PlanFileException;
import dev.ossops.plan.TextRenderer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ossops apply}: plans (or checks a saved plan against live state), asks, runs the steps in dependency
 * order, reports every step, then reads live state again and says whether it now matches the profile.
 */
@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        description = {
            "Make live state match a profile (-p PROFILE) or apply a saved plan (PLANFILE).",
            "Exit 0 when every step applied and live state was verified to match; 1 otherwise."
        })
final class ApplyCommand extends BaseCommand {
    private static final Path HOSTNAME_FILE = Path.of("/etc/hostname");

    @Option(
            names = {"-p", "--profile"},
            paramLabel = "PROFILE",
            description = "The profile file; with PLANFILE, overrides the path saved in it.")
    @Nullable
    Path profile;

    @Parameters(arity = "0..1", paramLabel = "PLANFILE", description = "A plan saved with `ossops plan --out`.")
    @Nullable
    Path planFile;

    @Option(
            names = "--auto-approve",
            description = "Do not ask for confirmation (required with -p when not on a terminal; a "
                    + "saved PLANFILE is applied without asking).")
    boolean autoApprove;

    @Option(names = "--allow-destructive", description = "Allow changes the plan flags as destructive.")
    boolean allowDestructive;

    @Option(
            names = "--force-unlock",
            paramLabel = "ID",
            description = {
                "Break the profile's lock (lock:) left by an apply that "
                        + "died: delete it only if its id is ID, then exit without applying."
            })
    @Nullable
    String forceUnlock;

    @Option(
            names = "--parallelism",
            defaultValue = "8",
            paramLabel = "N",
            description = "Run at most N steps at once (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Override
    public Integer call() throws IOException {
        CliEnvironment env = env();
        PrintWriter out = out();
        PrintWriter err = err();
        requireAtLeastOne("--parallelism", parallelism);
        Optional<PlanFile> saved = Optional.empty();
        if (planFile != null) {
            try {
                saved = Optional.of(PlanFile.parse(readPlanFile(planFile)));
            } catch (PlanFileException e) {
                err.println("error: " + planFile + ": " + e.getMessage()
                        + (looksLikeProfile(planFile)
                                ? "; to apply a profile, give it with -p: ossops apply -p " + planFile
                                : ""));
                return ExitCodes.ERROR;
            }
        }
        Path profilePath = profile != null
                ? profile
                : saved.map(f -> Path.of(f.profilePath())).orElse(null);
        if (profilePath == null) {
            throw invalid("give a profile (-p PROFILE) or a saved plan (PLANFILE)");
        }
        try (ProfileSession session = ProfileSession.open(profilePath, env, parallelism)) {
            session.header().forEach(out::println);
            out.println();
            Optional<ApplyLock> lock = session.lock(env.clock());
            if (forceUnlock != null) {
                return forceUnlock(lock, forceUnlock, out, err);
            }
            session.caller();
            if (lock.isEmpty()) {
                return apply(session, saved, env, out, err);
            }
            return underLock(lock.get(), session, saved, env, out, err);
        } catch (ProfileSession.ProfileException | LockException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }

    /** The saved plan's text; a file that cannot be read is named with why, and with where plans come from. */
    private static String readPlanFile(Path planFile) {
        if (Files.isDirectory(planFile)) {
            throw new Failures.FileProblem("cannot read the plan file " + planFile
                    + ": it is a directory; give the file that " + "ossops plan --out FILE saved");
        }
        try {
            return Files.readString(planFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Failures.FileProblem(
                    "cannot read the plan file " + planFile + ": no such file; save one with: "
                            + "ossops plan -p PROFILE --out " + planFile,
                    e);
        } catch (IOException e) {
            throw new Failures.FileProblem("cannot read the plan file " + planFile + ": " + Failures.reason(e), e);
        }
    }

    private static boolean looksLikeProfile(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static int forceUnlock(Optional<ApplyLock> lock, String lockId, PrintWriter out, PrintWriter err) {
        if (lock.isEmpty()) {
            err.println("error: the profile has no lock: key, so there is no lock to break");
            return ExitCodes.ERROR;
        }
        LockRecord broken = lock.get().forceUnlock(lockId);
        out.println("Broke lock " + broken.id() + " held by " + broken.who() + " since " + broken.taken()
                + "; nothing was applied.");
        return ExitCodes.OK;
    }

    /** Takes the lock before live state is read, so the plan and the steps see no other apply, and always releases it. */
    private int underLock(
            ApplyLock lock,
            ProfileSession session,
            Optional<PlanFile> saved,
            CliEnvironment env,
            PrintWriter out,
            PrintWriter err)
            throws IOException {
        ApplyLock.Acquired acquired = lock.acquire(LockHolder.describe(env.variables(), HOSTNAME_FILE));
        acquired.takenOverFrom()
                .ifPresent(old -> out.println("Took over expired lock " + old.id() + " held by " + old.who() + " since "
                        + old.taken() + " (expired " + old.expires() + ")"));
        out.println("Lock " + acquired.record().id() + " taken until "
                + acquired.record().expires());
        out.println();
        try {
            return apply(session, saved, env, out, err);
        } finally {
            Optional<String> problem = lock.release(acquired.record());
            if (problem.isPresent()) {
                err.println("warning: " + problem.get());
            } else {
                out.println("Lock " + acquired.record().id() + " released");
            }
        }
    }

    private int apply(
            ProfileSession session, Optional<PlanFile> saved, CliEnvironment env, PrintWriter out, PrintWriter err)
            throws IOException {
        LivePlanner planner = session.planner(parallelism, Optional.of(10_000L), env);
        LiveState live = planner.reader().read(LiveQuery.reads(session.profile()));
        if (saved.isPresent()) {
            Optional<String> refusal = staleness(saved.get(), session, live);
            if (refusal.isPresent()) {
                err.println("error: " + refusal.get());
                return ExitCodes.ERROR;
            }
        }
        LivePlanner.Result result = planner.planWith(session.profile(), live, session.planOptions());
        result.warnings().forEach(w -> err.println("warning: " + w));
        Plan plan = result.plan();
        Terminal terminal = Terminal.detect(root.noColor, env.variables(), env.interactive());
        String rendered = new TextRenderer(terminal.colour(), false).render(plan);
        if (!plan.applyable()) {
            out.print(rendered);
            if (plan.complete()) {
                err.println("error: " + refusal(plan) + "; nothing was changed");
            } else {
                err.println("error: the plan is incomplete, so nothing was changed; these could not be read:");
                plan.unreadable().forEach((address, why) -> err.println("  " + address + ": " + why));
            }
            return ExitCodes.ERROR;
        }
        if (!plan.hasChanges()) {
            out.println(TextRenderer.summary(plan));
            return ExitCodes.OK;
        }
        List<String> refusals = ApplyRunner.refusals(plan, allowDestructive);
        if (!refusals.isEmpty()) {
            out.print(rendered);
            err.println("error: refusing destructive changes without --allow-destructive:");
            refusals.forEach(r -> err.println("  " + r));
            return ExitCodes.ERROR;
        }
        out.print(rendered);
        // A saved plan was the review, and staleness is refused above: it applies without asking, as terraform apply
        // PLANFILE.
        if (!autoApprove && saved.isEmpty()) {
            if (!env.interactive()) {
                err.println(
                        "error: not on a terminal, so apply cannot ask for confirmation: pass --auto-approve to apply without asking");
                return ExitCodes.ERROR;
            }
            out.print("Apply these changes? Only 'yes' is accepted: ");
            out.flush();
            String answer = env.input().readLine();
            if (!"yes".equals(answer == null ? null : answer.trim())) {
                out.println("Apply cancelled; nothing was changed.");
                return ExitCodes.ERROR;
            }
        }
        out.println();
        ApplyReport report = session.runner(parallelism).run(plan, session.profile(), o -> {
            synchronized (out) {
                out.println(line(o));
                out.flush();
            }
        });
        out.println();
        out.println("Apply: " + report.summary() + ".");
        boolean verified = verify(session, env, out);
        return report.succeeded() && verified ? ExitCodes.OK : ExitCodes.ERROR;
    }

    /** Why apply refuses a plan that is not applyable. No option overrides a failed access assertion. */
    static String refusal(Plan plan) {
        if (!plan.complete()) {
            return "the plan is incomplete (see the unreadable resources above)";
        }
        if (plan.hasErrors()) {
            return "the plan is not applyable (see the errors above)";
        }
        List<String> broken = plan.assertions().stream()
                .filter(Plan.AssertionResult::fails)
                .map(Plan.AssertionResult::name)
                .toList();
        return "the plan breaks access assertion" + (broken.size() == 1 ? " " : "s ") + String.join(", ", broken)
                + " (see above); no option overrides an assertion: change the profile";
    }

    /** Why a saved plan cannot be applied now, if it cannot. */
    private static Optional<String> staleness(PlanFile file, ProfileSession session, LiveState live) {
        if (!file.profileMatches(session.profile())) {
            return Optional.of(
                    "the profile (or a document it references) changed since the plan was saved: run plan again");
        }
        List<PlanFile.Stale> stale = PlanFile.staleAddresses(file, live);
        if (stale.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("live state changed since the plan was saved: run plan again\n  "
                + String.join(
                        "\n  ", stale.stream().map(PlanFile.Stale::message).toList()));
    }

    private boolean verify(ProfileSession session, CliEnvironment env, PrintWriter out) {
        Plan after = session.planner(parallelism, Optional.empty(), env)
                .plan(session.profile(), session.planOptions())
                .plan();
        if (after.complete() && !after.hasErrors() && !after.hasChanges()) {
            out.println("verified: live state matches the profile");
            return true;
        }
        out.println("not verified: live state still differs from the profile:");
        for (Change c : after.changes()) {
            if (c.action() != Action.NOOP) {
                out.println("  " + c.action().symbol() + " " + c.address());
            }
        }
        for (Map.Entry<?, String> u : after.unreadable().entrySet()) {
            out.println("  ? " + u.getKey() + ": " + u.getValue());
        }
        for (Plan.PlanError e : after.errors()) {
            out.println("  ! " + e.address() + ": " + e.message());
        }
        return false;
    }

    private static String line(StepOutcome o) {
        return switch (o.status()) {
            case APPLIED -> "  applied  " + o.address() + ": " + o.description();
            case FAILED -> "  failed   " + o.address() + ": " + o.description() + ": " + o.detail();
            case SKIPPED -> "  skipped  " + o.address() + ": " + o.detail();
        };
    }
}
