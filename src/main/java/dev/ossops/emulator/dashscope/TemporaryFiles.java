package dev.ossops.emulator.dashscope;

import dev.ossops.common.DaemonThreads;
import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.service.ObjectService;
import dev.ossops.emulator.store.DiskStore;
import dev.ossops.emulator.store.KeyRecord;
import dev.ossops.emulator.store.ObjectVersion;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Deletes DashScope temporary files 48 hours after upload, as DashScope does. The emulator does
 * not run lifecycle rules, so the rule on the system bucket documents the intent and this sweep
 * carries it out: every {@link #INTERVAL} while the emulator runs, and before each policy is issued.
 */
public final class TemporaryFiles implements AutoCloseable {
    /** DashScope: "Files are automatically deleted after 48 hours." */
    public static final Duration LIFETIME = Duration.ofDays(2);

    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final System.Logger LOG = System.getLogger(TemporaryFiles.class.getName());

    private final DiskStore store;
    private final ObjectService objects;
    private final Caller owner;
    private final String bucket;
    private final Clock clock;
    private final ScheduledExecutorService executor;

    public TemporaryFiles(DiskStore store, ObjectService objects, Caller owner, String bucket, Clock clock) {
        this.store = store;
        this.objects = objects;
        this.owner = owner;
        this.bucket = bucket;
        this.clock = clock;
        this.executor = DaemonThreads.scheduler("ossops-emulator-dashscope-expiry");
    }

    public void start() {
        // sweepLogged logs its own failures, so one failed sweep does not end the repetition.
        DaemonThreads.repeat(executor, INTERVAL, this::sweepLogged);
    }

    /** Deletes the files older than 48 hours; returns their keys. */
    public synchronized List<String> sweep() {
        if (store.bucket(bucket).isEmpty()) {
            return List.of();
        }
        long cutoff = clock.millis() - LIFETIME.toMillis();
        List<String> expired = new ArrayList<>();
        for (Map.Entry<String, KeyRecord> e : store.keys(bucket).entrySet()) {
            boolean old = e.getValue()
                    .current()
                    .filter(v -> !v.deleteMarker())
                    .map(ObjectVersion::lastModified)
                    .filter(modified -> modified <= cutoff)
                    .isPresent();
            if (old) {
                expired.add(e.getKey());
            }
        }
        for (String key : expired) {
            objects.delete(owner, bucket, key, null);
        }
        return expired;
    }

    /** The scheduled sweep: a failure is logged and the next run tries again, rather than ending the schedule. */
    private void sweepLogged() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "DashScope temporary file sweep failed; retrying in " + INTERVAL, e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
