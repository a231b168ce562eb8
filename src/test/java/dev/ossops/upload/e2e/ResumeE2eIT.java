package dev.ossops.upload.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.cli.Main;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import dev.ossops.emulator.fault.FaultPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proof 4: {@code ossops upload} killed (SIGKILL, a child JVM) in the middle of a multipart upload
 * and run again sends exactly the parts its checkpoint lacks, as counted by the emulator itself.
 */
@ExtendWith(EmulatorExtension.class)
class ResumeE2eIT {
    private static final int PART = 100 * 1024;
    private static final int PARTS = 40;

    @TempDir
    Path dir;

    private final EmulatorClients clients;
    private final Emulator emulator;
    private final String bucket;

    ResumeE2eIT(EmulatorClients clients) {
        this.clients = clients;
        this.emulator = clients.emulator();
        this.bucket = clients.bucketName("resume");
        clients.v4().createBucket(bucket);
    }

    private List<String> uploadArgs(Path file, String key, Path checkpoints) {
        return List.of(
                "upload",
                file.toString(),
                "--key",
                key,
                "--part-size",
                "100KiB",
                "--multipart-threshold",
                "100KiB",
                "--parallel",
                "1",
                "--quiet",
                "--checkpoint-dir",
                checkpoints.toString());
    }

    private Process child(List<String> args) throws Exception {
        return child(args, Path.of("").toAbsolutePath(), Map.of());
    }

    /** A child JVM started in {@code workingDirectory}, with {@code extra} variables over the root keys. */
    private Process child(List<String> args, Path workingDirectory, Map<String, String> extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectError(dir.resolve("child.err").toFile())
                .redirectOutput(dir.resolve("child.out").toFile());
        pb.environment().putAll(E2e.rootEnv(emulator, bucket));
        pb.environment().putAll(extra);
        pb.directory(workingDirectory.toFile());
        return pb.start();
    }

    /** The part numbers of the one checkpoint in {@code checkpoints}, once it holds at least {@code atLeast}. */
    private static Set<Integer> waitForParts(Path checkpoints, int atLeast, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            Set<Integer> parts = recorded(checkpoints);
            if (parts.size() >= atLeast) {
                return parts;
            }
            assertTrue(p.isAlive(), "the upload ended before it could be killed");
            Thread.sleep(20);
        }
        throw new AssertionError("no checkpoint with " + atLeast + " parts");
    }

    private static Set<Integer> recorded(Path checkpoints) throws Exception {
        try {
            List<JsonNode> found = TestData.checkpoints(checkpoints);
            Set<Integer> numbers = new TreeSet<>();
            for (JsonNode c : found) {
                c.path("parts").forEach(part -> numbers.add(part.get("number").asInt()));
            }
            return numbers;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return Set.of(); // replaced while being read: ask again
        }
    }

    @Test
    void upload_killedAndRunAgain_emulatorReceivesOnlyTheMissingParts() throws Exception {
        Path file = TestData.random(dir.resolve("killed.bin"), PARTS * PART - 1234, 99);
        Path checkpoints = dir.resolve("cp");
        String key = "resume/killed.bin";
        // Slow requests down so that the kill lands in the middle of the upload.
        emulator.faults().set(new FaultPlan(40, 0, 0, 0, 0, 1));
        Process p = child(uploadArgs(file, key, checkpoints));
        try {
            waitForParts(checkpoints, 5, p);
        } finally {
            p.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
            emulator.faults().clear();
        }
        Set<Integer> kept = recorded(checkpoints);
        assertTrue(kept.size() >= 5 && kept.size() < PARTS, "checkpoint holds " + kept);
        String uploadId =
                TestData.checkpoints(checkpoints).get(0).get("uploadId").asText();
        assertEquals(
                List.of(uploadId),
                TestData.uploads(clients.v4(), bucket).stream()
                        .map(u -> u.getUploadId())
                        .toList());
        int receivedBefore = emulator.stats().snapshot().parts(uploadId).size();
        long uploadPartsBefore = emulator.stats().snapshot().requests("UploadPart");

        E2e.Run r = E2e.ossops(
                E2e.rootEnv(emulator, bucket),
                uploadArgs(file, key, checkpoints).toArray(String[]::new));

        assertEquals(0, r.exit(), r.err());
        List<Integer> resent = emulator.stats().snapshot().parts(uploadId);
        resent = resent.subList(receivedBefore, resent.size());
        Set<Integer> missing = IntStream.rangeClosed(1, PARTS)
                .boxed()
                .filter(n -> !kept.contains(n))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(PARTS - kept.size(), emulator.stats().snapshot().requests("UploadPart") - uploadPartsBefore);
        assertEquals(missing, new TreeSet<>(resent));
        assertEquals(missing.size(), resent.size());
        assertTrue(new ObjectMapper().readTree(r.out()).get("etag").asText().endsWith("-" + PARTS), r.out());
        assertArrayEquals(Files.readAllBytes(file), TestData.stored(clients.v4(), bucket, key));
        assertEquals(List.of(), TestData.uploads(clients.v4(), bucket));
        assertEquals(List.of(), TestData.checkpoints(checkpoints));
    }

    @Test
    void upload_interruptedInOneDirectoryAndRunAgainFromAnother_resumesFromTheHomeCheckpoint() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Path file = TestData.random(a.resolve("moved.bin"), PARTS * PART - 99, 7);
        Path checkpoints = home.resolve(".ossops/checkpoints");
        List<String> options =
                List.of("--part-size", "100KiB", "--multipart-threshold", "100KiB", "--parallel", "1", "--quiet");
        List<String> fromA = new ArrayList<>(List.of("upload", "moved.bin"));
        fromA.addAll(options);
        emulator.faults().set(new FaultPlan(40, 0, 0, 0, 0, 1));
        Process p = child(fromA, a, Map.of("HOME", home.toString()));
        try {
            waitForParts(checkpoints, 3, p);
            p.destroy(); // SIGTERM, as Ctrl-C: shutdown hooks run
            assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        } finally {
            p.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
            emulator.faults().clear();
        }
        List<JsonNode> kept = TestData.checkpoints(checkpoints);
        assertEquals(1, kept.size());
        String uploadId = kept.get(0).get("uploadId").asText();
        String key = kept.get(0).get("key").asText();
        Path checkpoint;
        try (var files = Files.list(checkpoints)) {
            checkpoint = files.filter(f -> f.toString().endsWith(".json"))
                    .findFirst()
                    .orElseThrow();
        }
        assertEquals(
                "warning: moved.bin: interrupted; checkpoint " + checkpoint
                        + ": run the same command again, from any directory, to resume\n",
                Files.readString(dir.resolve("child.err")));

        List<String> fromB = new ArrayList<>(List.of("upload", "../a/moved.bin"));
        fromB.addAll(options);
        Process again = child(fromB, b, Map.of("HOME", home.toString()));
        assertTrue(again.waitFor(2, TimeUnit.MINUTES));

        assertEquals(0, again.exitValue(), Files.readString(dir.resolve("child.err")));
        JsonNode line = new ObjectMapper().readTree(Files.readString(dir.resolve("child.out")));
        assertEquals(key, line.get("key").asText());
        assertTrue(line.get("etag").asText().endsWith("-" + PARTS), line.toString());
        assertTrue(emulator.stats().snapshot().parts(uploadId).size() >= PARTS);
        assertArrayEquals(Files.readAllBytes(file), TestData.stored(clients.v4(), bucket, key));
        assertEquals(List.of(), TestData.uploads(clients.v4(), bucket));
        assertEquals(List.of(), TestData.checkpoints(checkpoints));
    }
}
