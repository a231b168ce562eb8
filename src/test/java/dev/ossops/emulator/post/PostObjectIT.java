package dev.ossops.emulator.post;

import com.aliyun.oss.OSS;
import com.aliyun.oss.common.utils.BinaryUtil;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.MatchMode;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PolicyConditions;
import com.aliyun.oss.model.SetBucketCORSRequest;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PostObject with forms signed by the official SDK (V1 and V4) and by hand, sent with java.net.http. */
@ExtendWith(EmulatorExtension.class)
class PostObjectIT {
    private static final byte[] HELLO = "hello from a browser form".getBytes(StandardCharsets.UTF_8);
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(EmulatorClients clients, String bucket, FormBody form, byte[] body)
            throws IOException, InterruptedException {
        return send(clients, bucket, form, body, Map.of());
    }

    /** With the headers a browser adds to a page's form post ({@code Origin}, {@code Sec-Fetch-Site}). */
    private HttpResponse<String> send(
            EmulatorClients clients, String bucket, FormBody form, byte[] body, Map<String, String> browser)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(clients.endpoint().resolve("/" + bucket))
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        browser.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String bucket(EmulatorClients clients, String hint) {
        String bucket = clients.bucketName(hint);
        clients.v4().createBucket(bucket);
        return bucket;
    }

    private static PolicyConditions uploadsPolicy(long min, long max) {
        PolicyConditions conditions = new PolicyConditions();
        conditions.addConditionItem(PolicyConditions.COND_CONTENT_LENGTH_RANGE, min, max);
        conditions.addConditionItem(MatchMode.StartWith, PolicyConditions.COND_KEY, "uploads/");
        return conditions;
    }

    /** A V1 form signed by the SDK's generatePostPolicy + calculatePostSignature. */
    private static FormBody v1Form(EmulatorClients clients, String key, Date expiration, PolicyConditions conditions) {
        OSS oss = clients.v1();
        String policy = oss.generatePostPolicy(expiration, conditions);
        return new FormBody()
                .field("key", key)
                .field("OSSAccessKeyId", clients.keyId())
                .field("policy", BinaryUtil.toBase64String(policy.getBytes(StandardCharsets.UTF_8)))
                .field("Signature", oss.calculatePostSignature(policy));
    }

    private static Date inAnHour() {
        return new Date(System.currentTimeMillis() + 3_600_000);
    }

    private static byte[] read(OSS oss, String bucket, String key) throws IOException {
        try (OSSObject object = oss.getObject(bucket, key);
                InputStream in = object.getObjectContent()) {
            return in.readAllBytes();
        }
    }

    @Test
    void postObject_sdkV1Policy_storesTheFileAndAnswers201(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-v1");
        FormBody form = v1Form(clients, "uploads/${filename}", inAnHour(), uploadsPolicy(1, 1024))
                .field("success_action_status", "201")
                .field("x-oss-meta-owner", "alice")
                .field("Content-Type", "text/plain");
        HttpResponse<String> response =
                send(clients, bucket, form, form.withFile("hello.txt", "application/octet-stream", HELLO));

        assertEquals(201, response.statusCode(), response.body());
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertEquals(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PostResponse><Bucket>" + bucket
                        + "</Bucket><Location>http://"
                        + clients.endpoint().getAuthority() + "/" + bucket
                        + "/uploads/hello.txt</Location><Key>uploads/hello.txt</Key><ETag>"
                        + etag + "</ETag></PostResponse>",
                response.body());
        OSS oss = clients.v4();
        assertArrayEquals(HELLO, read(oss, bucket, "uploads/hello.txt"));
        assertEquals(
                "alice",
                oss.getObjectMetadata(bucket, "uploads/hello.txt")
                        .getUserMetadata()
                        .get("owner"));
        assertEquals(
                "text/plain", oss.getObjectMetadata(bucket, "uploads/hello.txt").getContentType());
    }

    @Test
    void postObject_encryptionFields_areStoredAndAnswered(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-sse");
        // The form fields of PutObject's encryption headers (the SDK's CMKIDTest posts them).
        FormBody form = v1Form(clients, "uploads/sse.txt", inAnHour(), uploadsPolicy(1, 1024))
                .field("x-oss-server-side-encryption", "KMS")
                .field("x-oss-server-side-encryption-key-id", "post-key");
        HttpResponse<String> response = send(clients, bucket, form, form.withFile("sse.txt", "text/plain", HELLO));

        assertEquals(204, response.statusCode(), response.body());
        assertEquals(
                "KMS",
                response.headers().firstValue("x-oss-server-side-encryption").orElseThrow());
        assertEquals(
                "post-key",
                response.headers()
                        .firstValue("x-oss-server-side-encryption-key-id")
                        .orElseThrow());
        ObjectMetadata meta = clients.v4().getObjectMetadata(bucket, "uploads/sse.txt");
        assertEquals("KMS", meta.getServerSideEncryption());
        assertEquals("post-key", meta.getServerSideEncryptionKeyId());
    }

    @Test
    void postObject_sdkV4Signature_isAccepted(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-v4");
        Date now = new Date();
        OSS oss = clients.v4();
        String policy = oss.generatePostPolicy(inAnHour(), uploadsPolicy(0, 1024));
        String day =
                DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC).format(now.toInstant());
        FormBody form = new FormBody()
                .field("key", "uploads/v4.txt")
                .field("policy", BinaryUtil.toBase64String(policy.getBytes(StandardCharsets.UTF_8)))
                .field("x-oss-signature-version", "OSS4-HMAC-SHA256")
                .field(
                        "x-oss-credential",
                        clients.keyId() + "/" + day + "/" + clients.region() + "/oss/aliyun_v4_request")
                .field(
                        "x-oss-date",
                        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                                .withZone(ZoneOffset.UTC)
                                .format(now.toInstant()))
                .field("x-oss-signature", oss.calculatePostSignature(policy, now))
                .field("success_action_status", "200");
        HttpResponse<String> response = send(clients, bucket, form, form.withFile("v4.txt", "text/plain", HELLO));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("", response.body());
        assertArrayEquals(HELLO, read(oss, bucket, "uploads/v4.txt"));
    }

    /** PostObject is what browsers are for: another site's page may still post, and the bucket's CORS rules decide what it may read. */
    @Test
    void postObject_fromAnotherSitesPage_isStoredWithTheBucketsCorsAnswer(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-browser");
        SetBucketCORSRequest cors = new SetBucketCORSRequest(bucket);
        SetBucketCORSRequest.CORSRule rule = new SetBucketCORSRequest.CORSRule();
        rule.setAllowedOrigins(List.of("https://app.example.com"));
        rule.setAllowedMethods(List.of("POST"));
        cors.addCorsRule(rule);
        clients.v4().setBucketCORS(cors);

        FormBody allowed = v1Form(clients, "uploads/from-app.txt", inAnHour(), uploadsPolicy(0, 1024));
        HttpResponse<String> app = send(
                clients,
                bucket,
                allowed,
                allowed.withFile("a.txt", "text/plain", HELLO),
                Map.of("Origin", "https://app.example.com", "Sec-Fetch-Site", "cross-site"));
        assertEquals(204, app.statusCode(), app.body());
        assertEquals(
                "https://app.example.com",
                app.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertArrayEquals(HELLO, read(clients.v4(), bucket, "uploads/from-app.txt"));

        FormBody other = v1Form(clients, "uploads/from-other.txt", inAnHour(), uploadsPolicy(0, 1024));
        HttpResponse<String> unlisted = send(
                clients,
                bucket,
                other,
                other.withFile("b.txt", "text/plain", HELLO),
                Map.of("Origin", "https://other.example", "Sec-Fetch-Site", "cross-site"));
        assertEquals(204, unlisted.statusCode(), unlisted.body());
        assertFalse(
                unlisted.headers().firstValue("Access-Control-Allow-Origin").isPresent(), "no rule lists that origin");
    }

    @Test
    void postObject_defaultStatus_is204(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-204");
        FormBody form = v1Form(clients, "uploads/a.bin", inAnHour(), uploadsPolicy(0, 1024));
        HttpResponse<String> response =
                send(clients, bucket, form, form.withFile("a.bin", "application/octet-stream", HELLO));
        assertEquals(204, response.statusCode());
        assertTrue(response.headers().firstValue("ETag").isPresent());
    }

    @Test
    void postObject_largeFileWithBoundaryLikeBytes_isStoredExactly(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-large");
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        byte[] lookalike = ("\r\n--" + FormBody.BOUNDARY.substring(0, FormBody.BOUNDARY.length() - 1))
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 7 + 3);
        }
        for (int at = 1000; at + lookalike.length < content.length; at += 65_536 - 5) {
            System.arraycopy(lookalike, 0, content, at, lookalike.length);
        }
        FormBody form = v1Form(clients, "uploads/large.bin", inAnHour(), uploadsPolicy(0, 10L * 1024 * 1024));
        HttpResponse<String> response =
                send(clients, bucket, form, form.withFile("large.bin", "application/octet-stream", content));
        assertEquals(204, response.statusCode(), response.body());
        assertTrue(Arrays.equals(content, read(clients.v4(), bucket, "uploads/large.bin")), "stored bytes differ");
    }

    @Test
    void postObject_expiredPolicy_isAccessDenied(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-expired");
        FormBody form =
                v1Form(clients, "uploads/x", new Date(System.currentTimeMillis() - 60_000), uploadsPolicy(0, 1024));
        HttpResponse<String> response = send(clients, bucket, form, form.withFile("x", "text/plain", HELLO));
        assertEquals(403, response.statusCode());
        assertTrue(
                response.body()
                        .contains(
                                "<Code>AccessDenied</Code><Message>Invalid according to Policy: Policy expired.</Message>"),
                response.body());
    }

    @Test
    void postObject_keyOutsidePolicyPrefix_isConditionFailed(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-cond");
        FormBody form = v1Form(clients, "elsewhere/x", inAnHour(), uploadsPolicy(0, 1024));
        HttpResponse<String> response = send(clients, bucket, form, form.withFile("x", "text/plain", HELLO));
        assertEquals(403, response.statusCode());
        assertTrue(
                response.body()
                        .contains("<Message>Invalid according to Policy: Policy Condition failed: "
                                + "[\"starts-with\", \"$key\", \"uploads/\"]</Message>"),
                response.body());
        assertFalse(clients.v4().doesObjectExist(bucket, "elsewhere/x"));
    }

    @Test
    void postObject_fileLargerThanRange_isEntityTooLarge(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-big");
        FormBody form = v1Form(clients, "uploads/big", inAnHour(), uploadsPolicy(0, 10));
        HttpResponse<String> response = send(clients, bucket, form, form.withFile("big", "text/plain", HELLO));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("<Code>EntityTooLarge</Code>"), response.body());
        assertTrue(response.body().contains("<MaxSizeAllowed>10</MaxSizeAllowed>"), response.body());
        assertFalse(clients.v4().doesObjectExist(bucket, "uploads/big"));
    }

    @Test
    void postObject_fileSmallerThanRange_isEntityTooSmall(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-small");
        FormBody form = v1Form(clients, "uploads/small", inAnHour(), uploadsPolicy(100, 1000));
        HttpResponse<String> response = send(clients, bucket, form, form.withFile("small", "text/plain", HELLO));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("<Code>EntityTooSmall</Code>"), response.body());
        assertFalse(clients.v4().doesObjectExist(bucket, "uploads/small"));
    }

    @Test
    void postObject_wrongSignature_isSignatureDoesNotMatch(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-sig");
        OSS oss = clients.v1();
        String policy = oss.generatePostPolicy(inAnHour(), uploadsPolicy(0, 1024));
        FormBody form = new FormBody()
                .field("key", "uploads/x")
                .field("OSSAccessKeyId", clients.keyId())
                .field("policy", BinaryUtil.toBase64String(policy.getBytes(StandardCharsets.UTF_8)))
                .field("Signature", oss.calculatePostSignature(policy + " "));
        HttpResponse<String> response = send(clients, bucket, form, form.withFile("x", "text/plain", HELLO));
        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("<Code>SignatureDoesNotMatch</Code>"), response.body());
    }

    @Test
    void postObject_simpleConditionWithTwoProperties_isInvalidPolicyDocument(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-badpolicy");
        String policy = "{\"expiration\":\"2099-01-01T00:00:00.000Z\",\"conditions\":[{\"bucket\":\"" + bucket
                + "\",\"key\":\"k\"}]}";
        FormBody form = new FormBody()
                .field("key", "k")
                .field("OSSAccessKeyId", clients.keyId())
                .field("policy", BinaryUtil.toBase64String(policy.getBytes(StandardCharsets.UTF_8)))
                .field("Signature", clients.v1().calculatePostSignature(policy));
        HttpResponse<String> response = send(clients, bucket, form, form.withFile("k", "text/plain", HELLO));
        assertEquals(400, response.statusCode());
        assertTrue(
                response.body()
                        .contains(
                                "<Code>InvalidPolicyDocument</Code><Message>Invalid Policy: Invalid Simple-Condition: "
                                        + "Simple-Conditions must have exactly one property specified.</Message>"),
                response.body());
    }

    @Test
    void postObject_bucketAndEqConditions_areChecked(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-eq");
        String policy = "{\"expiration\":\"2099-01-01T00:00:00.000Z\",\"conditions\":[{\"bucket\":\"" + bucket + "\"},"
                + "[\"eq\",\"$x-oss-meta-team\",\"media\"]]}";
        FormBody wrongTeam = new FormBody()
                .field("key", "k")
                .field("OSSAccessKeyId", clients.keyId())
                .field("policy", BinaryUtil.toBase64String(policy.getBytes(StandardCharsets.UTF_8)))
                .field("Signature", clients.v1().calculatePostSignature(policy))
                .field("x-oss-meta-team", "ads");
        HttpResponse<String> denied = send(clients, bucket, wrongTeam, wrongTeam.withFile("k", "text/plain", HELLO));
        assertEquals(403, denied.statusCode());
        assertTrue(
                denied.body().contains("Policy Condition failed: [\"eq\", \"$x-oss-meta-team\", \"media\"]"),
                denied.body());

        FormBody rightTeam = wrongTeam.field("x-oss-meta-team", "media");
        HttpResponse<String> ok = send(clients, bucket, rightTeam, rightTeam.withFile("k", "text/plain", HELLO));
        assertEquals(204, ok.statusCode(), ok.body());
    }

    @Test
    void postObject_anonymous_needsPublicReadWrite(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-anon");
        FormBody form = new FormBody().field("key", "drop/${filename}");
        HttpResponse<String> denied = send(clients, bucket, form, form.withFile("a.txt", "text/plain", HELLO));
        assertEquals(403, denied.statusCode());
        assertTrue(denied.body().contains("<Code>AccessDenied</Code>"), denied.body());

        clients.v4().setBucketAcl(bucket, CannedAccessControlList.PublicReadWrite);
        HttpResponse<String> ok = send(clients, bucket, form, form.withFile("a.txt", "text/plain", HELLO));
        assertEquals(204, ok.statusCode(), ok.body());
        assertArrayEquals(HELLO, read(clients.v4(), bucket, "drop/a.txt"));
    }

    @Test
    void postObject_successActionRedirect_answers303WithTheObject(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-redirect");
        FormBody form = v1Form(clients, "uploads/r.txt", inAnHour(), uploadsPolicy(0, 1024))
                .field("success_action_redirect", "https://app.example.com/done");
        HttpResponse<String> response = send(clients, bucket, form, form.withFile("r.txt", "text/plain", HELLO));
        assertEquals(303, response.statusCode());
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertEquals(
                "https://app.example.com/done?bucket=" + bucket + "&key=uploads%2Fr.txt&etag="
                        + java.net.URLEncoder.encode(etag, StandardCharsets.UTF_8),
                response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void postObject_withoutFile_isInvalidArgument(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-nofile");
        String body = "--" + FormBody.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nk\r\n--"
                + FormBody.BOUNDARY + "--\r\n";
        HttpResponse<String> response = send(clients, bucket, new FormBody(), body.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, response.statusCode());
        assertTrue(
                response.body().contains("<Message>Bucket POST must contain a field named 'file'.</Message>"),
                response.body());
    }

    /** A V1 form for {@code uploads/...} whose policy, built by the SDK's PolicyConditions, limits the content type. */
    private static FormBody typedForm(
            EmulatorClients clients, String key, MatchMode mode, String field, String... types) {
        PolicyConditions conditions = uploadsPolicy(0, 1024);
        conditions.addConditionItem(mode, field, types);
        return v1Form(clients, key, inAnHour(), conditions);
    }

    @Test
    void postObject_sdkInCondition_acceptsAListedTypeAndStoresIt(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-in");
        FormBody form = typedForm(
                        clients, "uploads/a.png", MatchMode.In, "x-oss-content-type", "image/png", "image/jpeg")
                .field("x-oss-content-type", "image/png");

        HttpResponse<String> response = send(clients, bucket, form, form.withFile("a.png", "text/html", HELLO));

        assertEquals(204, response.statusCode(), response.body());
        assertEquals(
                "image/png",
                clients.v4().getObjectMetadata(bucket, "uploads/a.png").getContentType());
    }

    @Test
    void postObject_sdkInCondition_refusesAnUnlistedOrMissingType(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-in-no");
        FormBody html = typedForm(clients, "uploads/a.html", MatchMode.In, "Content-Type", "image/png", "image/jpeg")
                .field("Content-Type", "text/html");
        FormBody missing =
                typedForm(clients, "uploads/b.html", MatchMode.In, "Content-Type", "image/png", "image/jpeg");

        for (FormBody form : List.of(html, missing)) {
            HttpResponse<String> response = send(clients, bucket, form, form.withFile("a.html", "text/html", HELLO));
            assertEquals(403, response.statusCode(), response.body());
            assertTrue(
                    response.body()
                            .contains(
                                    "<Code>AccessDenied</Code><Message>Invalid according to Policy: Policy Condition failed: "
                                            + "[\"in\", \"$content-type\", [\"image/png\", \"image/jpeg\"]]</Message>"),
                    response.body());
        }
        assertFalse(clients.v4().doesObjectExist(bucket, "uploads/a.html"));
        assertFalse(clients.v4().doesObjectExist(bucket, "uploads/b.html"));
    }

    @Test
    void postObject_sdkNotInCondition_refusesAListedValueOnly(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-notin");
        FormBody noCache = typedForm(clients, "uploads/n.txt", MatchMode.NotIn, "Cache-Control", "no-cache", "no-store")
                .field("Cache-Control", "no-cache");
        HttpResponse<String> denied = send(clients, bucket, noCache, noCache.withFile("n.txt", "text/plain", HELLO));
        assertEquals(403, denied.statusCode(), denied.body());
        assertTrue(
                denied.body()
                        .contains(
                                "Policy Condition failed: [\"not-in\", \"$cache-control\", [\"no-cache\", \"no-store\"]]"),
                denied.body());

        FormBody cached = typedForm(clients, "uploads/c.txt", MatchMode.NotIn, "Cache-Control", "no-cache", "no-store")
                .field("Cache-Control", "max-age=60");
        assertEquals(
                204,
                send(clients, bucket, cached, cached.withFile("c.txt", "text/plain", HELLO))
                        .statusCode());
        FormBody absent = typedForm(clients, "uploads/d.txt", MatchMode.NotIn, "Cache-Control", "no-cache", "no-store");
        assertEquals(
                204,
                send(clients, bucket, absent, absent.withFile("d.txt", "text/plain", HELLO))
                        .statusCode());
        assertEquals(
                "max-age=60",
                clients.v4().getObjectMetadata(bucket, "uploads/c.txt").getCacheControl());
    }

    @Test
    void postObject_inWithAStringInsteadOfAList_isInvalidPolicyDocument(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-in-str");
        String policy =
                "{\"expiration\":\"2099-01-01T00:00:00.000Z\",\"conditions\":[[\"not-in\",\"$cache-control\",\"no-cache\"]]}";
        FormBody form = new FormBody()
                .field("key", "k")
                .field("OSSAccessKeyId", clients.keyId())
                .field("policy", BinaryUtil.toBase64String(policy.getBytes(StandardCharsets.UTF_8)))
                .field("Signature", clients.v1().calculatePostSignature(policy));
        HttpResponse<String> response = send(clients, bucket, form, form.withFile("k", "text/plain", HELLO));
        assertEquals(400, response.statusCode());
        assertTrue(
                response.body()
                        .contains("<Code>InvalidPolicyDocument</Code><Message>Invalid Policy: Invalid Condition: "
                                + "the values of 'not-in' must be a list.</Message>"),
                response.body());
    }

    @Test
    void postObject_xOssContentType_winsOverTheFieldAndTheFilePart(EmulatorClients clients) throws Exception {
        String bucket = bucket(clients, "post-xct");
        FormBody form = v1Form(clients, "uploads/t.bin", inAnHour(), uploadsPolicy(0, 1024))
                .field("Content-Type", "text/html")
                .field("x-oss-content-type", "image/webp");
        assertEquals(
                204,
                send(clients, bucket, form, form.withFile("t.bin", "text/html", HELLO))
                        .statusCode());
        assertEquals(
                "image/webp",
                clients.v4().getObjectMetadata(bucket, "uploads/t.bin").getContentType());
    }
}
