package dev.ossops.upload.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import dev.ossops.emulator.fault.FaultPlan;
import dev.ossops.emulator.fault.RequestStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proof 5: {@code ossops upload} through injected 503 SlowDown answers and connection resets. It
 * retries its way to a byte-exact object; when every request fails it exits 1 and, the failure
 * being retryable, keeps the checkpoint and its upload (the uploader's documented rule) so the
 * next run completes it. No secret reaches stderr.
 * <p>A reset that cuts the answer of an InitiateMultipartUpload the emulator has served leaves an
 * upload whose id never reached the uploader; the uploader then lists the key's uploads and aborts
 * those initiated while such an attempt was under way, whether initiating finally worked or not.
 * The proofs of that are the two {@code initiateAnswer} tests; the others start their resets after
 * the first part, and fail every request from the start with 503s alone, to prove other things.
 */
@ExtendWith(EmulatorExtension.class)
class FaultsE2eIT {
    private static final int PART = 100 * 1024;

    @TempDir
    Path dir;

    private final EmulatorClients clients;
    private final Emulator emulator;
    private final String bucket;

    FaultsE2eIT(EmulatorClients clients) {
        this.clients = clients;
        this.emulator = clients.emulator();
        this.bucket = clients.bucketName("faults");
        clients.v4().createBucket(bucket);
    }

    @AfterEach
    void noFaults() {
        emulator.faults().clear();
    }

    private String[] upload(Path file, String key, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "upload",
                file.toString(),
                "--key",
                key,
                "--part-size",
                "100KiB",
                "--multipart-threshold",
                "100KiB",
                "--parallel",
                "4",
                "--quiet",
                "--checkpoint-dir",
                dir.resolve("cp").toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** stdout carries presigned URLs by design; stderr carries neither them nor any key. */
    private void assertNoSecrets(E2e.Run r) {
        assertFalse(r.out().contains(emulator.rootKey().secret()), "the secret leaked: " + r.out());
        assertFalse(r.err().contains(emulator.rootKey().secret()), "the secret leaked: " + r.err());
        assertFalse(r.err().contains(emulator.rootKey().id()), "the unmasked key id leaked: " + r.err());
        assertFalse(r.err().contains("ignature"), r.err());
        assertFalse(r.err().contains("Credential"), r.err());
    }

    /** Sets {@code plan} once {@code parts} UploadPart requests (from now) have arrived; the last of them still passes. */
    private Future<?> faultsAfterParts(ExecutorService watcher, int parts, FaultPlan plan) {
        long before = emulator.stats().snapshot().requests("UploadPart");
        return watcher.submit(() -> {
            while (emulator.stats().snapshot().requests("UploadPart") - before < parts) {
                Thread.sleep(1);
            }
            emulator.faults().set(plan);
            return null;
        });
    }

    @Test
    void upload_through503sAndResets_retriesToAByteExactObject() throws Exception {
        Path file = TestData.random(dir.resolve("flaky.bin"), 20 * PART + 777, 5);
        String key = "faults/flaky.bin";
        long before = emulator.stats().snapshot().requests("UploadPart");
        ExecutorService watcher = Executors.newSingleThreadExecutor();
        E2e.Run r;
        try {
            // From the first part on (see the class comment): 10% 503 SlowDown, 10% connection resets.
            Future<?> faults = faultsAfterParts(watcher, 1, new FaultPlan(0, 0.1, 0, 0, 0.1, 20261121));
            emulator.faults().set(new FaultPlan(20, 0, 0, 0, 0, 1));
            r = E2e.ossops(E2e.rootEnv(emulator, bucket), upload(file, key));
            faults.get(1, TimeUnit.MINUTES);
        } finally {
            watcher.shutdownNow();
            emulator.faults().clear();
        }

        assertEquals(0, r.exit(), r.err());
        assertNoSecrets(r);
        JsonNode line = new ObjectMapper().readTree(r.out());
        assertTrue(line.get("etag").asText().endsWith("-21"), r.out());
        // Some parts had to be sent more than once: the faults did happen.
        long sent = emulator.stats().snapshot().requests("UploadPart") - before;
        assertTrue(sent > 21, "UploadPart requests: " + sent);
        assertArrayEquals(Files.readAllBytes(file), TestData.stored(clients.v4(), bucket, key));
        assertEquals(List.of(), TestData.uploads(clients.v4(), bucket));
        assertEquals(List.of(), TestData.checkpoints(dir.resolve("cp")));
    }

    /** Sets {@code plan} once the first request of {@code api} (from now) has arrived. */
    private Future<?> faultsAfterFirst(ExecutorService watcher, String api, FaultPlan plan) {
        long before = emulator.stats().snapshot().requests(api);
        return watcher.submit(() -> {
            while (emulator.stats().snapshot().requests(api) == before) {
                Thread.sleep(1);
            }
            emulator.faults().set(plan);
            return null;
        });
    }

    /** The request ids in an error message differ per run: the rest must be exact. */
    private static String withoutRequestIds(String text) {
        return text.replaceAll("\\(request id [0-9A-F]{24}\\)", "(request id …)");
    }

    /**
     * Every answer is cut off, so all six attempts to initiate leave an upload whose id was lost; the
     * faults stay until the uploader turns to clean up (its listing could not get through them
     * either), and the cleanup aborts all six.
     */
    @Test
    void upload_initiateAnswersCutOff_abortsTheUploadsWhoseIdsWereLost() throws Exception {
        Path file = TestData.random(dir.resolve("orphans.bin"), 2 * PART, 8);
        String key = "orphans/orphans.bin";
        RequestStats.Snapshot before = emulator.stats().snapshot();
        ExecutorService watcher = Executors.newSingleThreadExecutor();
        E2e.Run r;
        try {
            Future<?> cleared = faultsAfterFirst(watcher, "ListMultipartUploads", FaultPlan.NONE);
            emulator.faults().set(new FaultPlan(0, 0, 0, 0, 1, 3));
            r = E2e.ossops(E2e.rootEnv(emulator, bucket), upload(file, key));
            cleared.get(1, TimeUnit.MINUTES);
        } finally {
            watcher.shutdownNow();
            emulator.faults().clear();
        }
        RequestStats.Snapshot after = emulator.stats().snapshot();

        assertEquals(1, r.exit(), r.err());
        assertEquals(
                "error: InitiateMultipartUpload " + bucket + "/" + key + " failed (after 6 attempts): InvalidResponse: "
                        + "Failed to parse the response result. (request id …)\n",
                withoutRequestIds(r.err()));
        assertNoSecrets(r);
        assertEquals(6, after.requests("InitiateMultipartUpload") - before.requests("InitiateMultipartUpload"));
        assertEquals(6, after.requests("AbortMultipartUpload") - before.requests("AbortMultipartUpload"));
        assertEquals(List.of(), TestData.uploads(clients.v4(), bucket));
        assertEquals(List.of(), TestData.checkpoints(dir.resolve("cp")));
        assertFalse(clients.v4().doesObjectExist(bucket, key));
    }

    /** The first answer is cut off, the second arrives: the upload completes and the first one is aborted. */
    @Test
    void upload_initiateAnswerCutOffOnce_completesAndAbortsTheLostUpload() throws Exception {
        Path file = TestData.random(dir.resolve("once.bin"), 3 * PART + 5, 9);
        String key = "orphans/once.bin";
        RequestStats.Snapshot before = emulator.stats().snapshot();
        // Seed 199 at a 20% rate resets the first request and none of the next twenty.
        emulator.faults().set(new FaultPlan(0, 0, 0, 0, 0.2, 199));
        E2e.Run r;
        try {
            r = E2e.ossops(E2e.rootEnv(emulator, bucket), upload(file, key));
        } finally {
            emulator.faults().clear();
        }
        RequestStats.Snapshot after = emulator.stats().snapshot();

        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertTrue(new ObjectMapper().readTree(r.out()).get("etag").asText().endsWith("-4"), r.out());
        assertEquals(2, after.requests("InitiateMultipartUpload") - before.requests("InitiateMultipartUpload"));
        assertEquals(1, after.requests("ListMultipartUploads") - before.requests("ListMultipartUploads"));
        assertEquals(1, after.requests("AbortMultipartUpload") - before.requests("AbortMultipartUpload"));
        assertArrayEquals(Files.readAllBytes(file), TestData.stored(clients.v4(), bucket, key));
        assertEquals(List.of(), TestData.uploads(clients.v4(), bucket));
        assertEquals(List.of(), TestData.checkpoints(dir.resolve("cp")));
    }

    @Test
    void upload_everyRequestFailingFromTheStart_exitsOneAndLeavesNothing() throws Exception {
        Path file = TestData.random(dir.resolve("doomed.bin"), 5 * PART, 6);
        // 503 only: a reset would cut the answer of an InitiateMultipartUpload that was served (see the class comment).
        emulator.faults().set(new FaultPlan(0, 1, 0, 0, 0, 7));

        E2e.Run r = E2e.ossops(E2e.rootEnv(emulator, bucket), upload(file, "faults/doomed.bin"));
        emulator.faults().clear();

        assertEquals(1, r.exit(), r.err());
        assertTrue(
                r.err()
                        .startsWith("error: InitiateMultipartUpload " + bucket
                                + "/faults/doomed.bin failed (after 6 attempts): SlowDown: "),
                r.err());
        assertNoSecrets(r);
        assertEquals(List.of(), TestData.uploads(clients.v4(), bucket));
        assertEquals(List.of(), TestData.checkpoints(dir.resolve("cp")));
        assertFalse(clients.v4().doesObjectExist(bucket, "faults/doomed.bin"));
    }

    @Test
    void upload_everyRequestFailingMidUpload_keepsCheckpointAndUploadForTheNextRun() throws Exception {
        Path file = TestData.random(dir.resolve("cut.bin"), 30 * PART, 7);
        String key = "faults/cut.bin";
        ExecutorService watcher = Executors.newSingleThreadExecutor();
        try {
            // Once a few parts have arrived, every request fails: 503 SlowDown or a reset.
            Future<?> cut = faultsAfterParts(watcher, 4, new FaultPlan(0, 0.5, 0, 0, 0.5, 8));
            emulator.faults().set(new FaultPlan(20, 0, 0, 0, 0, 9));

            E2e.Run r = E2e.ossops(E2e.rootEnv(emulator, bucket), upload(file, key));
            cut.get(1, TimeUnit.MINUTES);
            emulator.faults().clear();

            assertEquals(1, r.exit(), r.err());
            assertTrue(r.err().startsWith("error: UploadPart "), r.err());
            assertTrue(r.err().contains(" of " + bucket + "/" + key + " failed (after 6 attempts): "), r.err());
            assertTrue(
                    r.err().contains(" (checkpoint kept in " + dir.resolve("cp").toAbsolutePath() + "/"), r.err());
            assertTrue(
                    r.err().contains(".json: run the same command again, from any directory, to resume)\n"), r.err());
            assertNoSecrets(r);
            List<JsonNode> checkpoints = TestData.checkpoints(dir.resolve("cp"));
            assertEquals(1, checkpoints.size());
            assertEquals(
                    List.of(checkpoints.get(0).get("uploadId").asText()),
                    TestData.uploads(clients.v4(), bucket).stream()
                            .map(u -> u.getUploadId())
                            .toList());
        } finally {
            watcher.shutdownNow();
        }

        E2e.Run again = E2e.ossops(E2e.rootEnv(emulator, bucket), upload(file, key));

        assertEquals(0, again.exit(), again.err());
        assertArrayEquals(Files.readAllBytes(file), TestData.stored(clients.v4(), bucket, key));
        assertEquals(List.of(), TestData.uploads(clients.v4(), bucket));
        assertEquals(List.of(), TestData.checkpoints(dir.resolve("cp")));
    }
}
