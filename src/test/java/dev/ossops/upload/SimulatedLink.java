package dev.ossops.upload;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A link simulated in steps of one millisecond of made-up time, to drive a
 * {@link ParallelismController} the way transfers over a real network would, deterministically:
 * each request waits {@code latencyMillis} before its bytes flow (the first-byte latency), then
 * each transfer moves at most its connection's rate and all of them together at most the total,
 * shared evenly (or, {@link #unevenShare}, first come first served). Each transfer reports its
 * bytes to the controller as they move (or, {@link #completionsOnly}, all at its completion: the
 * controller's measure before it counted bytes as they move). With a QPS limit, a request beyond
 * it in its second is answered with throttling after the latency and sent again after a fixed
 * pause, still holding its slot, as the retry layer does.
 */
final class SimulatedLink {
    private static final long TICK_NANOS = 1_000_000L;
    private static final int RETRY_PAUSE_MILLIS = 200;

    private final int latencyMillis;
    private final double connectionBytesPerMilli;
    private final double totalBytesPerMilli;
    private final int qps;
    private final boolean firstComeFirstServed;
    private final boolean reportsProgress;

    /** What a run did: made-up time, bytes, the limit after every step, and the throttling answers. */
    record Run(
            long millis,
            long bytes,
            List<Integer> limits,
            int throttled,
            int limitBeforeFirstThrottle,
            int limitAfterFirstThrottle) {
        double bytesPerSecond() {
            return bytes * 1000.0 / millis;
        }

        int finalLimit() {
            return limits.get(limits.size() - 1);
        }

        int highestLimit() {
            return limits.stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    /** Rates in bytes per second, 0 for no limit; {@code qps} 0 for no throttle. */
    SimulatedLink(int latencyMillis, long connectionBytesPerSecond, long totalBytesPerSecond, int qps) {
        this(
                latencyMillis,
                connectionBytesPerSecond == 0 ? Double.MAX_VALUE : connectionBytesPerSecond / 1000.0,
                totalBytesPerSecond == 0 ? Double.MAX_VALUE : totalBytesPerSecond / 1000.0,
                qps,
                false,
                true);
    }

    private SimulatedLink(
            int latencyMillis,
            double connectionBytesPerMilli,
            double totalBytesPerMilli,
            int qps,
            boolean firstComeFirstServed,
            boolean reportsProgress) {
        this.latencyMillis = latencyMillis;
        this.connectionBytesPerMilli = connectionBytesPerMilli;
        this.totalBytesPerMilli = totalBytesPerMilli;
        this.qps = qps;
        this.firstComeFirstServed = firstComeFirstServed;
        this.reportsProgress = reportsProgress;
    }

    /**
     * The same link, its total shared first come first served: the transfers that began flowing
     * first take their connection's rate, the later ones what is left. The extreme of a link
     * whose total is not shared fairly (nothing makes the shaped emulator's shared bucket fair);
     * completions then come staggered.
     */
    SimulatedLink unevenShare() {
        return new SimulatedLink(
                latencyMillis, connectionBytesPerMilli, totalBytesPerMilli, qps, true, reportsProgress);
    }

    /** The same link, its transfers reporting their bytes only at completion. */
    SimulatedLink completionsOnly() {
        return new SimulatedLink(
                latencyMillis, connectionBytesPerMilli, totalBytesPerMilli, qps, firstComeFirstServed, false);
    }

    private static final class Transfer {
        final long size;
        final ParallelismController.Transfer slot;
        double remaining;
        long reported;
        long flowsAt;
        boolean throttledAttempt;

        Transfer(long size, ParallelismController.Transfer slot) {
            this.size = size;
            this.slot = slot;
            this.remaining = size;
        }
    }

    /** Sends {@code sizes} in order, as many at once as the controller allows; its clock must be {@code clock}. */
    Run send(List<Long> sizes, ParallelismController controller, long[] clock) {
        Deque<Long> waiting = new ArrayDeque<>(sizes);
        List<Transfer> active = new ArrayList<>();
        List<Integer> limits = new ArrayList<>();
        long now = 0;
        long bytes = 0;
        int throttled = 0;
        int beforeFirst = 0;
        int afterFirst = 0;
        long second = -1;
        int startedThisSecond = 0;
        while (!waiting.isEmpty() || !active.isEmpty()) {
            while (!waiting.isEmpty() && active.size() < controller.limit()) {
                active.add(new Transfer(waiting.poll(), controller.begin()));
                active.get(active.size() - 1).flowsAt = -1;
            }
            for (Transfer t : active) {
                if (t.flowsAt < 0) {
                    if (now / 1000 != second) {
                        second = now / 1000;
                        startedThisSecond = 0;
                    }
                    t.throttledAttempt = qps > 0 && ++startedThisSecond > qps;
                    t.flowsAt = now + latencyMillis;
                }
            }
            now++;
            clock[0] = now * TICK_NANOS;
            long at = now;
            List<Transfer> flowing = active.stream()
                    .filter(t -> t.flowsAt >= 0 && t.flowsAt <= at && !t.throttledAttempt)
                    .toList();
            double each =
                    flowing.isEmpty() ? 0 : Math.min(connectionBytesPerMilli, totalBytesPerMilli / flowing.size());
            double left = totalBytesPerMilli;
            List<Transfer> done = new ArrayList<>();
            for (Transfer t : active) {
                if (t.throttledAttempt && t.flowsAt <= now) {
                    throttled++;
                    int before = controller.limit();
                    controller.throttled();
                    if (throttled == 1) {
                        beforeFirst = before;
                        afterFirst = controller.limit();
                    }
                    t.throttledAttempt = false;
                    t.flowsAt = -1 - RETRY_PAUSE_MILLIS; // sent again after the pause
                } else if (t.flowsAt < -1) {
                    t.flowsAt++;
                } else if (flowing.contains(t)) {
                    // In the order the transfers began (active keeps it): the first served first.
                    double share = firstComeFirstServed ? Math.min(connectionBytesPerMilli, left) : each;
                    left -= share;
                    t.remaining -= share;
                    if (t.remaining <= 1e-6) {
                        done.add(t);
                    } else if (reportsProgress) {
                        long moved = (long) (t.size - t.remaining);
                        t.slot.moved(moved - t.reported);
                        t.reported = moved;
                    }
                }
            }
            for (Transfer t : done) {
                active.remove(t);
                bytes += t.size;
                controller.completed(t.slot, t.size);
            }
            limits.add(controller.limit());
        }
        return new Run(now, bytes, limits, throttled, beforeFirst, afterFirst);
    }
}
