package dev.ossops.cloud.upload;

import dev.ossops.cloud.CloudErrors;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.OssClients;
import dev.ossops.cloud.Retry;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import dev.ossops.emulator.fault.FaultPlan;
import dev.ossops.upload.CheckpointStore;
import dev.ossops.upload.Downloader;
import dev.ossops.upload.FileSelection;
import dev.ossops.upload.KeyLayout;
import dev.ossops.upload.ObjectStore;
import dev.ossops.upload.ParallelismController;
import dev.ossops.upload.TransferProgress;
import dev.ossops.upload.TransferSlots;
import dev.ossops.upload.Uploader;
import dev.ossops.upload.UploaderSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Adaptive parallelism against the shaped emulator through the official SDK. These check what the
 * controller decides, never how long anything took: under a per-connection cap throughput grows
 * with connections, so the uploader and the downloader must add them; under a QPS throttle they
 * must back off, and every file must still arrive.
 */
@ExtendWith(EmulatorExtension.class)
class AdaptiveTransferIT {
    private static final int PART = 512 * 1024;
    /**
     * Slow enough per connection that the machine's load cannot hide what another connection adds. A
     * connection starts with a burst of a tenth of a second's bytes (the shaper's token bucket); at 1 MiB/s
     * and 128 KiB parts that burst was most of a first part, so a warm JVM's first window on fresh
     * connections looked faster than any later one and the controller stayed at 4. Parts of a second's
     * bytes keep the burst to a tenth of one.
     */
    private static final long CONNECTION_BYTES_PER_SECOND = 512 * 1024;
    /**
     * Enough parts that the window after the first doubling ends well before the last part starts. A part this
     * small fits in the sockets' buffers, so its bytes count as moved when it is sent; with 24 parts the window at
     * 16 was the file's last, no part started in it, and it counted only the eight it began with: no gain, 8 held.
     */
    private static final int PARTS = 64;

    @TempDir
    Path dir;

    private final EmulatorClients clients;
    private final Emulator emulator;
    private final String bucket;
    private final TransferSlots slots = new TransferSlots(ParallelismController.of(OptionalInt.empty()));
    private final OssTransfer transfer;

    AdaptiveTransferIT(EmulatorClients clients, Emulator emulator) {
        this.clients = clients;
        this.emulator = emulator;
        this.bucket = clients.bucketName("adapt");
        clients.v4().createBucket(bucket);
        this.transfer = OssTransfer.create(
                CloudTarget.single(clients.endpoint(), clients.region(), root()),
                clients.region(),
                SignatureVersion.V4,
                slots.controller().ceiling(),
                () -> {},
                slots::throttled);
    }

    @AfterEach
    void close() {
        emulator.faults().clear();
        transfer.close();
    }

    private Uploader uploader(ObjectStore store) {
        UploaderSettings settings = new UploaderSettings(
                bucket,
                clients.region(),
                clients.endpoint().toString(),
                "adaptive",
                KeyLayout.DEFAULT_TEMPLATE,
                Duration.ofSeconds(3600),
                List.of(),
                OptionalLong.empty());
        KeyLayout flat = KeyLayout.of(
                KeyLayout.DirMode.NO_SUBDIRECTORY,
                KeyLayout.FilenameMode.FILENAME,
                Clock.systemUTC(),
                UUID::randomUUID);
        return new Uploader(
                store,
                settings,
                flat,
                new CheckpointStore(dir.resolve("checkpoints")),
                new Uploader.Options(PART, OptionalLong.of(PART), OptionalInt.empty(), false),
                Clock.systemUTC(),
                TransferProgress.NONE,
                slots);
    }

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    @Test
    void upload_perConnectionCap_addsConnectionsWhileThroughputRises() throws Exception {
        emulator.faults().set(new FaultPlan(0, 0, 0, 0, 0, 0, CONNECTION_BYTES_PER_SECOND, 0));
        byte[] data = random(PARTS * PART, 1);
        Path file = Files.write(dir.resolve("capped.bin"), data);
        try (Uploader up = uploader(transfer)) {
            Uploader.Outcome outcome = up.upload(new FileSelection.Selected(file, "capped.bin"), Optional.empty());
            assertInstanceOf(Uploader.Outcome.Uploaded.class, outcome, outcome.toString());
        }
        // 8 connections deliver 4 MiB/s, 16 deliver 8: the controller doubled at least once and never backed off.
        assertTrue(
                slots.controller().limit() >= 2 * ParallelismController.START,
                "limit " + slots.controller().limit());
        // The check reads on one connection: shaped, its 12 MiB took 24 of the test's 26 seconds.
        emulator.faults().clear();
        assertArrayEquals(
                data,
                clients.v4()
                        .getObject(bucket, "adaptive/capped.bin")
                        .getObjectContent()
                        .readAllBytes());
    }

    @Test
    void get_perConnectionCap_addsConnectionsWhileThroughputRises() throws Exception {
        byte[] data = random(PARTS * PART, 2);
        clients.v4().putObject(bucket, "ranged.bin", new ByteArrayInputStream(data));
        emulator.faults().set(new FaultPlan(0, 0, 0, 0, 0, 0, CONNECTION_BYTES_PER_SECOND, 0));
        try (Downloader down = new Downloader(
                new Downloader.Options(PART, PART, OptionalInt.empty(), false), TransferProgress.NONE, slots)) {
            Downloader.Outcome outcome =
                    down.download("ranged.bin", new OssObjectSource(transfer, bucket, "ranged.bin"), dir, "ranged.bin");
            assertInstanceOf(Downloader.Outcome.Downloaded.class, outcome, outcome.toString());
        }
        assertTrue(
                slots.controller().limit() >= 2 * ParallelismController.START,
                "limit " + slots.controller().limit());
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("ranged.bin")));
    }

    @Test
    void uploadAll_qpsThrottle_backsOffAndStillUploadsEveryFile() throws Exception {
        List<FileSelection.Selected> files = new ArrayList<>();
        // Eight files: at 2 admitted per second they need four seconds, well within what the retries
        // wait. The four sent at once at the start exceed 2 in their second however slowly a loaded
        // machine runs; at 4 per second they did not, and a machine too slow to send a fifth within
        // that second saw no throttling at all (seen once at load 10).
        for (int i = 0; i < 8; i++) {
            Path f = Files.write(dir.resolve("small-" + i + ".txt"), random(1024, i));
            files.add(new FileSelection.Selected(f, f.getFileName().toString()));
        }
        // Each throttling answer the retry layer sees: the limit just before and just after the controller heard of it.
        ConcurrentLinkedQueue<int[]> decisions = new ConcurrentLinkedQueue<>();
        Runnable observed = () -> {
            synchronized (decisions) {
                int before = slots.controller().limit();
                slots.throttled();
                decisions.add(new int[] {before, slots.controller().limit()});
            }
        };
        emulator.faults().set(new FaultPlan(0, 0, 0, 2, 0, 0));
        // The standard retry curve, but with a seeded jitter and twice the attempts: on a starved machine
        // the retries of a full-jitter run can bunch into one-second windows that are already full (seen
        // once: a file still throttled after 6 attempts). What is tested is that the controller backs off
        // and every file gets through, not how many attempts that takes.
        Retry retry = new Retry(
                        12,
                        Duration.ofMillis(200),
                        Duration.ofSeconds(5),
                        CloudErrors::isRetryable,
                        d -> Thread.sleep(d.toMillis()),
                        new SplittableRandom(16))
                .observing(e -> {
                    if (CloudErrors.isThrottling(e)) {
                        observed.run();
                    }
                });
        List<Uploader.Outcome> outcomes;
        try (OssTransfer throttledTransfer = new OssTransfer(
                        OssClients.create(
                                CloudTarget.single(clients.endpoint(), clients.region(), root()),
                                clients.region(),
                                SignatureVersion.V4.sdk(),
                                slots.controller().ceiling(),
                                false),
                        retry,
                        () -> {});
                Uploader up = uploader(throttledTransfer)) {
            outcomes = up.uploadAll(files, Optional.empty(), o -> {});
        }
        for (Uploader.Outcome o : outcomes) {
            assertInstanceOf(Uploader.Outcome.Uploaded.class, o, o.toString());
        }
        assertTrue(emulator.stats().snapshot().requests("PutObject") > files.size(), "no PutObject was throttled");
        int[] first = decisions.peek();
        assertTrue(first != null, "the controller heard of no throttling");
        // 2 admitted per second, more in flight: the first throttling answer halves the limit (rounded up).
        assertEquals((first[0] + 1) / 2, first[1]);
        assertTrue(
                slots.controller().limit() < first[0],
                "limit " + slots.controller().limit() + " after " + first[0]);
    }

    private CredentialSource root() {
        return new CredentialSource() {
            @Override
            public Credentials resolve() {
                return Credentials.of(clients.keyId(), clients.secret());
            }

            @Override
            public String describe() {
                return "emulator root key";
            }
        };
    }
}
