package dev.ossops.common;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Background work that never keeps the JVM alive: a process exits when its own work is done. */
public final class DaemonThreads {
    private DaemonThreads() {}

    /** A scheduler with one daemon thread, named {@code threadName} for thread dumps. */
    public static ScheduledExecutorService scheduler(String threadName) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code task} on {@code scheduler} every {@code interval}, the first time one interval from now, until the
     * scheduler shuts down. A task that throws is not run again, so {@code task} catches and reports its own failures.
     */
    public static void repeat(ScheduledExecutorService scheduler, Duration interval, Runnable task) {
        // Nothing waits on the future: the repetition ends only with the scheduler's shutdown.
        ScheduledFuture<?> unused =
                scheduler.scheduleWithFixedDelay(task, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }
}
