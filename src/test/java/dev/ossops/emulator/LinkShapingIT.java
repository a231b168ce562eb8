package dev.ossops.emulator;

import com.aliyun.oss.OSS;
import dev.ossops.emulator.net.CountingPacing;
import dev.ossops.emulator.service.BucketConfigRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulated link (per-connection and total bandwidth, set through {@code /-/ossops/faults})
 * under the official SDK. The emulator runs on counting pacing: nothing really waits, and each
 * test asserts how long the sockets were held back. A request's head and the answer's few
 * hundred bytes ride along with the body, hence the small allowance above the body's own time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkShapingIT {
    private static final int MIB = 1024 * 1024;
    private static final byte[] BODY = new byte[2 * MIB];
    /** A V4-signed request's head and its answer's, well under 8 KiB: at 1 MiB/s, under 8 ms. */
    private static final long HEADS_NANOS_PER_REQUEST = 8_000_000L;

    private final CountingPacing pacing = new CountingPacing();
    private Path dir;
    private Emulator emulator;
    private EmulatorClients clients;
    private OSS oss;

    @BeforeAll
    void start() throws IOException {
        new Random(11).nextBytes(BODY);
        dir = Files.createTempDirectory("ossops-link-");
        emulator = new Emulator(
                        EmulatorConfig.builder().port(0).dataDir(dir).build(),
                        id -> Optional.empty(),
                        BucketConfigRegistry.defaults(),
                        Clock.systemUTC(),
                        pacing)
                .start();
        clients = new EmulatorClients(emulator);
        oss = clients.v4();
        oss.createBucket("linked");
        oss.putObject("linked", "two.bin", new ByteArrayInputStream(BODY));
    }

    @AfterAll
    void stop() throws Exception {
        shape("{}");
        clients.close();
        emulator.close();
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Every bucket full again: as if the link had been idle for a while. */
    @BeforeEach
    void idle() {
        pacing.idle(60_000_000_000L);
        pacing.reset();
    }

    private void shape(String plan) throws Exception {
        HttpResponse<String> set = ControlEndpoint.of(emulator).send("PUT", "faults", plan);
        assertEquals(200, set.statusCode(), set.body());
        pacing.reset();
    }

    private void assertHeldBack(long bodyNanos, int requests) {
        long slept = pacing.slept();
        assertTrue(
                slept >= bodyNanos && slept <= bodyNanos + requests * HEADS_NANOS_PER_REQUEST,
                "held back " + slept + " ns, expected " + bodyNanos + " ns and at most " + requests + " heads more");
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void putObject_connectionBandwidth_holdsTheUploadToThatRate() throws Exception {
        shape("{\"connectionBytesPerSecond\":1048576}");
        oss.putObject("linked", "up.bin", new ByteArrayInputStream(BODY));
        // 2 MiB at 1 MiB/s, less the tenth of a second's burst.
        assertHeldBack(1_900_000_000L, 1);
    }

    @Test
    void getObject_connectionBandwidth_holdsTheDownloadToThatRate() throws Exception {
        shape("{\"connectionBytesPerSecond\":1048576}");
        assertArrayEquals(BODY, read(oss.getObject("linked", "two.bin").getObjectContent()));
        assertHeldBack(1_900_000_000L, 1);
    }

    @Test
    void putObject_eightConnections_shareTheTotalBandwidth() throws Exception {
        // Eight uploads at once on a link of 4 MiB/s: 16 MiB take 4 s of link time, less the
        // total's burst (0.4 MiB, 0.1 s). Every wait is the shared bucket's, one after another.
        shape("{\"totalBytesPerSecond\":4194304}");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> uploads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String key = "eight-" + i + ".bin";
                uploads.add(pool.submit(() -> oss.putObject("linked", key, new ByteArrayInputStream(BODY))));
            }
            for (Future<?> f : uploads) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertHeldBack(3_900_000_000L, 8);
        for (int i = 0; i < 8; i++) {
            assertEquals(
                    BODY.length,
                    oss.getObjectMetadata("linked", "eight-" + i + ".bin").getContentLength());
        }
    }

    @Test
    void putObject_linkShapeCleared_isNotHeldBack() throws Exception {
        shape("{\"connectionBytesPerSecond\":1048576,\"totalBytesPerSecond\":4194304}");
        shape("{}");
        oss.putObject("linked", "free.bin", new ByteArrayInputStream(BODY));
        assertEquals(0, pacing.sleeps());
    }
}
