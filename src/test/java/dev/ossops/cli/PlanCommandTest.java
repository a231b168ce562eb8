package dev.ossops.cli;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.ossops.plan.Action;
import dev.ossops.plan.Address;
import dev.ossops.plan.Change;
import dev.ossops.plan.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.ossops.plan.Address.Kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanCommandTest {
    private static final Address TAGS = Address.of(Kind.TAGS, "b");

    private static Plan plan(Action action, Map<Address, String> unreadable, List<Plan.PlanError> errors) {
        Change change = new Change(
                TAGS,
                action,
                NullNode.getInstance(),
                NullNode.getInstance(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
        return new Plan("p", List.of(change), unreadable, errors, Set.of(), List.of(), List.of());
    }

    @Test
    void exitCode_noChanges_zeroEitherWay() {
        assertEquals(ExitCodes.OK, PlanCommand.exitCode(plan(Action.NOOP, Map.of(), List.of()), true));
        assertEquals(ExitCodes.OK, PlanCommand.exitCode(plan(Action.NOOP, Map.of(), List.of()), false));
    }

    @Test
    void exitCode_changes_twoOnlyWithDetailedExitcode() {
        assertEquals(ExitCodes.CHANGES, PlanCommand.exitCode(plan(Action.UPDATE, Map.of(), List.of()), true));
        assertEquals(ExitCodes.OK, PlanCommand.exitCode(plan(Action.UPDATE, Map.of(), List.of()), false));
    }

    @Test
    void exitCode_incompleteOrErrors_one() {
        assertEquals(
                ExitCodes.ERROR, PlanCommand.exitCode(plan(Action.UPDATE, Map.of(TAGS, "denied"), List.of()), true));
        assertEquals(
                ExitCodes.ERROR,
                PlanCommand.exitCode(plan(Action.NOOP, Map.of(), List.of(new Plan.PlanError(TAGS, "bad"))), false));
    }

    @Test
    void run_invalidProfile_exitOneWithEveryError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("invalid.yaml");
        Files.writeString(
                file,
                "apiVersion: ossops/v1\nkind: Profile\nname: x\nregion: cn-hangzhou\ncredentials: { source: env }\nbuckets:\n  b:\n    acll: private\n");

        CliRun run = CliRun.run(Map.of(), "plan", "-p", file.toString());

        assertEquals(ExitCodes.ERROR, run.exit());
        assertEquals(
                "error: " + file + " is not a valid profile (run ossops validate):\n  " + file
                        + ":7:3: error: buckets.b: 'b' is not a valid bucket name; use 3-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit\n  "
                        + file + ":8:5: error: buckets.b.acll: unknown key 'acll'; did you mean 'acl'?\n",
                run.err());
    }

    @Test
    void run_parallelismZero_refusedBeforeReading(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, "apiVersion: ossops/v1\nkind: Profile\nname: x\nregion: cn-hangzhou\n");

        CliRun run = CliRun.run(Map.of(), "plan", "-p", file.toString(), "--parallelism", "0");

        assertEquals(ExitCodes.ERROR, run.exit());
        assertEquals("error: --parallelism must be at least 1, got 0\n", run.err());
    }

    @Test
    void apply_forceUnlockWithoutLockKey_refused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(
                file,
                "apiVersion: ossops/v1\nkind: Profile\nname: x\nregion: cn-hangzhou\nendpoint: http://127.0.0.1:9\n"
                        + "credentials: { source: env }\n");

        CliRun run = CliRun.run(Map.of(), "apply", "-p", file.toString(), "--force-unlock", "some-id");

        assertEquals(ExitCodes.ERROR, run.exit());
        assertEquals("error: the profile has no lock: key, so there is no lock to break\n", run.err());
    }

    private static Path minimalProfile(Path dir) throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(
                file,
                "apiVersion: ossops/v1\nkind: Profile\nname: x\nregion: cn-hangzhou\nendpoint: http://127.0.0.1:9\n"
                        + "credentials: { source: env }\n");
        return file;
    }

    @Test
    void plan_outInMissingDirectory_refusedBeforeReadingWithTheReason(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("nodir/x/plan.json");

        CliRun run = CliRun.run(Map.of(), "plan", "-p", minimalProfile(dir).toString(), "--out", out.toString());

        assertEquals(ExitCodes.ERROR, run.exit());
        assertEquals(
                "error: cannot save the plan to " + out + ": the directory " + out.getParent() + " does not exist\n",
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void plan_outIsADirectory_refusedBeforeReading(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.run(Map.of(), "plan", "-p", minimalProfile(dir).toString(), "--out", dir.toString());

        assertEquals(ExitCodes.ERROR, run.exit());
        assertEquals("error: cannot save the plan to " + dir + ": it is a directory\n", run.err());
    }

    @Test
    void apply_missingPlanFile_namesItAndHowToSaveOne(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");

        CliRun run = CliRun.run(Map.of(), "apply", missing.toString());

        assertEquals(ExitCodes.ERROR, run.exit());
        assertEquals(
                "error: cannot read the plan file " + missing
                        + ": no such file; save one with: ossops plan -p PROFILE --out " + missing + "\n",
                run.err());
    }

    @Test
    void apply_planFileIsADirectory_saysSo(@TempDir Path dir) {
        CliRun run = CliRun.run(Map.of(), "apply", dir.toString());

        assertEquals(ExitCodes.ERROR, run.exit());
        assertEquals(
                "error: cannot read the plan file " + dir
                        + ": it is a directory; give the file that ossops plan --out FILE " + "saved\n",
                run.err());
    }

    @Test
    void apply_profileGivenAsPlanFile_pointsToDashP(@TempDir Path dir) throws Exception {
        Path profile = minimalProfile(dir);

        CliRun run = CliRun.run(Map.of(), "apply", profile.toString());

        assertEquals(ExitCodes.ERROR, run.exit());
        assertTrue(run.err().startsWith("error: " + profile + ": "), run.err());
        assertTrue(
                run.err().endsWith("; to apply a profile, give it with -p: ossops apply -p " + profile + "\n"),
                run.err());
    }
}
