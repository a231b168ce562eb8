package dev.ossops.emulator.net;

import java.util.concurrent.TimeUnit;

/** Monotonic time and a way to wait for it, so tests can count waits instead of timing them. */
public interface Pacing {
    /** {@link System#nanoTime()} and {@link Thread#sleep}. */
    Pacing SYSTEM = new Pacing() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    };

    long nanoTime();

    /** Waits {@code nanos} nanoseconds. */
    void sleep(long nanos) throws InterruptedException;
}
