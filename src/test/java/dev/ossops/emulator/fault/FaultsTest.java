package dev.ossops.emulator.fault;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultsTest {
    private final AtomicLong nanos = new AtomicLong();

    private Map<FaultDecision.Outcome, Integer> run(Faults faults, int requests) {
        Map<FaultDecision.Outcome, Integer> counts = new EnumMap<>(FaultDecision.Outcome.class);
        for (int i = 0; i < requests; i++) {
            counts.merge(faults.next().outcome(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void next_defaultPlan_passesEverything() {
        Faults faults = new Faults(nanos::get);
        assertEquals(Map.of(FaultDecision.Outcome.PASS, 100), run(faults, 100));
        assertEquals(FaultPlan.NONE, faults.plan());
    }

    @Test
    void next_sameSeed_repeatsExactly() {
        FaultPlan plan = new FaultPlan(0, 0.2, 0.1, 0, 0.05, 42);
        Faults first = new Faults(nanos::get);
        first.set(plan);
        Faults second = new Faults(nanos::get);
        second.set(plan);
        for (int i = 0; i < 500; i++) {
            assertEquals(first.next(), second.next(), "request " + i);
        }
    }

    @Test
    void next_rates_areApproximatelyHonoured() {
        Faults faults = new Faults(nanos::get);
        faults.set(new FaultPlan(0, 0.2, 0.1, 0, 0.05, 7));
        Map<FaultDecision.Outcome, Integer> counts = run(faults, 10_000);
        assertTrue(Math.abs(counts.get(FaultDecision.Outcome.SLOW_DOWN) - 2000) < 200, counts.toString());
        assertTrue(Math.abs(counts.get(FaultDecision.Outcome.INTERNAL_ERROR) - 1000) < 150, counts.toString());
        assertTrue(Math.abs(counts.get(FaultDecision.Outcome.RESET) - 500) < 100, counts.toString());
    }

    @Test
    void set_restartsTheGeneratorFromTheSeed() {
        Faults faults = new Faults(nanos::get);
        FaultPlan plan = new FaultPlan(0, 0.5, 0, 0, 0, 3);
        faults.set(plan);
        Map<FaultDecision.Outcome, Integer> first = run(faults, 50);
        faults.set(plan);
        assertEquals(first, run(faults, 50));
    }

    @Test
    void next_qps_throttlesWithinEachSecond() {
        Faults faults = new Faults(nanos::get);
        faults.set(new FaultPlan(0, 0, 0, 3, 0, 0));
        assertEquals(Map.of(FaultDecision.Outcome.PASS, 3, FaultDecision.Outcome.SLOW_DOWN, 2), run(faults, 5));
        nanos.addAndGet(1_000_000_000L);
        assertEquals(Map.of(FaultDecision.Outcome.PASS, 3, FaultDecision.Outcome.SLOW_DOWN, 1), run(faults, 4));
    }

    @Test
    void next_latency_isCarriedOnEveryDecision() {
        Faults faults = new Faults(nanos::get);
        faults.set(new FaultPlan(250, 0, 0, 0, 0, 0));
        assertEquals(new FaultDecision(250, FaultDecision.Outcome.PASS), faults.next());
    }

    @Test
    void clear_turnsFaultsOff() {
        Faults faults = new Faults(nanos::get);
        faults.set(new FaultPlan(0, 1, 0, 0, 0, 0));
        faults.clear();
        assertEquals(FaultDecision.PASS, faults.next());
    }

    @Test
    void faultPlan_invalidValues_areRefusedWithExactMessages() {
        assertEquals(
                "slowDownRate must be between 0 and 1, was 1.5",
                assertThrows(IllegalArgumentException.class, () -> new FaultPlan(0, 1.5, 0, 0, 0, 0))
                        .getMessage());
        assertEquals(
                "internalErrorRate must be between 0 and 1, was -0.1",
                assertThrows(IllegalArgumentException.class, () -> new FaultPlan(0, 0, -0.1, 0, 0, 0))
                        .getMessage());
        assertEquals(
                "resetRate must be between 0 and 1, was NaN",
                assertThrows(IllegalArgumentException.class, () -> new FaultPlan(0, 0, 0, 0, Double.NaN, 0))
                        .getMessage());
        assertEquals(
                "slowDownRate + internalErrorRate + resetRate must not exceed 1, was 1.2",
                assertThrows(IllegalArgumentException.class, () -> new FaultPlan(0, 0.6, 0.6, 0, 0, 0))
                        .getMessage());
        assertEquals(
                "qps must be 0 (unlimited) or more, was -1",
                assertThrows(IllegalArgumentException.class, () -> new FaultPlan(0, 0, 0, -1, 0, 0))
                        .getMessage());
        assertEquals(
                "latencyMillis must be between 0 and 600000, was -5",
                assertThrows(IllegalArgumentException.class, () -> new FaultPlan(-5, 0, 0, 0, 0, 0))
                        .getMessage());
        assertEquals(
                "connectionBytesPerSecond must be 0 (unlimited) or more, was -1",
                assertThrows(IllegalArgumentException.class, () -> new FaultPlan(0, 0, 0, 0, 0, 0, -1, 0))
                        .getMessage());
        assertEquals(
                "totalBytesPerSecond must be 0 (unlimited) or more, was -2",
                assertThrows(IllegalArgumentException.class, () -> new FaultPlan(0, 0, 0, 0, 0, 0, 0, -2))
                        .getMessage());
    }

    @Test
    void set_linkShapeOnly_isHandedOnButInjectsNothingPerRequest() {
        List<FaultPlan> applied = new ArrayList<>();
        Faults faults = new Faults(nanos::get, applied::add);
        FaultPlan shaped = new FaultPlan(0, 0, 0, 0, 0, 0, 4 << 20, 48 << 20);
        faults.set(shaped);
        faults.clear();
        assertEquals(List.of(shaped, FaultPlan.NONE), applied);
        faults.set(shaped);
        assertEquals(FaultDecision.PASS, faults.next());
    }

    @Test
    void requestStats_countsRequestsAndPartsUntilReset() {
        RequestStats stats = new RequestStats();
        stats.request("PutObject");
        stats.request("UploadPart");
        stats.request("UploadPart");
        stats.part("u1", 2);
        stats.part("u1", 1);
        RequestStats.Snapshot snapshot = stats.snapshot();
        assertEquals(1, snapshot.requests("PutObject"));
        assertEquals(2, snapshot.requests("UploadPart"));
        assertEquals(0, snapshot.requests("GetObject"));
        assertEquals(java.util.List.of(2, 1), snapshot.parts("u1"));
        stats.reset();
        assertEquals(Map.of(), stats.snapshot().requests());
    }
}
