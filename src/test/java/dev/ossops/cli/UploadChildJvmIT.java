package dev.ossops.cli;

import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.ListPartsRequest;
import com.aliyun.oss.model.ObjectMetadata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.checksum.Crc64;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.cloud.upload.OssTransfer;
import dev.ossops.cloud.upload.SignatureVersion;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import dev.ossops.upload.CheckpointStore;
import dev.ossops.upload.FileSelection;
import dev.ossops.upload.KeyLayout;
import dev.ossops.upload.ObjectStore;
import dev.ossops.upload.TransferProgress;
import dev.ossops.upload.Uploader;
import dev.ossops.upload.UploaderSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ossops upload} in a child JVM: memory stays bounded by parallel x part size with a small
 * heap, and a kill -9 mid-upload leaves a checkpoint from which only the missing parts are sent.
 */
@ExtendWith(EmulatorExtension.class)
class UploadChildJvmIT {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private final EmulatorClients clients;
    private final String bucket;

    UploadChildJvmIT(EmulatorClients clients) {
        this.clients = clients;
        this.bucket = clients.bucketName("jvm");
        clients.v4().createBucket(bucket);
    }

    /** A file of pseudo-random bytes written in 1 MiB blocks, with its CRC-64. */
    private long write(Path file, long size) throws IOException {
        Random random = new Random(size);
        byte[] block = new byte[(int) MIB];
        Crc64 crc = new Crc64();
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                random.nextBytes(block);
                int n = (int) Math.min(block.length, left);
                out.write(block, 0, n);
                crc.update(block, 0, n);
            }
        }
        return crc.getValue();
    }

    private Process start(String heap, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectError(dir.resolve("child.err").toFile())
                .redirectOutput(dir.resolve("child.out").toFile());
        Map<String, String> env = pb.environment();
        env.put("QWEN_TMP_OSS_BUCKET", bucket);
        env.put("QWEN_TMP_OSS_REGION", clients.region());
        env.put("QWEN_TMP_OSS_ENDPOINT", clients.endpoint().toString());
        env.put("QWEN_TMP_OSS_AK_ID", clients.keyId());
        env.put("QWEN_TMP_OSS_AK_SECRET", clients.secret());
        return pb.start();
    }

    @Test
    void upload_largeFileWithSmallHeap_streamsPartsFromDisk() throws Exception {
        Path file = dir.resolve("large.bin");
        long size = 192 * MIB + 12345;
        long crc = write(file, size);

        Process p = start(
                "-Xmx48m",
                "upload",
                file.toString(),
                "--key",
                "big/large.bin",
                "--part-size",
                "8MiB",
                "--parallel",
                "4",
                "--quiet",
                "--checkpoint-dir",
                dir.resolve("cp").toString());

        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "upload did not finish");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("child.err")));
        JsonNode line = new ObjectMapper().readTree(Files.readString(dir.resolve("child.out")));
        assertEquals(Crc64.format(crc), line.get("crc64").asText());
        assertTrue(line.get("etag").asText().endsWith("-25"), line.toString());
        ObjectMetadata meta = clients.v4().getObjectMetadata(bucket, "big/large.bin");
        assertEquals(size, meta.getContentLength());
        assertEquals(crc, meta.getServerCRC().longValue());
    }

    @Test
    void upload_killedMidUpload_resumesWithOnlyTheMissingParts() throws Exception {
        Path file = dir.resolve("killed.bin");
        long size = 48 * MIB;
        long crc = write(file, size);
        Path checkpoints = dir.resolve("cp");
        String key = "crash/killed.bin";

        Process p = start(
                "-Xmx64m",
                "upload",
                file.toString(),
                "--key",
                key,
                "--part-size",
                "1MiB",
                "--multipart-threshold",
                "1MiB",
                "--parallel",
                "1",
                "--quiet",
                "--checkpoint-dir",
                checkpoints.toString());
        int recorded = waitForParts(checkpoints, 5, p);
        p.destroyForcibly().waitFor(1, TimeUnit.MINUTES);

        String uploadId = clients.v4()
                .listMultipartUploads(new ListMultipartUploadsRequest(bucket))
                .getMultipartUploads()
                .get(0)
                .getUploadId();
        int listed = clients.v4()
                .listParts(new ListPartsRequest(bucket, key, uploadId))
                .getParts()
                .size();
        recorded = partsIn(checkpoints);
        assertTrue(listed >= recorded && recorded >= 5 && recorded < 48, "listed " + listed + ", recorded " + recorded);

        CredentialSource root = new CredentialSource() {
            @Override
            public Credentials resolve() {
                return Credentials.of(clients.keyId(), clients.secret());
            }

            @Override
            public String describe() {
                return "emulator root key";
            }
        };
        AtomicInteger parts = new AtomicInteger();
        try (OssTransfer transfer = OssTransfer.create(
                CloudTarget.single(clients.endpoint(), clients.region(), root),
                clients.region(),
                SignatureVersion.V4,
                2,
                () -> {})) {
            ObjectStore counting = countingParts(transfer, parts);
            UploaderSettings settings = new UploaderSettings(
                    bucket,
                    clients.region(),
                    clients.endpoint().toString(),
                    "p",
                    KeyLayout.DEFAULT_TEMPLATE,
                    Duration.ofHours(1),
                    List.of(),
                    OptionalLong.empty());
            try (Uploader uploader = new Uploader(
                    counting,
                    settings,
                    KeyLayout.of(
                            KeyLayout.DEFAULT_TEMPLATE,
                            KeyLayout.FilenameMode.FILENAME,
                            Clock.systemUTC(),
                            UUID::randomUUID),
                    new CheckpointStore(checkpoints),
                    new Uploader.Options(MIB, OptionalLong.of(MIB), 2, false),
                    Clock.systemUTC(),
                    TransferProgress.NONE)) {
                Uploader.Outcome.Uploaded done = (Uploader.Outcome.Uploaded)
                        uploader.upload(new FileSelection.Selected(file, "killed.bin"), Optional.of(key));
                assertEquals(recorded, done.resumedParts());
                assertEquals(crc, done.report().crc64());
            }
        }
        assertEquals(48 - recorded, parts.get());
        assertEquals(
                crc, clients.v4().getObjectMetadata(bucket, key).getServerCRC().longValue());
        assertEquals(
                List.of(),
                clients.v4()
                        .listMultipartUploads(new ListMultipartUploadsRequest(bucket))
                        .getMultipartUploads());
    }

    private static int waitForParts(Path checkpoints, int atLeast, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            int n = partsIn(checkpoints);
            if (n >= atLeast) {
                return n;
            }
            assertTrue(p.isAlive(), "the upload ended before it could be killed");
            Thread.sleep(20);
        }
        throw new AssertionError("no checkpoint with " + atLeast + " parts");
    }

    private static int partsIn(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(checkpoints)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                try {
                    return new ObjectMapper().readTree(f.toFile()).path("parts").size();
                } catch (IOException e) {
                    return 0; // replaced while being read: ask again
                }
            }
        }
        return 0;
    }

    private static ObjectStore countingParts(ObjectStore delegate, AtomicInteger parts) {
        return (ObjectStore) java.lang.reflect.Proxy.newProxyInstance(
                ObjectStore.class.getClassLoader(), new Class<?>[] {ObjectStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("uploadPart")) {
                        parts.incrementAndGet();
                    }
                    try {
                        return method.invoke(delegate, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
