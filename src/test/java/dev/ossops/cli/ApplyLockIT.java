package dev.ossops.cli;

import com.aliyun.oss.OSS;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.ossops.cli.CliRun.assertContains;
import static dev.ossops.cli.PlanApplyIT.ENV;
import static dev.ossops.cli.PlanApplyIT.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** apply's lock (profile key lock:) against the emulator: refusal while held, takeover when expired, --force-unlock. */
@ExtendWith(EmulatorExtension.class)
class ApplyLockIT {
    private static final String LOCK_KEY = "locks/prod.json";

    @TempDir
    Path dir;

    private static Map<String, String> as(String user, String host) {
        Map<String, String> env = new HashMap<>(ENV);
        env.put("USER", user);
        env.put("HOSTNAME", host);
        return env;
    }

    private Path lockedProfile(URI endpoint, String lockBucket, String buckets) throws IOException {
        Path file = dir.resolve("locked.yaml");
        Files.writeString(
                file,
                profile(endpoint, buckets) + "lock: { bucket: " + lockBucket + ", key: " + LOCK_KEY + " }\n",
                StandardCharsets.UTF_8);
        return file;
    }

    private static void putLock(OSS oss, String bucket, String id, String expires) {
        String body = "{\"id\":\"" + id
                + "\",\"who\":\"bob@ci-runner\",\"when\":\"2026-11-21T11:00:00Z\",\"expires\":\"" + expires + "\"}";
        oss.putObject(bucket, LOCK_KEY, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void apply_twoInterleaving_secondRefusedWhileFirstHoldsLock(URI endpoint, OSS oss) throws Exception {
        oss.createBucket("lock-state-a");
        Path profile = lockedProfile(endpoint, "lock-state-a", "  lock-one:\n    acl: private\n");
        PipedWriter answer = new PipedWriter();
        BufferedReader input = new BufferedReader(new PipedReader(answer));
        // The first apply takes the lock, plans, then waits at the confirmation prompt: it holds the lock meanwhile.
        CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(() -> CliRun.run(
                new CliEnvironment(as("alice", "laptop"), true, input, CliRun.CLOCK),
                "apply",
                "-p",
                profile.toString(),
                "--no-color"));
        awaitLock(oss, "lock-state-a", first);
        String held = new String(
                oss.getObject("lock-state-a", LOCK_KEY).getObjectContent().readAllBytes(), StandardCharsets.UTF_8);
        String id = held.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        CliRun second = CliRun.run(as("bob", "ci-runner"), "apply", "-p", profile.toString(), "--auto-approve");

        assertEquals(1, second.exit(), second.all());
        assertEquals(
                "error: the lock oss://lock-state-a/locks/prod.json is held by alice@laptop since 2026-11-21T12:00:00Z (lock id "
                        + id
                        + ", expires 2026-11-21T12:15:00Z); if that apply is no longer running, break the lock with --force-unlock "
                        + id + "\n",
                second.err());
        assertFalse(oss.doesBucketExist("lock-one"));

        answer.write("yes\n");
        answer.flush();
        CliRun done = first.get(60, TimeUnit.SECONDS);
        assertEquals(0, done.exit(), done.all());
        assertContains(done.out(), "Lock " + id + " taken until 2026-11-21T12:15:00Z\n");
        assertContains(done.out(), "Lock " + id + " released\n");
        assertTrue(oss.doesBucketExist("lock-one"));
        assertFalse(oss.doesObjectExist("lock-state-a", LOCK_KEY));
    }

    private static void awaitLock(OSS oss, String bucket, CompletableFuture<CliRun> holder)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!oss.doesObjectExist(bucket, LOCK_KEY)) {
            if (holder.isDone()) {
                throw new AssertionError("the first apply ended before taking the lock:\n"
                        + holder.get().all());
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the first apply never took the lock");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void apply_expiredLock_takenOverAndReleased(URI endpoint, OSS oss) throws IOException {
        oss.createBucket("lock-state-b");
        putLock(oss, "lock-state-b", "stale-id", "2026-11-21T11:15:00Z");
        Path profile = lockedProfile(endpoint, "lock-state-b", "  lock-two:\n    acl: private\n");

        CliRun apply = CliRun.run(as("alice", "laptop"), "apply", "-p", profile.toString(), "--auto-approve");

        assertEquals(0, apply.exit(), apply.all());
        assertContains(
                apply.out(),
                "Took over expired lock stale-id held by bob@ci-runner since 2026-11-21T11:00:00Z (expired 2026-11-21T11:15:00Z)\n");
        assertTrue(oss.doesBucketExist("lock-two"));
        assertFalse(oss.doesObjectExist("lock-state-b", LOCK_KEY));
    }

    @Test
    void apply_forceUnlock_deletesOnlyMatchingId(URI endpoint, OSS oss) throws IOException {
        oss.createBucket("lock-state-c");
        putLock(oss, "lock-state-c", "stuck-id", "2026-11-21T13:00:00Z");
        Path profile = lockedProfile(endpoint, "lock-state-c", "  lock-three:\n    acl: private\n");
        CliRun refused = CliRun.run(as("alice", "laptop"), "apply", "-p", profile.toString(), "--auto-approve");
        assertEquals(1, refused.exit(), refused.all());
        assertContains(
                refused.err(),
                "held by bob@ci-runner since 2026-11-21T11:00:00Z (lock id stuck-id, expires 2026-11-21T13:00:00Z)");

        CliRun wrong = CliRun.run(ENV, "apply", "-p", profile.toString(), "--force-unlock", "other-id");
        assertEquals(1, wrong.exit(), wrong.all());
        assertEquals(
                "error: the lock oss://lock-state-c/locks/prod.json has id stuck-id (held by bob@ci-runner), not other-id; "
                        + "nothing was deleted\n",
                wrong.err());
        assertTrue(oss.doesObjectExist("lock-state-c", LOCK_KEY));

        CliRun broken = CliRun.run(ENV, "apply", "-p", profile.toString(), "--force-unlock", "stuck-id");
        assertEquals(0, broken.exit(), broken.all());
        assertContains(
                broken.out(),
                "Broke lock stuck-id held by bob@ci-runner since 2026-11-21T11:00:00Z; nothing was applied.\n");
        assertFalse(oss.doesObjectExist("lock-state-c", LOCK_KEY));
        assertFalse(oss.doesBucketExist("lock-three"));

        CliRun applied = CliRun.run(as("alice", "laptop"), "apply", "-p", profile.toString(), "--auto-approve");
        assertEquals(0, applied.exit(), applied.all());
        assertTrue(oss.doesBucketExist("lock-three"));
    }

    @Test
    void apply_lockBucketMissing_refusesBeforeChanging(URI endpoint, OSS oss) throws IOException {
        Path profile = lockedProfile(endpoint, "lock-state-none", "  lock-four:\n    acl: private\n");

        CliRun apply = CliRun.run(ENV, "apply", "-p", profile.toString(), "--auto-approve");

        assertEquals(1, apply.exit(), apply.all());
        assertContains(apply.err(), "PutObject lock-state-none/locks/prod.json failed: NoSuchBucket");
        assertFalse(oss.doesBucketExist("lock-four"));
    }
}
