package dev.ossops.emulator.fault;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The fault plan in force and the per-request decisions. Setting a plan restarts its generator
 * from the seed and its throttle window, so the same plan and the same request sequence give the
 * same faults. Thread-safe; one instance per emulator.
 */
public final class Faults {
    private static final long SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LongSupplier nanoTime;
    private final Consumer<FaultPlan> applied;
    private FaultPlan plan = FaultPlan.NONE;
    private SplittableRandom random = new SplittableRandom(0);
    private long windowStart;
    private int windowCount;

    /** @param nanoTime monotonic clock for the QPS window ({@code System::nanoTime} outside tests) */
    public Faults(LongSupplier nanoTime) {
        this(nanoTime, plan -> {});
    }

    /** @param applied told of every plan set, under this object's lock, e.g. to shape the link (the socket level's part) */
    public Faults(LongSupplier nanoTime, Consumer<FaultPlan> applied) {
        this.nanoTime = nanoTime;
        this.applied = applied;
        this.windowStart = nanoTime.getAsLong();
    }

    public synchronized FaultPlan plan() {
        return plan;
    }

    public synchronized void set(FaultPlan newPlan) {
        plan = newPlan;
        random = new SplittableRandom(newPlan.seed());
        windowStart = nanoTime.getAsLong();
        windowCount = 0;
        applied.accept(newPlan);
    }

    /** Back to {@link FaultPlan#NONE}. */
    public void clear() {
        set(FaultPlan.NONE);
    }

    /** Decides the fate of the next request. */
    public synchronized FaultDecision next() {
        if (plan.off()) {
            return FaultDecision.PASS;
        }
        if (plan.qps() > 0) {
            long now = nanoTime.getAsLong();
            if (now - windowStart >= SECOND_NANOS) {
                windowStart = now;
                windowCount = 0;
            }
            if (++windowCount > plan.qps()) {
                return new FaultDecision(plan.latencyMillis(), FaultDecision.Outcome.SLOW_DOWN);
            }
        }
        double draw = random.nextDouble();
        FaultDecision.Outcome outcome;
        if (draw < plan.slowDownRate()) {
            outcome = FaultDecision.Outcome.SLOW_DOWN;
        } else if (draw < plan.slowDownRate() + plan.internalErrorRate()) {
            outcome = FaultDecision.Outcome.INTERNAL_ERROR;
        } else if (draw < plan.slowDownRate() + plan.internalErrorRate() + plan.resetRate()) {
            outcome = FaultDecision.Outcome.RESET;
        } else {
            outcome = FaultDecision.Outcome.PASS;
        }
        return new FaultDecision(plan.latencyMillis(), outcome);
    }
}
