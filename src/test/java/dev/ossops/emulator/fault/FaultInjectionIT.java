package dev.ossops.emulator.fault;

import com.aliyun.oss.ClientException;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.UploadPartRequest;
import dev.ossops.emulator.ControlEndpoint;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The official SDK against injected faults; the SDK clients of the extension never retry. */
@ExtendWith(EmulatorExtension.class)
class FaultInjectionIT {
    private static final byte[] DATA = new byte[200_000];

    static {
        for (int i = 0; i < DATA.length; i++) {
            DATA[i] = (byte) (i * 31);
        }
    }

    private final Emulator emulator;

    FaultInjectionIT(Emulator emulator) {
        this.emulator = emulator;
    }

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
        emulator.stats().reset();
    }

    private static String bucketWithObject(EmulatorClients clients, String hint) {
        String bucket = clients.bucketName(hint);
        clients.v4().createBucket(bucket);
        clients.v4().putObject(bucket, "data.bin", new ByteArrayInputStream(DATA));
        return bucket;
    }

    @Test
    void getObject_seededErrorRates_seesExactlyThePredictedErrors(EmulatorClients clients) throws IOException {
        String bucket = bucketWithObject(clients, "fault-rates");
        FaultPlan plan = new FaultPlan(0, 0.2, 0.1, 0, 0, 1234);
        Faults predicted = new Faults(System::nanoTime);
        predicted.set(plan);
        int expectedSlowDown = 0;
        int expectedInternal = 0;
        for (int i = 0; i < 100; i++) {
            switch (predicted.next().outcome()) {
                case SLOW_DOWN -> expectedSlowDown++;
                case INTERNAL_ERROR -> expectedInternal++;
                default -> {}
            }
        }

        emulator.faults().set(plan);
        int slowDown = 0;
        int internal = 0;
        OSS oss = clients.v4();
        for (int i = 0; i < 100; i++) {
            try (OSSObject object = oss.getObject(bucket, "data.bin");
                    InputStream in = object.getObjectContent()) {
                assertArrayEquals(DATA, in.readAllBytes());
            } catch (OSSException e) {
                switch (e.getErrorCode()) {
                    case "SlowDown" -> {
                        slowDown++;
                        assertEquals("Please reduce your request rate.", e.getErrorMessage());
                    }
                    case "InternalError" -> internal++;
                    default -> throw e;
                }
            }
        }
        assertEquals(expectedSlowDown, slowDown);
        assertEquals(expectedInternal, internal);
        assertTrue(slowDown >= 10 && slowDown <= 30, "SlowDown " + slowDown);
        assertTrue(internal >= 3 && internal <= 20, "InternalError " + internal);
        assertEquals(100, emulator.stats().snapshot().requests("GetObject"));
    }

    @Test
    void anyRequest_latency_delaysTheAnswer(EmulatorClients clients) {
        String bucket = clients.bucketName("fault-latency");
        clients.v4().createBucket(bucket);
        emulator.faults().set(new FaultPlan(400, 0, 0, 0, 0, 0));
        long start = System.nanoTime();
        clients.v4().doesObjectExist(bucket, "absent");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 400, "took " + millis + " ms");
    }

    @Test
    void anyRequest_qpsThrottle_answersSlowDownBeyondTheLimit(EmulatorClients clients) {
        String bucket = clients.bucketName("fault-qps");
        clients.v4().createBucket(bucket);
        emulator.faults().set(new FaultPlan(0, 0, 0, 2, 0, 0));
        clients.v4().doesBucketExist(bucket);
        clients.v4().doesBucketExist(bucket);
        // The third request within the same second; the test cannot take a second between these calls.
        OSSException e = assertThrows(OSSException.class, () -> clients.v4().getBucketInfo(bucket));
        assertEquals("SlowDown", e.getErrorCode());
    }

    @Test
    void putObject_resetMidRequestBody_surfacesAsClientException(EmulatorClients clients) {
        String bucket = clients.bucketName("fault-reset-put");
        clients.v4().createBucket(bucket);
        emulator.faults().set(new FaultPlan(0, 0, 0, 0, 1, 0));
        ClientException e = assertThrows(
                ClientException.class, () -> clients.v4().putObject(bucket, "cut.bin", new ByteArrayInputStream(DATA)));
        assertTrue(e.getCause() instanceof IOException, String.valueOf(e.getCause()));
        emulator.faults().clear();
        assertTrue(!clients.v4().doesObjectExist(bucket, "cut.bin"), "a reset upload must not store the object");
    }

    @Test
    void getObject_resetMidResponseBody_surfacesAsIOException(EmulatorClients clients) {
        String bucket = bucketWithObject(clients, "fault-reset-get");
        emulator.faults().set(new FaultPlan(0, 0, 0, 0, 1, 0));
        Exception e = assertThrows(Exception.class, () -> {
            try (OSSObject object = clients.v4().getObject(bucket, "data.bin");
                    InputStream in = object.getObjectContent()) {
                in.readAllBytes();
            }
        });
        assertTrue(e instanceof IOException || e instanceof ClientException, e.toString());
    }

    @Test
    void headObject_reset_surfacesAsClientException(EmulatorClients clients) {
        String bucket = bucketWithObject(clients, "fault-reset-head");
        emulator.faults().set(new FaultPlan(0, 0, 0, 0, 1, 0));
        assertThrows(ClientException.class, () -> clients.v4().getObjectMetadata(bucket, "data.bin"));
    }

    @Test
    void uploadPart_partsReceived_areCountedPerUpload(EmulatorClients clients) {
        String bucket = clients.bucketName("fault-parts");
        OSS oss = clients.v4();
        oss.createBucket(bucket);
        String uploadId = oss.initiateMultipartUpload(new InitiateMultipartUploadRequest(bucket, "big.bin"))
                .getUploadId();
        for (int part : new int[] {2, 1, 2}) {
            UploadPartRequest request = new UploadPartRequest(
                    bucket, "big.bin", uploadId, part, new ByteArrayInputStream(DATA, 0, 1000), 1000);
            oss.uploadPart(request);
        }
        RequestStats.Snapshot stats = emulator.stats().snapshot();
        assertEquals(List.of(2, 1, 2), stats.parts(uploadId));
        assertEquals(3, stats.requests("UploadPart"));
        assertEquals(1, stats.requests("InitiateMultipartUpload"));
    }

    @Test
    void controlEndpoint_signedWithTheRootKey_setsShowsAndClearsFaultsAndReadsStats(EmulatorClients clients) {
        ControlEndpoint control = ControlEndpoint.of(emulator);
        HttpResponse<String> set = control.send("PUT", "faults", "{\"slowDownRate\":1.0,\"seed\":9}");
        assertEquals(200, set.statusCode(), set.body());
        assertEquals(new FaultPlan(0, 1.0, 0, 0, 0, 9), emulator.faults().plan());

        String bucket = clients.bucketName("fault-control");
        OSSException e = assertThrows(OSSException.class, () -> clients.v4().createBucket(bucket));
        assertEquals("SlowDown", e.getErrorCode());

        // V1 signatures are accepted as well: the endpoint is signed like any OSS request.
        HttpResponse<String> shown = control.send(SignVersion.V1, "GET", "faults", null);
        assertEquals(
                "{\"latencyMillis\":0,\"slowDownRate\":1.0,\"internalErrorRate\":0.0,\"qps\":0,\"resetRate\":0.0,\"seed\":9,"
                        + "\"connectionBytesPerSecond\":0,\"totalBytesPerSecond\":0}",
                shown.body());

        HttpResponse<String> cleared = control.send("DELETE", "faults", null);
        assertEquals(204, cleared.statusCode());
        assertEquals(FaultPlan.NONE, emulator.faults().plan());
        clients.v4().createBucket(bucket);

        HttpResponse<String> stats = control.send("GET", "stats", null);
        assertEquals("{\"requests\":{\"PutBucket\":2},\"partsReceived\":{}}", stats.body());
    }

    @Test
    void controlEndpoint_invalidPlan_isRefusedWithTheReason() {
        ControlEndpoint control = ControlEndpoint.of(emulator);
        HttpResponse<String> bad = control.send("PUT", "faults", "{\"resetRate\":3}");
        assertEquals(400, bad.statusCode());
        assertEquals("{\"error\":\"resetRate must be between 0 and 1, was 3.0\"}", bad.body());
        HttpResponse<String> unknown = control.send("PUT", "faults", "{\"latency\":3}");
        assertEquals(400, unknown.statusCode());
        assertTrue(
                unknown.body().startsWith("{\"error\":\"invalid fault plan: Unrecognized field \\\"latency\\\""),
                unknown.body());
        HttpResponse<String> missing = control.send("GET", "nothing", null);
        assertEquals(404, missing.statusCode());
        assertEquals("{\"error\":\"no such control resource: /-/ossops/nothing\"}", missing.body());
        assertEquals(FaultPlan.NONE, emulator.faults().plan());
    }

    /** A presigned URL (V1 query signature, computed as OSS documents it) works like a signed header. */
    @Test
    void controlEndpoint_presignedWithTheRootKey_readsTheStats(EmulatorClients clients) throws Exception {
        String expires = Long.toString(Instant.now().plusSeconds(300).getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(clients.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder()
                .encodeToString(
                        mac.doFinal(("GET\n\n\n" + expires + "\n/-/ossops/stats").getBytes(StandardCharsets.UTF_8)));
        URI url = clients.endpoint()
                .resolve("/-/ossops/stats?OSSAccessKeyId=" + clients.keyId() + "&Expires=" + expires + "&Signature="
                        + URLEncoder.encode(signature, StandardCharsets.UTF_8));
        HttpResponse<String> stats = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stats.statusCode(), stats.body());
        assertEquals("{\"requests\":{},\"partsReceived\":{}}", stats.body());
    }

    /** Today's main took an anonymous PUT and delayed every request by ten minutes. */
    @Test
    void controlEndpoint_anonymous_isRefusedAndChangesNothing(EmulatorClients clients) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI faults = clients.endpoint().resolve("/-/ossops/faults");
        HttpResponse<String> set = http.send(
                HttpRequest.newBuilder(faults)
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"latencyMillis\":600000}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, set.statusCode());
        assertEquals(
                "{\"error\":\"the control endpoint needs a request signed with the emulator's root AccessKey"
                        + " (ossops emulator credentials prints it)\"}",
                set.body());
        assertEquals(FaultPlan.NONE, emulator.faults().plan());
        for (String method : new String[] {"GET", "DELETE"}) {
            for (String resource : new String[] {"faults", "stats"}) {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(clients.endpoint().resolve("/-/ossops/" + resource))
                                .method(method, HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(403, r.statusCode(), method + " " + resource + ": " + r.body());
            }
        }
    }

    @Test
    void controlEndpoint_wrongSecretOrAnotherKey_isRefused(EmulatorClients clients) {
        HttpResponse<String> wrongSecret = new ControlEndpoint(
                        clients.endpoint(), clients.keyId(), "not-the-secret", clients.region())
                .send("PUT", "faults", "{\"latencyMillis\":600000}");
        assertEquals(403, wrongSecret.statusCode());
        assertEquals(
                "{\"error\":\"SignatureDoesNotMatch: The request signature we calculated does not match the signature you"
                        + " provided. Check your key and signing method.\"}",
                wrongSecret.body());
        HttpResponse<String> unknownKey = new ControlEndpoint(
                        clients.endpoint(), "LTAI5tNotAKeyOfThisAccount", "secret", clients.region())
                .send("GET", "stats", null);
        assertEquals(403, unknownKey.statusCode());
        assertEquals(
                "{\"error\":\"InvalidAccessKeyId: The OSS Access Key Id you provided does not exist in our records.\"}",
                unknownKey.body());
        assertEquals(FaultPlan.NONE, emulator.faults().plan());
    }
}
