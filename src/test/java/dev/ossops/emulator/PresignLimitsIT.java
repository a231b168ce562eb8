package dev.ossops.emulator;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;
import dev.ossops.emulator.service.BucketConfigRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Presigned URLs and V4 credentials as the official SDK makes them, held to OSS's limits: a V4 URL
 * lives 1 to 604800 seconds from its x-oss-date, an x-oss-date more than 15 minutes ahead is not
 * valid yet, numbers no long holds are 400 not 500, and a V4 region must be a region id.
 */
@ExtendWith(EmulatorExtension.class)
class PresignLimitsIT {
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);
    private final HttpClient http = HttpClient.newHttpClient();

    private static String bucketWithObject(EmulatorClients clients, String hint) {
        String bucket = clients.bucketName(hint);
        clients.v4().createBucket(bucket);
        clients.v4().putObject(bucket, "k", new ByteArrayInputStream(HELLO));
        return bucket;
    }

    private static URL presign(OSS oss, String bucket, Duration validity) {
        GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(bucket, "k", HttpMethod.GET);
        request.setExpiration(new Date(System.currentTimeMillis() + validity.toMillis()));
        return oss.generatePresignedUrl(request);
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The URL with one query parameter's value replaced. */
    private static URI replace(URL url, String parameter, String value) {
        String query = url.getQuery()
                .replaceAll("(^|&)" + parameter.replace("-", "\\-") + "=[^&]*", "$1" + parameter + "=" + value);
        return URI.create(url.getProtocol() + "://" + url.getAuthority() + url.getPath() + "?" + query);
    }

    /** A V4 client of the root key that names {@code region} in its credential scope. */
    private static OSS signingFor(EmulatorClients clients, String region) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(SignVersion.V4);
        conf.setMaxErrorRetry(0);
        return OSSClientBuilder.create()
                .endpoint(clients.endpoint().toString())
                .credentialsProvider(new DefaultCredentialProvider(clients.keyId(), clients.secret()))
                .clientConfiguration(conf)
                .region(region)
                .build();
    }

    private static String element(String xml, String name) {
        int start = xml.indexOf("<" + name + ">");
        int end = xml.indexOf("</" + name + ">");
        return start < 0 || end < 0 ? null : xml.substring(start + name.length() + 2, end);
    }

    @Test
    void getObject_v4UrlForEightDays_isRefused(EmulatorClients clients) {
        String bucket = bucketWithObject(clients, "eight-days");
        URL url = presign(clients.v4(), bucket, Duration.ofDays(8));
        OSSException e = assertThrows(OSSException.class, () -> clients.v4().getObject(url, Map.of()));
        assertEquals("InvalidArgument", e.getErrorCode());
        assertEquals("x-oss-expires must be a number of seconds from 1 to 604800.", e.getErrorMessage());
        assertEquals("0002-00000232", e.getEC());
    }

    @Test
    void getObject_v4UrlForSixDays_isServed(EmulatorClients clients) throws IOException {
        String bucket = bucketWithObject(clients, "six-days");
        URL url = presign(clients.v4(), bucket, Duration.ofDays(6));
        assertEquals(
                "hello",
                new String(
                        clients.v4().getObject(url, Map.of()).getObjectContent().readAllBytes(),
                        StandardCharsets.UTF_8));
    }

    @Test
    void getObject_v4ExpiresNoLongHolds_is400(EmulatorClients clients) throws Exception {
        String bucket = bucketWithObject(clients, "v4-overflow");
        URL url = presign(clients.v4(), bucket, Duration.ofHours(1));
        HttpResponse<String> response = get(replace(url, "x-oss-expires", "9223372036854775807"));
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("0002-00000232", element(response.body(), "EC"));
    }

    @Test
    void getObject_v1ExpiresAtTheLargestLong_isASignatureMismatchNot500(EmulatorClients clients) throws Exception {
        String bucket = bucketWithObject(clients, "v1-overflow");
        URL url = presign(clients.v1(), bucket, Duration.ofHours(1));
        HttpResponse<String> largest = get(replace(url, "Expires", "9223372036854775807"));
        assertEquals(403, largest.statusCode(), largest.body());
        assertEquals("SignatureDoesNotMatch", element(largest.body(), "Code"));
        HttpResponse<String> overflowing = get(replace(url, "Expires", "99999999999999999999"));
        assertEquals(400, overflowing.statusCode(), overflowing.body());
        assertEquals(
                "Expires is not a valid number of seconds since the epoch.", element(overflowing.body(), "Message"));
        assertEquals("0002-00000070", element(overflowing.body(), "EC"));
    }

    @Test
    void createBucket_v4RegionInEndpointForm_isRefusedAndNoBucketGetsThatLocation(EmulatorClients clients) {
        OSS wrongRegion = signingFor(clients, "oss-" + clients.region());
        try {
            String bucket = clients.bucketName("region");
            OSSException e = assertThrows(OSSException.class, () -> wrongRegion.createBucket(bucket));
            assertEquals("InvalidArgument", e.getErrorCode());
            assertEquals("The signing region in credential is invalid.", e.getErrorMessage());
            assertEquals("0002-00000228", e.getEC());
            assertEquals("x-oss-credential", e.getErrorFields().get("ArgumentName"));
            assertFalse(clients.v4().doesBucketExist(bucket));
        } finally {
            wrongRegion.shutdown();
        }
    }

    /**
     * The SDK signs with the machine's clock; an emulator whose clock runs behind sees the URL's
     * x-oss-date in its future. Beyond OSS's 15 minutes of skew the URL is not valid yet.
     */
    @Test
    void getObject_v4UrlDatedAnHourAhead_isNotValidYet(@TempDir Path dataDir) {
        Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
        try (Emulator emulator = new Emulator(
                                EmulatorConfig.builder()
                                        .port(0)
                                        .dataDir(dataDir)
                                        .build(),
                                id -> Optional.empty(),
                                BucketConfigRegistry.defaults(),
                                behind)
                        .start();
                EmulatorClients clients = new EmulatorClients(emulator)) {
            OSS oss = clients.v4();
            // Header-signed requests are within the skew only with the emulator's own time: presign alone is tested.
            URL url = presign(oss, "bucket-that-need-not-exist", Duration.ofDays(7));
            OSSException e = assertThrows(OSSException.class, () -> oss.getObject(url, Map.of()));
            assertEquals("AccessDenied", e.getErrorCode());
            assertEquals("0002-00000235", e.getEC());
            assertTrue(e.getErrorMessage().startsWith("Request is not valid yet"), e.getErrorMessage());
        }
    }

    @Test
    void getObject_v4UrlSignedWithAPastExpiration_isOutOfRange(EmulatorClients clients) {
        String bucket = bucketWithObject(clients, "past");
        URL url = presign(clients.v4(), bucket, Duration.ofMinutes(-1));
        OSSException e = assertThrows(OSSException.class, () -> clients.v4().getObject(url, Map.of()));
        assertEquals("0002-00000232", e.getEC());
    }

    /** An emulator whose clock runs two hours ahead sees a one-hour V4 URL of the SDK's as expired. */
    @Test
    void getObject_v4UrlPastItsLifetime_hasExpired(@TempDir Path dataDir) {
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
        try (Emulator emulator = new Emulator(
                                EmulatorConfig.builder()
                                        .port(0)
                                        .dataDir(dataDir)
                                        .build(),
                                id -> Optional.empty(),
                                BucketConfigRegistry.defaults(),
                                ahead)
                        .start();
                EmulatorClients clients = new EmulatorClients(emulator)) {
            URL url = presign(clients.v4(), "bucket-that-need-not-exist", Duration.ofHours(1));
            OSSException e = assertThrows(OSSException.class, () -> clients.v4().getObject(url, Map.of()));
            assertEquals("AccessDenied", e.getErrorCode());
            assertEquals("Request has expired.", e.getErrorMessage());
        }
    }
}
