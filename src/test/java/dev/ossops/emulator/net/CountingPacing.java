package dev.ossops.emulator.net;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Pacing for tests: time moves only when something waits, and every wait is counted, so a test
 * asserts how long a transfer was held back without timing anything.
 */
public final class CountingPacing implements Pacing {
    private final AtomicLong now = new AtomicLong();
    private final AtomicLong slept = new AtomicLong();
    private final AtomicLong sleeps = new AtomicLong();

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleep(long nanos) {
        sleeps.incrementAndGet();
        slept.addAndGet(nanos);
        now.addAndGet(nanos);
    }

    /** Lets time pass without anyone waiting, as between two requests. */
    public void idle(long nanos) {
        now.addAndGet(nanos);
    }

    /** Nanoseconds waited in total. */
    public long slept() {
        return slept.get();
    }

    public long sleeps() {
        return sleeps.get();
    }

    public void reset() {
        slept.set(0);
        sleeps.set(0);
    }
}
