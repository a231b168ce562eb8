package dev.ossops.emulator;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.AppendObjectRequest;
import com.aliyun.oss.model.CopyObjectRequest;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.PutObjectRequest;
import com.aliyun.oss.model.UploadPartRequest;
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
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * x-oss-traffic-limit through the official SDK. The emulator runs on counting pacing: nothing
 * really waits, and each test asserts how long the transfer was held back. At OSS's lowest limit,
 * 819200 bit/s = 102400 bytes/s, one MiB takes 10.24 s, less the tenth of a second's burst that
 * passes at once: 10.14 s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrafficLimitIT {
    private static final int LIMIT = 819_200;
    private static final byte[] MIB = new byte[1024 * 1024];
    private static final long MIB_AT_LIMIT_NANOS = 10_140_000_000L;
    /** Each wait is rounded up to the nanosecond: far less than a millisecond over a MiB. */
    private static final long ROUNDING_NANOS = 1_000_000L;

    private final CountingPacing pacing = new CountingPacing();
    private Path dir;
    private Emulator emulator;
    private EmulatorClients clients;
    private OSS oss;

    @BeforeAll
    void start() throws IOException {
        new Random(7).nextBytes(MIB);
        dir = Files.createTempDirectory("ossops-traffic-");
        emulator = new Emulator(
                        EmulatorConfig.builder().port(0).dataDir(dir).build(),
                        id -> Optional.empty(),
                        BucketConfigRegistry.defaults(),
                        Clock.systemUTC(),
                        pacing)
                .start();
        clients = new EmulatorClients(emulator);
        oss = clients.v4();
        oss.createBucket("paced");
        oss.putObject("paced", "mib.bin", new ByteArrayInputStream(MIB));
    }

    @AfterAll
    void stop() throws IOException {
        clients.close();
        emulator.close();
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @BeforeEach
    void resetPacing() {
        pacing.reset();
    }

    private void assertHeldBackFor(long nanos) {
        long slept = pacing.slept();
        assertEquals(nanos, slept, ROUNDING_NANOS, "held back " + slept + " ns");
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void getObject_trafficLimit_holdsTheDownloadBackToThatRate() throws Exception {
        GetObjectRequest get = new GetObjectRequest("paced", "mib.bin");
        get.setTrafficLimit(LIMIT);
        assertArrayEquals(MIB, read(oss.getObject(get).getObjectContent()));
        assertHeldBackFor(MIB_AT_LIMIT_NANOS);
    }

    @Test
    void getObject_withoutLimit_isNotHeldBack() throws Exception {
        assertArrayEquals(MIB, read(oss.getObject("paced", "mib.bin").getObjectContent()));
        assertEquals(0, pacing.sleeps());
    }

    @Test
    void getObject_rangeAtTenTimesTheLimit_isHeldBackForItsOwnLength() throws Exception {
        GetObjectRequest get = new GetObjectRequest("paced", "mib.bin");
        get.setRange(0, 512 * 1024 - 1);
        get.setTrafficLimit(LIMIT * 10);
        assertEquals(512 * 1024, read(oss.getObject(get).getObjectContent()).length);
        // 524288 bytes at 1024000 bytes/s, less a 102400-byte burst.
        assertHeldBackFor(412_000_000L);
    }

    @Test
    void putObject_trafficLimit_holdsTheUploadBackToThatRate() throws Exception {
        PutObjectRequest put = new PutObjectRequest("paced", "put.bin", new ByteArrayInputStream(MIB));
        put.setTrafficLimit(LIMIT);
        oss.putObject(put);
        assertHeldBackFor(MIB_AT_LIMIT_NANOS);
        pacing.reset();
        assertArrayEquals(MIB, read(oss.getObject("paced", "put.bin").getObjectContent()));
        assertEquals(0, pacing.sleeps());
    }

    @Test
    void appendObject_trafficLimit_holdsTheAppendBack() {
        AppendObjectRequest append = new AppendObjectRequest("paced", "append.bin", new ByteArrayInputStream(MIB));
        append.setPosition(0L);
        append.setTrafficLimit(LIMIT);
        oss.appendObject(append);
        assertHeldBackFor(MIB_AT_LIMIT_NANOS);
    }

    @Test
    void uploadPart_trafficLimit_holdsThePartBack() {
        String uploadId = oss.initiateMultipartUpload(new InitiateMultipartUploadRequest("paced", "multi.bin"))
                .getUploadId();
        UploadPartRequest part =
                new UploadPartRequest("paced", "multi.bin", uploadId, 1, new ByteArrayInputStream(MIB), MIB.length);
        part.setTrafficLimit(LIMIT);
        oss.uploadPart(part);
        assertHeldBackFor(MIB_AT_LIMIT_NANOS);
    }

    @Test
    void copyObject_trafficLimitHeader_holdsTheCopyBack() throws Exception {
        CopyObjectRequest copy = new CopyObjectRequest("paced", "mib.bin", "paced", "copy.bin");
        copy.addHeader("x-oss-traffic-limit", Integer.toString(LIMIT));
        oss.copyObject(copy);
        assertHeldBackFor(MIB_AT_LIMIT_NANOS);
        pacing.reset();
        assertArrayEquals(MIB, read(oss.getObject("paced", "copy.bin").getObjectContent()));
    }

    @Test
    void presignedGet_trafficLimitParameter_holdsTheDownloadBack() throws Exception {
        GeneratePresignedUrlRequest presign = new GeneratePresignedUrlRequest("paced", "mib.bin", HttpMethod.GET);
        presign.setExpiration(new Date(System.currentTimeMillis() + 600_000));
        presign.setTrafficLimit(LIMIT);
        URL url = oss.generatePresignedUrl(presign);
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url.toURI()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertArrayEquals(MIB, response.body());
        assertHeldBackFor(MIB_AT_LIMIT_NANOS);
    }

    @Test
    void getObject_limitOutsideTheDocumentedRange_isInvalidArgument() {
        for (int limit : new int[] {LIMIT - 1, 838_860_801}) {
            GetObjectRequest get = new GetObjectRequest("paced", "mib.bin");
            get.setTrafficLimit(limit);
            OSSException e = assertThrows(OSSException.class, () -> oss.getObject(get));
            assertEquals("InvalidArgument", e.getErrorCode());
            assertEquals("The x-oss-traffic-limit must be between 819200 and 838860800 bit/s.", e.getErrorMessage());
        }
        RawRequests.Response notANumber = RawRequests.send(
                clients,
                SignVersion.V4,
                "GET",
                "paced",
                "mib.bin",
                Map.of(),
                Map.of("x-oss-traffic-limit", "abc"),
                null);
        assertEquals(400, notANumber.status());
        assertEquals("0004-00000502", notANumber.element("EC"));
        assertEquals(0, pacing.sleeps());
    }

    @Test
    void putObject_limitAsHeaderAndParameter_isInvalidArgumentAndStoresNothing() {
        RawRequests.Response both = RawRequests.send(
                clients,
                SignVersion.V4,
                "PUT",
                "paced",
                "twice.bin",
                Map.of("x-oss-traffic-limit", Integer.toString(LIMIT)),
                Map.of("x-oss-traffic-limit", Integer.toString(LIMIT)),
                new byte[] {1, 2, 3});
        assertEquals(400, both.status());
        assertEquals("InvalidArgument", both.element("Code"));
        assertEquals("0004-00000501", both.element("EC"));
        assertEquals(false, oss.doesObjectExist("paced", "twice.bin"));
    }
}
