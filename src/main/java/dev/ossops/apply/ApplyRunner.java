package dev.ossops.apply;

import dev.ossops.plan.Action;
import dev.ossops.plan.Address;
import dev.ossops.plan.Change;
import dev.ossops.plan.Danger;
import dev.ossops.plan.Plan;
import dev.ossops.spec.model.Profile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Executes a plan: each change becomes steps through the step factory that handles it; a step runs once every step
 * it depends on has applied, independent steps run concurrently (bounded); a failed step skips its dependents and
 * lets independent ones finish.
 */
public final class ApplyRunner {
    private final List<StepFactory> factories;
    private final int parallelism;

    public ApplyRunner(List<StepFactory> factories, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.factories = List.copyOf(factories);
        this.parallelism = parallelism;
    }

    /** Why apply must not run {@code plan} as asked: destructive changes without {@code allowDestructive}. */
    public static List<String> refusals(Plan plan, boolean allowDestructive) {
        List<String> out = new ArrayList<>();
        if (!allowDestructive) {
            for (Change c : plan.changes()) {
                for (Danger d : c.dangers()) {
                    out.add(c.address() + " is destructive (" + d.rule().id() + "): " + d.message());
                }
            }
        }
        return out;
    }

    public ApplyReport run(Plan plan, Profile profile, Consumer<StepOutcome> progress) {
        List<StepOutcome> outcomes = new ArrayList<>();
        Consumer<StepOutcome> record = o -> {
            outcomes.add(o);
            progress.accept(o);
        };
        Map<Address, Step> steps = new LinkedHashMap<>();
        Map<Address, StepOutcome.Status> done = new LinkedHashMap<>();
        for (Change change : plan.changes()) {
            if (change.action() == Action.NOOP) {
                continue;
            }
            Optional<StepFactory> factory =
                    factories.stream().filter(f -> f.handles(change)).findFirst();
            if (factory.isEmpty()) {
                Step missing = new MissingFactoryStep(change.address());
                record.accept(
                        StepOutcome.failed(missing, "no step factory handles " + change.address() + " in this build"));
                done.put(change.address(), StepOutcome.Status.FAILED);
                continue;
            }
            for (Step step : factory.get().steps(change, profile)) {
                // Steps are ordered and reported by address: a second one would replace the first unseen.
                if (steps.putIfAbsent(step.address(), step) != null) {
                    throw new IllegalStateException(
                            "two steps for " + step.address() + ": a step factory must return one step"
                                    + " per address (wrap calls that belong together in one step)");
                }
            }
        }
        execute(steps, done, record);
        return new ApplyReport(outcomes);
    }

    private void execute(
            Map<Address, Step> steps, Map<Address, StepOutcome.Status> done, Consumer<StepOutcome> record) {
        Set<Address> planned = new HashSet<>(steps.keySet());
        planned.addAll(done.keySet());
        List<Step> pending = new ArrayList<>(steps.values());
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        CompletionService<StepOutcome> completion = new ExecutorCompletionService<>(pool);
        int running = 0;
        try {
            while (true) {
                running += startReady(pending, planned, done, record, completion);
                if (running == 0) {
                    break;
                }
                StepOutcome finished = completion.take().get();
                running--;
                done.put(finished.address(), finished.status());
                record.accept(finished);
            }
            for (Step step : pending) {
                // Only a dependency cycle leaves steps here; the planner never produces one, but never hide it.
                record.accept(StepOutcome.skipped(step, "dependency cycle among " + step.dependsOn()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "a step escaped its outcome: " + String.valueOf(e.getCause()), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static int startReady(
            List<Step> pending,
            Set<Address> planned,
            Map<Address, StepOutcome.Status> done,
            Consumer<StepOutcome> record,
            CompletionService<StepOutcome> completion) {
        int started = 0;
        boolean progressed = true;
        while (progressed) {
            progressed = false;
            for (Iterator<Step> it = pending.iterator(); it.hasNext(); ) {
                Step step = it.next();
                Optional<Address> blocked = step.dependsOn().stream()
                        .filter(planned::contains)
                        .filter(d -> done.containsKey(d) && done.get(d) != StepOutcome.Status.APPLIED)
                        .findFirst();
                if (blocked.isPresent()) {
                    it.remove();
                    StepOutcome skipped =
                            StepOutcome.skipped(step, "skipped because " + blocked.get() + " did not apply");
                    done.put(step.address(), StepOutcome.Status.SKIPPED);
                    record.accept(skipped);
                    progressed = true;
                } else if (step.dependsOn().stream().filter(planned::contains).allMatch(done::containsKey)) {
                    it.remove();
                    completion.submit(() -> runOne(step));
                    started++;
                }
            }
        }
        return started;
    }

    private static StepOutcome runOne(Step step) {
        try {
            step.run();
            return StepOutcome.applied(step);
        } catch (RuntimeException e) {
            // The failure is the outcome: the report shows it and dependents are skipped.
            return StepOutcome.failed(
                    step, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** Stands in for a change no factory handles, so the report can name it. */
    private record MissingFactoryStep(Address address) implements Step {
        @Override
        public List<Address> dependsOn() {
            return List.of();
        }

        @Override
        public String describe() {
            return "apply " + address;
        }

        @Override
        public void run() {
            throw new UnsupportedOperationException("no step factory for " + address);
        }
    }
}
