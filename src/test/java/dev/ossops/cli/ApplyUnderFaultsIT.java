package dev.ossops.cli;

import dev.ossops.apply.ApplyReport;
import dev.ossops.apply.StepOutcome;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorExtension;
import dev.ossops.emulator.fault.FaultPlan;
import dev.ossops.emulator.fault.RequestStats;
import dev.ossops.plan.Plan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static dev.ossops.cli.CliRun.assertContains;
import static dev.ossops.cli.PlanApplyIT.ENV;
import static dev.ossops.cli.PlanApplyIT.full;
import static dev.ossops.cli.PlanApplyIT.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** apply through the retry layer while the emulator injects throttling and 503 SlowDown (seeded, so runs repeat). */
@ExtendWith(EmulatorExtension.class)
class ApplyUnderFaultsIT {
    @TempDir
    Path dir;

    Emulator emulator;

    @AfterEach
    void clearFaults() {
        if (emulator != null) {
            emulator.faults().clear();
        }
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void apply_slowDownAndThrottle_convergesThroughRetries(URI endpoint, Emulator emulator) throws IOException {
        this.emulator = emulator;
        Path profile = write(
                "faults.yaml",
                profile(endpoint, full("flt-a-media", "flt-a-logs") + full("flt-b-media", "flt-b-logs")));
        emulator.stats().reset();
        emulator.faults().set(new FaultPlan(50, 0.2, 0, 40, 0, 7));

        // Four requests in flight at 50 ms each ask for up to 80 per second: the 40 QPS throttle
        // closes every busy second but stays open half of it, which the retry layer rides out.
        // Without the latency a fast emulator answers in milliseconds, the throttle's window fills
        // in its first 50 ms and stays shut, and six attempts became a matter of luck (1 run in 6).
        CliRun apply = CliRun.run(ENV, "apply", "-p", profile.toString(), "--auto-approve", "--parallelism", "4");

        assertEquals(0, apply.exit(), apply.all());
        assertContains(apply.out(), "Apply: 26 applied, 0 failed, 0 skipped.");
        assertContains(apply.out(), "verified: live state matches the profile");
        RequestStats.Snapshot stats = emulator.stats().snapshot();
        emulator.faults().clear();
        CliRun plan = CliRun.run(ENV, "plan", "-p", profile.toString(), "--detailed-exitcode");
        assertEquals(0, plan.exit(), plan.all());
        assertTrue(plan.out().endsWith("No changes. Live state matches the profile.\n"), plan.out());
        // Each of the 26 steps is one Put* call when nothing fails; more Put* requests mean faults were retried.
        long puts = stats.requests().entrySet().stream()
                .filter(e -> e.getKey().startsWith("Put"))
                .mapToLong(e -> e.getValue())
                .sum();
        assertTrue(puts > 26, "no write was retried: " + stats.requests());
    }

    @Test
    void apply_faultsExhaustRetries_reportsEachStepThenRerunConverges(URI endpoint, Emulator emulator)
            throws IOException {
        this.emulator = emulator;
        Path profile = write(
                "exhaust.yaml",
                profile(endpoint, full("exh-a-media", "exh-a-logs") + full("exh-b-media", "exh-b-logs")));
        ApplyReport report;
        CliEnvironment env = CliEnvironment.nonInteractive(ENV);
        try (ProfileSession session = ProfileSession.open(profile, env, 1)) {
            Plan plan = session.planner(1, Optional.empty(), env)
                    .plan(session.profile(), session.planOptions())
                    .plan();
            assertTrue(plan.applyable() && plan.hasChanges(), plan.toString());
            // Planned without faults; now 3 in 4 requests answer SlowDown, so some calls fail all 6 attempts.
            emulator.faults().set(new FaultPlan(0, 0.75, 0, 0, 0, 11));
            report = session.runner(1).run(plan, session.profile(), o -> {});
        }
        emulator.faults().clear();

        int applied = report.with(StepOutcome.Status.APPLIED).size();
        int failed = report.with(StepOutcome.Status.FAILED).size();
        int skipped = report.with(StepOutcome.Status.SKIPPED).size();
        assertEquals(26, applied + failed + skipped, report.summary());
        assertTrue(applied > 0 && failed > 0 && skipped > 0, report.summary());
        for (StepOutcome o : report.with(StepOutcome.Status.FAILED)) {
            assertContains(o.detail(), "SlowDown");
            assertContains(o.detail(), "(after 6 attempts)");
        }
        assertFalse(report.succeeded());

        CliRun rerun = CliRun.run(ENV, "apply", "-p", profile.toString(), "--auto-approve");
        assertEquals(0, rerun.exit(), rerun.all());
        assertContains(rerun.out(), "Apply: " + (failed + skipped) + " applied, 0 failed, 0 skipped.");
        assertContains(rerun.out(), "verified: live state matches the profile");
    }
}
