package dev.ossops.emulator;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signature V1, V2 and V4, in headers and presigned URLs, as OSS verifies them. */
@ExtendWith(EmulatorExtension.class)
class SignatureIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final byte[] DATA = "signed content".getBytes(StandardCharsets.UTF_8);

    private static String bucketWithObject(OSS oss, EmulatorClients clients, String hint) {
        String b = clients.bucketName(hint);
        oss.createBucket(b);
        oss.putObject(b, "dir/file name.txt", new ByteArrayInputStream(DATA));
        return b;
    }

    static HttpResponse<String> fetch(URL url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url.toURI()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An element's text, XML entities decoded. */
    static String element(String body, String name) {
        String raw = new RawRequests.Response(0, Map.of(), body).element(name);
        return raw == null
                ? null
                : raw.replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&apos;", "'")
                        .replace("&amp;", "&");
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void presignedGet_fetchedWithHttpClient_returnsTheObject(SignVersion version, EmulatorClients clients)
            throws Exception {
        OSS oss = clients.client(version);
        String b = bucketWithObject(oss, clients, "presign-" + version);
        URL url = oss.generatePresignedUrl(b, "dir/file name.txt", new Date(System.currentTimeMillis() + 600_000));
        assertTrue(
                url.getQuery()
                        .contains(
                                switch (version) {
                                    case V1 -> "OSSAccessKeyId=";
                                    case V2 -> "x-oss-signature-version=OSS2";
                                    case V4 -> "x-oss-signature-version=OSS4-HMAC-SHA256";
                                }),
                url.getQuery());
        HttpResponse<String> response = fetch(url);
        assertEquals(200, response.statusCode());
        assertEquals("signed content", response.body());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void presignedPut_withContentType_storesTheObject(SignVersion version, EmulatorClients clients) throws Exception {
        OSS oss = clients.client(version);
        String b = clients.bucketName("presignput-" + version);
        oss.createBucket(b);
        GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(b, "up.txt", HttpMethod.PUT);
        request.setExpiration(new Date(System.currentTimeMillis() + 600_000));
        request.setContentType("text/plain");
        URL url = oss.generatePresignedUrl(request);
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(url.toURI())
                        .header("Content-Type", "text/plain")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(DATA))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("text/plain", oss.getObjectMetadata(b, "up.txt").getContentType());
    }

    /**
     * V1 and V2 only: the SDK signs a past expiration into their absolute Expires, but into V4's relative
     * x-oss-expires as a negative count, which OSS refuses as out of range (PresignLimitsIT covers V4).
     */
    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2"})
    void presignedGet_expired_isAccessDeniedRequestHasExpired(SignVersion version, EmulatorClients clients)
            throws Exception {
        OSS oss = clients.client(version);
        String b = bucketWithObject(oss, clients, "expired-" + version);
        URL url = oss.generatePresignedUrl(b, "dir/file name.txt", new Date(System.currentTimeMillis() - 60_000));
        HttpResponse<String> response = fetch(url);
        assertEquals(403, response.statusCode());
        assertEquals("AccessDenied", element(response.body(), "Code"));
        assertEquals("Request has expired.", element(response.body(), "Message"));
        assertNotNull(element(response.body(), "Expires"));
        assertNotNull(element(response.body(), "ServerTime"));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void presignedGet_tamperedSignature_showsWhatWasExpectedToBeSigned(SignVersion version, EmulatorClients clients)
            throws Exception {
        OSS oss = clients.client(version);
        String b = bucketWithObject(oss, clients, "tamper-" + version);
        URL url = oss.generatePresignedUrl(b, "dir/file name.txt", new Date(System.currentTimeMillis() + 600_000));
        String param = version == SignVersion.V1 ? "Signature=" : "x-oss-signature=";
        String tampered = url.toString().replace(param, param + "00");
        HttpResponse<String> response = fetch(URI.create(tampered).toURL());
        assertEquals(403, response.statusCode());
        String body = response.body();
        assertEquals("SignatureDoesNotMatch", element(body, "Code"));
        assertEquals("0002-00000040", element(body, "EC"));
        switch (version) {
            case V1 -> {
                String expires = url.getQuery().replaceAll(".*Expires=(\\d+).*", "$1");
                assertEquals("GET\n\n\n" + expires + "\n/" + b + "/dir/file name.txt", element(body, "StringToSign"));
            }
            case V2 -> {
                String expires = url.getQuery().replaceAll(".*x-oss-expires=(\\d+).*", "$1");
                assertEquals(
                        "GET\n\n\n" + expires + "\n\n%2F" + b + "%2Fdir%2Ffile%20name.txt?x-oss-access-key-id="
                                + clients.keyId() + "&x-oss-expires=" + expires + "&x-oss-signature-version=OSS2",
                        element(body, "StringToSign"));
            }
            case V4 -> {
                assertTrue(element(body, "CanonicalRequest").startsWith("GET\n/" + b + "/dir/file%20name.txt\n"), body);
                assertTrue(element(body, "StringToSign").startsWith("OSS4-HMAC-SHA256\n"), body);
            }
        }
        assertFalse(body.contains(clients.secret()));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void headerSigned_wrongSecret_isSignatureDoesNotMatch(SignVersion version, EmulatorClients clients) {
        String b = bucketWithObject(clients.client(version), clients, "wrongsecret-" + version);
        OSS wrong = clients.client(version, clients.keyId(), "not-the-secret");
        try {
            OSSException e = assertThrows(OSSException.class, () -> wrong.getObject(b, "dir/file name.txt"));
            assertEquals("SignatureDoesNotMatch", e.getErrorCode());
            assertEquals(
                    "The request signature we calculated does not match the signature you provided. Check your key and "
                            + "signing method.",
                    e.getErrorMessage());
            String raw = e.getRawResponseError();
            assertTrue(raw.contains("<StringToSign>"), raw);
            assertTrue(raw.contains("<OSSAccessKeyId>LTAI…Key1</OSSAccessKeyId>"), raw);
            assertEquals(version == SignVersion.V4, raw.contains("<CanonicalRequest>"), raw);
            assertFalse(raw.contains(clients.secret()));
        } finally {
            wrong.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void headerSigned_unknownKey_isInvalidAccessKeyIdWithMaskedId(SignVersion version, EmulatorClients clients) {
        OSS unknown = clients.client(version, "LTAI5tUnknownKeyForTests", "whatever");
        try {
            OSSException e = assertThrows(OSSException.class, unknown::listBuckets);
            assertEquals("InvalidAccessKeyId", e.getErrorCode());
            assertEquals("The OSS Access Key Id you provided does not exist in our records.", e.getErrorMessage());
            assertTrue(
                    e.getRawResponseError().contains("<OSSAccessKeyId>LTAI…ests</OSSAccessKeyId>"),
                    e.getRawResponseError());
            assertTrue(e.getRawResponseError().contains("<EC>0002-00000902</EC>"), e.getRawResponseError());
        } finally {
            unknown.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void headerSigned_clockTwentyMinutesOff_isRequestTimeTooSkewed(SignVersion version, EmulatorClients clients) {
        long offset = -20 * 60_000;
        Map<String, String> headers = version != SignVersion.V4
                ? Map.of(
                        "Date",
                        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                                .format(ZonedDateTime.now(ZoneOffset.UTC).plusNanos(offset * 1_000_000)))
                : Map.of();
        RawRequests.Response response = RawRequests.send(
                clients,
                version,
                clients.keyId(),
                clients.secret(),
                offset,
                "GET",
                null,
                null,
                Map.of(),
                headers,
                null);
        assertEquals(403, response.status());
        assertEquals("RequestTimeTooSkewed", response.element("Code"));
        assertEquals(
                "The difference between the request time and the current time is too large.",
                response.element("Message"));
        assertEquals("900000", response.element("MaxAllowedSkewMilliseconds"));
        assertEquals("0002-00000504", response.element("EC"));

        RawRequests.Response withinLimit = RawRequests.send(
                clients,
                version,
                clients.keyId(),
                clients.secret(),
                -10 * 60_000,
                "GET",
                null,
                null,
                Map.of(),
                version != SignVersion.V4
                        ? Map.of(
                                "Date",
                                DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                                        .format(ZonedDateTime.now(ZoneOffset.UTC)
                                                .minusMinutes(10)))
                        : Map.of(),
                null);
        assertEquals(200, withinLimit.status());
    }

    @org.junit.jupiter.api.Test
    void v4_additionalSignedHeaders_areVerified(EmulatorClients clients) throws Exception {
        OSS oss = clients.v4();
        String b = bucketWithObject(oss, clients, "additional");
        com.aliyun.oss.model.GetObjectRequest request =
                new com.aliyun.oss.model.GetObjectRequest(b, "dir/file name.txt");
        request.addAdditionalHeaderName("host");
        request.addAdditionalHeaderName("range");
        request.setRange(0, 5);
        assertEquals("signed", new String(ObjectApiIT.read(oss.getObject(request)), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void headerSigned_subresourcesAndOddKeys_verify(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        String b = clients.bucketName("odd-" + version);
        oss.createBucket(b);
        String key = "ü/ß ~*'()!$&+,;=@[]%#\uD83D\uDE00.txt";
        oss.putObject(b, key, new ByteArrayInputStream(DATA));
        oss.setObjectAcl(b, key, com.aliyun.oss.model.CannedAccessControlList.PublicRead);
        assertEquals(
                com.aliyun.oss.model.ObjectPermission.PublicRead,
                oss.getObjectAcl(b, key).getPermission());
        assertEquals(DATA.length, oss.getSimplifiedObjectMeta(b, key).getSize());
    }

    @org.junit.jupiter.api.Test
    void v2_additionalSignedHeader_isVerified(EmulatorClients clients) throws Exception {
        OSS oss = clients.v2();
        String b = bucketWithObject(oss, clients, "v2additional");
        com.aliyun.oss.model.GetObjectRequest request =
                new com.aliyun.oss.model.GetObjectRequest(b, "dir/file name.txt");
        // The V2 signer only lists headers of the request object itself among the additional headers.
        request.addHeader("Range", "bytes=0-5");
        request.addAdditionalHeaderName("Range");
        assertEquals("signed", new String(ObjectApiIT.read(oss.getObject(request)), StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.api.Test
    void v2_presignedWithAdditionalHeader_needsThatHeaderAsSigned(EmulatorClients clients) throws Exception {
        OSS oss = clients.v2();
        String b = bucketWithObject(oss, clients, "v2presignhdr");
        GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(b, "dir/file name.txt", HttpMethod.GET);
        request.setExpiration(new Date(System.currentTimeMillis() + 600_000));
        request.addHeader("Range", "bytes=0-5");
        request.addAdditionalHeaderName("Range");
        URL url = oss.generatePresignedUrl(request);
        assertTrue(url.getQuery().contains("x-oss-additional-headers=range"), url.getQuery());

        HttpResponse<String> ranged = HTTP.send(
                HttpRequest.newBuilder(url.toURI())
                        .header("Range", "bytes=0-5")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(206, ranged.statusCode(), ranged.body());
        assertEquals("signed", ranged.body());

        HttpResponse<String> other = HTTP.send(
                HttpRequest.newBuilder(url.toURI())
                        .header("Range", "bytes=0-1")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, other.statusCode());
        assertEquals("SignatureDoesNotMatch", element(other.body(), "Code"));
        assertTrue(element(other.body(), "StringToSign").contains("\nrange:bytes=0-1\nrange\n"), other.body());
    }

    /** Unlike V1, which signs only sub-resources, V2 signs every query parameter: a changed prefix breaks it. */
    @org.junit.jupiter.api.Test
    void v2_everyQueryParameterIsSigned(EmulatorClients clients) {
        String b = bucketWithObject(clients.v2(), clients, "v2params");
        com.aliyun.oss.common.comm.RequestMessage signed = RawRequests.sign(
                clients,
                SignVersion.V2,
                clients.keyId(),
                clients.secret(),
                0,
                "GET",
                b,
                null,
                Map.of("prefix", "dir/", "delimiter", "/"),
                Map.of());
        RawRequests.Response listed = RawRequests.sendSigned(
                clients.endpoint(), "GET", b, null, signed.getParameters(), signed.getHeaders(), null);
        assertEquals(200, listed.status(), listed.body());
        assertEquals("dir/file name.txt", listed.element("Key"));

        Map<String, String> changed = new java.util.LinkedHashMap<>(signed.getParameters());
        changed.put("prefix", "other/");
        RawRequests.Response refused =
                RawRequests.sendSigned(clients.endpoint(), "GET", b, null, changed, signed.getHeaders(), null);
        assertEquals(403, refused.status());
        assertEquals("SignatureDoesNotMatch", refused.element("Code"));
        assertTrue(element(refused.body(), "StringToSign").endsWith("?delimiter=%2F&prefix=other%2F"), refused.body());
    }

    /** A V4 client for OSS on CloudBox signs for product oss-cloudbox, which this OSS refuses as OSS does. */
    @org.junit.jupiter.api.Test
    void v4_signedForAnotherProduct_isInvalidSigningProduct(EmulatorClients clients) {
        com.aliyun.oss.ClientBuilderConfiguration conf = new com.aliyun.oss.ClientBuilderConfiguration();
        conf.setSignatureVersion(SignVersion.V4);
        conf.setMaxErrorRetry(0);
        OSS cloudBox = com.aliyun.oss.OSSClientBuilder.create()
                .endpoint(clients.endpoint().toString())
                .credentialsProvider(
                        new com.aliyun.oss.common.auth.DefaultCredentialProvider(clients.keyId(), clients.secret()))
                .clientConfiguration(conf)
                .region(clients.region())
                .cloudBoxId("cb-1")
                .build();
        try {
            OSSException e = assertThrows(OSSException.class, cloudBox::listBuckets);
            assertEquals("InvalidArgument", e.getErrorCode());
            assertEquals("Invalid signing product in Authorization header.", e.getErrorMessage());
            assertEquals("0002-00000227", e.getEC());
        } finally {
            cloudBox.shutdown();
        }
    }

    /** The SDK suite's V2 URL upload, with an expiry still ahead: additional headers, a custom parameter, chunked body. */
    @org.junit.jupiter.api.Test
    void v2_presignedPutWithAdditionalHeadersAndParameter_storesTheObject(EmulatorClients clients) throws Exception {
        OSS oss = clients.v2();
        String b = clients.bucketName("v2urlput");
        oss.createBucket(b);
        GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(b, "by-url", HttpMethod.PUT);
        request.setExpiration(new Date(System.currentTimeMillis() + 600_000));
        request.setContentType("text/plain");
        Map<String, String> headers = Map.of("x-oss-head1", "value", "abc", "value", "ZAbc", "value", "XYZ", "value");
        headers.forEach(request::addHeader);
        request.addAdditionalHeaderName("ZAbc");
        request.addAdditionalHeaderName("x-oss-head1");
        request.addAdditionalHeaderName("abc");
        request.addQueryParameter("param1", "value1");
        URL url = oss.generatePresignedUrl(request);
        assertTrue(url.getQuery().contains("x-oss-additional-headers=abc%3Bx-oss-head1%3Bzabc"), url.getQuery());

        Map<String, String> sent = new java.util.HashMap<>(headers);
        sent.put("Content-Type", "text/plain");
        oss.putObject(url, new ByteArrayInputStream(DATA), -1, sent, true);
        assertEquals(
                "signed content", new String(ObjectApiIT.read(oss.getObject(b, "by-url")), StandardCharsets.UTF_8));
    }
}
