package dev.ossops.apply;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.ossops.plan.Action;
import dev.ossops.plan.Address;
import dev.ossops.plan.Change;
import dev.ossops.plan.Plan;
import dev.ossops.spec.model.Profile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.ossops.plan.Address.Kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplyRunnerTest {
    private static final Address BUCKET = Address.of(Kind.BUCKET, "b");
    private static final Address VERSIONING = Address.of(Kind.VERSIONING, "b");
    private static final Address LIFECYCLE = Address.of(Kind.LIFECYCLE, "b");
    private static final Address TAGS = Address.of(Kind.TAGS, "b");
    private static final Address OTHER = Address.of(Kind.BUCKET, "other");

    private final List<String> ran = Collections.synchronizedList(new ArrayList<>());

    private static Change change(Address address, Action action, Address... dependsOn) {
        return new Change(
                address,
                action,
                NullNode.getInstance(),
                NullNode.getInstance(),
                List.of(),
                List.of(),
                List.of(),
                List.of(dependsOn));
    }

    private static Plan plan(Change... changes) {
        return new Plan("p", List.of(changes), Map.of(), List.of(), Set.of(), List.of(), List.of());
    }

    /** Steps that record their run and fail for the addresses in {@code failing}. */
    private StepFactory factory(Set<Address> failing) {
        return new StepFactory() {
            @Override
            public boolean handles(Change change) {
                return change.address().owner().equals("b")
                        || change.address().owner().equals("other");
            }

            @Override
            public List<Step> steps(Change change, Profile profile) {
                return List.of(new Step() {
                    @Override
                    public Address address() {
                        return change.address();
                    }

                    @Override
                    public List<Address> dependsOn() {
                        return change.dependsOn();
                    }

                    @Override
                    public String describe() {
                        return "Put " + change.address();
                    }

                    @Override
                    public void run() {
                        ran.add(change.address().toString());
                        if (failing.contains(change.address())) {
                            throw new IllegalStateException("refused by the service");
                        }
                    }
                });
            }
        };
    }

    @Test
    void run_dependencies_runBeforeDependents() {
        Plan plan = plan(
                change(BUCKET, Action.CREATE),
                change(VERSIONING, Action.CREATE, BUCKET),
                change(LIFECYCLE, Action.CREATE, BUCKET, VERSIONING));

        ApplyReport report = new ApplyRunner(List.of(factory(Set.of())), 4).run(plan, null, o -> {});

        assertEquals(List.of("bucket.b", "bucket.b.versioning", "bucket.b.lifecycle"), ran);
        assertTrue(report.succeeded());
        assertEquals("3 applied, 0 failed, 0 skipped", report.summary());
    }

    @Test
    void run_failedStep_skipsDependentsAndFinishesIndependentOnes() {
        Plan plan = plan(
                change(BUCKET, Action.CREATE),
                change(VERSIONING, Action.CREATE, BUCKET),
                change(LIFECYCLE, Action.CREATE, BUCKET, VERSIONING),
                change(TAGS, Action.CREATE, BUCKET),
                change(OTHER, Action.CREATE));

        ApplyReport report = new ApplyRunner(List.of(factory(Set.of(VERSIONING))), 2).run(plan, null, o -> {});

        assertFalse(report.succeeded());
        assertEquals("3 applied, 1 failed, 1 skipped", report.summary());
        StepOutcome failed = report.with(StepOutcome.Status.FAILED).get(0);
        assertEquals(VERSIONING, failed.address());
        assertEquals("refused by the service", failed.detail());
        StepOutcome skipped = report.with(StepOutcome.Status.SKIPPED).get(0);
        assertEquals(LIFECYCLE, skipped.address());
        assertEquals("skipped because bucket.b.versioning did not apply", skipped.detail());
        assertFalse(ran.contains("bucket.b.lifecycle"));
    }

    @Test
    void run_noFactory_reportsFailedAndSkipsDependents() {
        Address ram = Address.of(Kind.RAM_POLICY, "P");
        Plan plan = plan(change(ram, Action.CREATE), change(OTHER, Action.CREATE, ram));

        ApplyReport report = new ApplyRunner(List.of(factory(Set.of())), 2).run(plan, null, o -> {});

        assertEquals("0 applied, 1 failed, 1 skipped", report.summary());
        assertEquals(
                "no step factory handles ram.policy.P in this build",
                report.with(StepOutcome.Status.FAILED).get(0).detail());
    }

    @Test
    void run_factoryReturningTwoStepsForOneAddress_isRefusedBeforeAnythingRuns() {
        StepFactory base = factory(Set.of());
        StepFactory doubled = new StepFactory() {
            @Override
            public boolean handles(Change change) {
                return base.handles(change);
            }

            @Override
            public List<Step> steps(Change change, Profile profile) {
                List<Step> one = base.steps(change, profile);
                return List.of(one.get(0), base.steps(change, profile).get(0));
            }
        };

        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> new ApplyRunner(List.of(doubled), 2).run(plan(change(BUCKET, Action.CREATE)), null, o -> {}));

        assertEquals(
                "two steps for bucket.b: a step factory must return one step per address (wrap calls that belong"
                        + " together in one step)",
                e.getMessage());
        assertTrue(ran.isEmpty());
    }

    @Test
    void run_noOpChanges_runNothing() {
        ApplyReport report =
                new ApplyRunner(List.of(factory(Set.of())), 2).run(plan(change(BUCKET, Action.NOOP)), null, o -> {});

        assertTrue(ran.isEmpty());
        assertEquals("0 applied, 0 failed, 0 skipped", report.summary());
    }

    @Test
    void run_independentSteps_runConcurrentlyUpToTheBound() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch twoStarted = new CountDownLatch(2);
        StepFactory slow = new StepFactory() {
            @Override
            public boolean handles(Change change) {
                return true;
            }

            @Override
            public List<Step> steps(Change change, Profile profile) {
                return List.of(new Step() {
                    public Address address() {
                        return change.address();
                    }

                    public List<Address> dependsOn() {
                        return List.of();
                    }

                    public String describe() {
                        return "slow";
                    }

                    public void run() {
                        peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                        twoStarted.countDown();
                        try {
                            twoStarted.await(5, TimeUnit.SECONDS);
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                        running.decrementAndGet();
                    }
                });
            }
        };
        Plan plan = plan(
                change(Address.of(Kind.BUCKET, "a"), Action.CREATE),
                change(Address.of(Kind.BUCKET, "c"), Action.CREATE),
                change(Address.of(Kind.BUCKET, "d"), Action.CREATE),
                change(Address.of(Kind.BUCKET, "e"), Action.CREATE));

        ApplyReport report = new ApplyRunner(List.of(slow), 2).run(plan, null, o -> {});

        assertTrue(report.succeeded());
        assertEquals(2, peak.get());
    }

    @Test
    void refusals_destructiveWithoutFlag_namesEachDanger() {
        Change suspended = new Change(
                VERSIONING,
                Action.UPDATE,
                NullNode.getInstance(),
                NullNode.getInstance(),
                List.of(),
                List.of(),
                List.of(new dev.ossops.plan.Danger(
                        dev.ossops.plan.DangerRule.VERSIONING_SUSPENDED, "versioning goes from Enabled to Suspended")),
                List.of());

        assertEquals(
                List.of(
                        "bucket.b.versioning is destructive (versioning-suspended): versioning goes from Enabled to Suspended"),
                ApplyRunner.refusals(plan(suspended), false));
        assertEquals(List.of(), ApplyRunner.refusals(plan(suspended), true));
    }
}
