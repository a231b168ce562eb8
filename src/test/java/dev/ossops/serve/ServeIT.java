package dev.ossops.serve;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PutObjectResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint of {@code ossops serve} against the emulator, with the official OSS SDK on the OSS side: what the
 * service hands out works for the principal's own keys and is refused by OSS anywhere else; forbidden types and sizes
 * never get a URL; {@code complete} refuses a missing or different object; the access log holds no secret.
 */
@ExtendWith(EmulatorExtension.class)
class ServeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Queue<String> log = new ConcurrentLinkedQueue<>();

    private static EmulatorClients clients;
    private static Emulator emulator;
    private static String bucket;
    private static ServeFixture.Identity identity;
    private static ServeService service;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start(EmulatorClients emulatorClients) {
        clients = emulatorClients;
        emulator = clients.emulator();
        bucket = clients.bucketName("serve");
        clients.v4().createBucket(bucket);
        identity = ServeFixture.identity(emulator, bucket, "serve");
        service = start(settings(1000), log);
    }

    private static ServeSettings settings(int perMinute) {
        return new ServeSettings(
                bucket,
                emulator.config().region(),
                List.of("image/png", "text/plain"),
                OptionalLong.of(1024),
                "uploads",
                Duration.ofMinutes(10),
                Duration.ofHours(1),
                Optional.empty(),
                Optional.of(identity.roleArn()),
                900,
                List.of("https://app.example.test"),
                perMinute);
    }

    private static ServeService start(ServeSettings settings, Queue<String> accessLog) {
        ApiKeys keys = ApiKeys.load(
                Map.of("alice", "ALICE_KEY", "bob", "BOB_KEY"),
                Optional.empty(),
                Map.of("ALICE_KEY", ServeFixture.ALICE_KEY, "BOB_KEY", ServeFixture.BOB_KEY));
        return ServeService.start(
                settings,
                keys,
                identity.target(emulator),
                identity.refreshing(),
                new InetSocketAddress("127.0.0.1", 0),
                accessLog::add,
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private HttpResponse<String> post(String path, String key, String json) {
        return ServeFixture.send(http, service.uri(), "POST", path, key, json);
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static String error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("error").asText();
    }

    /** The error's stable code (docs/errors.md), which clients match instead of the message. */
    private static String code(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("code").asText();
    }

    private OSS stsClient(JsonNode c, String id, String secret, String token) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(SignVersion.V4);
        conf.setMaxErrorRetry(0);
        return OSSClientBuilder.create()
                .endpoint(emulator.endpoint().toString())
                .credentialsProvider(new DefaultCredentialProvider(
                        c.get(id).asText(), c.get(secret).asText(), c.get(token).asText()))
                .clientConfiguration(conf)
                .region(emulator.config().region())
                .build();
    }

    private byte[] read(String key) throws Exception {
        try (OSSObject o = clients.v4().getObject(bucket, key);
                InputStream in = o.getObjectContent()) {
            return in.readAllBytes();
        }
    }

    private static void assertOssRefuses(String code, org.junit.jupiter.api.function.Executable call) {
        OSSException e = assertThrows(OSSException.class, call);
        assertEquals(code, e.getErrorCode(), e.getRawResponseError());
    }

    private PutObjectResult putSigned(JsonNode signed, String url, byte[] body, String contentType) throws Exception {
        // The SDK adds its own headers to the map it is given.
        Map<String, String> headers = new java.util.HashMap<>(Map.of(
                "Content-Type",
                contentType,
                "x-oss-forbid-overwrite",
                signed.get("headers").get("x-oss-forbid-overwrite").asText()));
        return clients.v4().putObject(new URL(url), new ByteArrayInputStream(body), body.length, headers);
    }

    @Test
    void presign_allowedType_theSdkPutsTheBytesUnderThePrincipalsPrefix() throws Exception {
        JsonNode signed = ok(post(
                "/api/upload/presign",
                ServeFixture.ALICE_KEY,
                "{\"content_type\": \"image/png\", \"filename\": \"photo.PNG\", \"size\": 5}"));
        String key = signed.get("object_key").asText();
        assertTrue(key.matches("uploads/alice/\\d{4}/\\d{2}/\\d{2}/[0-9a-f]{16}\\.png"), key);
        assertEquals("PUT", signed.get("method").asText());
        assertEquals("image/png", signed.get("headers").get("Content-Type").asText());
        assertEquals(600, signed.get("expires_in").asLong());
        assertFalse(signed.has("cdn_url"));

        putSigned(signed, signed.get("upload_url").asText(), "hello".getBytes(StandardCharsets.UTF_8), "image/png");

        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), read(key));
        assertEquals("image/png", clients.v4().getObjectMetadata(bucket, key).getContentType());
    }

    @Test
    void presign_urlMovedToANeighboursPrefix_isRefusedByOss() throws Exception {
        JsonNode signed = ok(post("/api/upload/presign", ServeFixture.ALICE_KEY, "{\"content_type\": \"image/png\"}"));
        String key = signed.get("object_key").asText();
        String moved = signed.get("upload_url").asText().replace("/uploads/alice/", "/uploads/bob/");

        assertOssRefuses("SignatureDoesNotMatch", () -> putSigned(signed, moved, new byte[] {1}, "image/png"));
        assertFalse(clients.v4().doesObjectExist(bucket, key.replace("uploads/alice/", "uploads/bob/")));
    }

    @Test
    void presign_anotherContentTypeOrASecondPut_isRefusedByOss() throws Exception {
        JsonNode signed = ok(post("/api/upload/presign", ServeFixture.ALICE_KEY, "{\"content_type\": \"image/png\"}"));
        String url = signed.get("upload_url").asText();

        assertOssRefuses("SignatureDoesNotMatch", () -> putSigned(signed, url, new byte[] {1}, "text/html"));
        putSigned(signed, url, new byte[] {1}, "image/png");
        assertOssRefuses("FileAlreadyExists", () -> putSigned(signed, url, new byte[] {2}, "image/png"));
        assertArrayEquals(new byte[] {1}, read(signed.get("object_key").asText()));
    }

    @Test
    void presign_forbiddenTypeOrOversize_isRefusedWithoutAUrl() throws Exception {
        HttpResponse<String> html = post(
                "/api/upload/presign",
                ServeFixture.ALICE_KEY,
                "{\"content_type\": \"text/html\", \"filename\": \"page.html\"}");
        assertEquals(400, html.statusCode());
        assertEquals(
                "filename page.html: content type text/html is not allowed (allowedContentTypes: image/png, text/plain)",
                error(html));
        assertEquals("serve.refused", code(html));
        assertFalse(html.body().contains("upload_url"));

        HttpResponse<String> big = post(
                "/api/upload/presign",
                ServeFixture.ALICE_KEY,
                "{\"content_type\": \"image/png\", \"filename\": \"big.png\", \"size\": 1025}");
        assertEquals(400, big.statusCode());
        assertEquals("filename big.png: 1025 bytes exceeds maxSizeBytes 1024 bytes (1 KiB)", error(big));
    }

    @Test
    void presign_userIdOfSomeoneElse_isRefused() throws Exception {
        HttpResponse<String> r = post(
                "/api/upload/presign",
                ServeFixture.ALICE_KEY,
                "{\"content_type\": \"image/png\", \"filename\": \"photo.png\", \"user_id\": \"bob\"}");
        assertEquals(403, r.statusCode());
        assertEquals("user_id does not match the caller: uploads go under the API key's principal 'alice'", error(r));
        assertEquals("serve.refused", code(r));
    }

    @Test
    void policy_postObjectForm_uploadsPinnedKeyTypeAndPrivateAcl() throws Exception {
        JsonNode form = ok(post(
                "/api/upload/policy",
                ServeFixture.BOB_KEY,
                "{\"content_type\": \"text/plain\", \"filename\": \"a.txt\"}"));
        String key = form.get("object_key").asText();
        assertTrue(key.startsWith("uploads/bob/"), key);
        assertEquals(emulator.endpoint() + "/" + bucket, form.get("url").asText());
        JsonNode policy = JSON.readTree(java.util.Base64.getDecoder()
                .decode(form.get("fields").get("policy").asText()));
        assertTrue(
                policy.get("conditions").toString().contains("[\"content-length-range\",0,1024]"), policy.toString());

        assertEquals(204, postForm(form, key, "text/plain", "form bytes").statusCode());
        assertArrayEquals("form bytes".getBytes(StandardCharsets.UTF_8), read(key));
        assertEquals("text/plain", clients.v4().getObjectMetadata(bucket, key).getContentType());
        assertEquals(
                "private",
                clients.v4().getObjectAcl(bucket, key).getPermission().toString());

        String neighbour = key.replace("uploads/bob/", "uploads/alice/");
        HttpResponse<String> moved = postForm(form, neighbour, "text/plain", "x");
        assertEquals(403, moved.statusCode(), moved.body());
        assertFalse(clients.v4().doesObjectExist(bucket, neighbour));
        HttpResponse<String> retyped = postForm(form, key.replace(".txt", "-2.txt"), "text/html", "<script>");
        assertEquals(403, retyped.statusCode(), retyped.body());
        // x-oss-content-type outranks the Content-Type field at OSS, so the form pins it as well.
        HttpResponse<String> overridden =
                postForm(form, key, "text/plain", "<script>", Map.of("x-oss-content-type", "text/html"));
        assertEquals(403, overridden.statusCode(), overridden.body());
        assertTrue(
                overridden
                        .body()
                        .contains("Policy Condition failed: [\"eq\", \"$x-oss-content-type\", \"text/plain\"]"),
                overridden.body());
        assertEquals("text/plain", clients.v4().getObjectMetadata(bucket, key).getContentType());
    }

    /** PostObject is a browser form: the SDK has no call for it, so the multipart body is built here. */
    private HttpResponse<String> postForm(JsonNode form, String key, String contentType, String content)
            throws Exception {
        return postForm(form, key, contentType, content, Map.of());
    }

    /** The form's fields, with {@code key}, {@code Content-Type} and any of {@code overrides} set as a caller would. */
    private HttpResponse<String> postForm(
            JsonNode form, String key, String contentType, String content, Map<String, String> overrides)
            throws Exception {
        String boundary = "----serve" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        java.util.Iterator<Map.Entry<String, JsonNode>> fields =
                form.get("fields").properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String value = overrides.containsKey(f.getKey())
                    ? overrides.get(f.getKey())
                    : f.getKey().equals("key")
                            ? key
                            : f.getKey().equals("Content-Type")
                                    ? contentType
                                    : f.getValue().asText();
            body.append("--")
                    .append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"")
                    .append(f.getKey())
                    .append("\"\r\n\r\n")
                    .append(value)
                    .append("\r\n");
        }
        body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f\"\r\n")
                .append("Content-Type: ")
                .append(contentType)
                .append("\r\n\r\n")
                .append(content)
                .append("\r\n--")
                .append(boundary)
                .append("--\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create(form.get("url").asText()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void stsToken_credentialsWriteUnderThePrincipalsPrefixOnly() throws Exception {
        JsonNode c = ok(post("/api/upload/sts-token", ServeFixture.ALICE_KEY, null));
        assertTrue(c.get("access_key_id").asText().startsWith("STS."), c.toString());
        assertEquals(bucket, c.get("bucket").asText());
        assertEquals(emulator.endpoint().toString(), c.get("endpoint").asText());
        assertEquals("uploads/alice/", c.get("prefix").asText());
        OSS oss = stsClient(c, "access_key_id", "access_key_secret", "security_token");
        try {
            oss.putObject(bucket, "uploads/alice/sts.txt", new ByteArrayInputStream(new byte[] {7}));
            assertArrayEquals(new byte[] {7}, read("uploads/alice/sts.txt"));
            assertOssRefuses(
                    "AccessDenied",
                    () -> oss.putObject(bucket, "uploads/bob/sts.txt", new ByteArrayInputStream(new byte[] {7})));
            assertOssRefuses(
                    "AccessDenied",
                    () -> oss.putObject(bucket, "elsewhere.txt", new ByteArrayInputStream(new byte[] {7})));
            assertOssRefuses("AccessDenied", () -> oss.getObject(bucket, "uploads/alice/sts.txt"));
        } finally {
            oss.shutdown();
        }
    }

    @Test
    void stsInit_thenComplete_returnsAWorkingSignedUrl() throws Exception {
        JsonNode c =
                ok(post("/sts/upload/init", ServeFixture.BOB_KEY, "{\"file_name\": \"notes.txt\", \"file_size\": 4}"));
        String key = c.get("object_key").asText();
        assertTrue(key.matches("uploads/bob/\\d{4}/\\d{2}/\\d{2}/[0-9a-f]{16}\\.txt"), key);
        assertEquals(bucket, c.get("bucket_name").asText());
        assertEquals("text/plain", c.get("content_type").asText());
        OSS oss = stsClient(c, "AccessKeyId", "AccessKeySecret", "SecurityToken");
        try {
            assertOssRefuses(
                    "AccessDenied",
                    () -> oss.putObject(bucket, "uploads/bob/other.txt", new ByteArrayInputStream(new byte[4])));
            ObjectMetadata meta = new ObjectMetadata();
            meta.setContentType("text/plain");
            oss.putObject(bucket, key, new ByteArrayInputStream("abcd".getBytes(StandardCharsets.UTF_8)), meta);
        } finally {
            oss.shutdown();
        }

        JsonNode done = ok(post("/sts/upload/complete", ServeFixture.BOB_KEY, "{\"object_key\": \"" + key + "\"}"));
        assertEquals(4, done.get("file_size").asLong());
        assertEquals("text/plain", done.get("content_type").asText());
        HttpResponse<byte[]> fetched = http.send(
                HttpRequest.newBuilder(URI.create(done.get("public_signed_url").asText()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, fetched.statusCode());
        assertArrayEquals("abcd".getBytes(StandardCharsets.UTF_8), fetched.body());

        HttpResponse<String> again =
                post("/sts/upload/complete", ServeFixture.BOB_KEY, "{\"object_key\": \"" + key + "\"}");
        assertEquals(404, again.statusCode());
        assertEquals("no upload of " + key + " was started with /sts/upload/init, or it expired", error(again));
    }

    @Test
    void stsComplete_missingObjectOrSizeMismatchOrNeighboursKey_isAnErrorNotAUrl() throws Exception {
        JsonNode c =
                ok(post("/sts/upload/init", ServeFixture.ALICE_KEY, "{\"file_name\": \"pic.png\", \"file_size\": 3}"));
        String key = c.get("object_key").asText();
        String body = "{\"object_key\": \"" + key + "\"}";

        HttpResponse<String> missing = post("/sts/upload/complete", ServeFixture.ALICE_KEY, body);
        assertEquals(404, missing.statusCode());
        assertEquals(key + " has not been uploaded", error(missing));

        HttpResponse<String> neighbour = post("/sts/upload/complete", ServeFixture.BOB_KEY, body);
        assertEquals(403, neighbour.statusCode());
        assertEquals(
                "object_key must be under uploads/bob/: the API key decides where its uploads are", error(neighbour));

        OSS oss = stsClient(c, "AccessKeyId", "AccessKeySecret", "SecurityToken");
        try {
            ObjectMetadata meta = new ObjectMetadata();
            meta.setContentType("image/png");
            oss.putObject(bucket, key, new ByteArrayInputStream(new byte[5]), meta);
        } finally {
            oss.shutdown();
        }
        HttpResponse<String> mismatch = post("/sts/upload/complete", ServeFixture.ALICE_KEY, body);
        assertEquals(409, mismatch.statusCode());
        assertEquals(key + " holds 5 bytes, but 3 were announced", error(mismatch));
        assertEquals("serve.refused", code(mismatch));
        assertFalse(mismatch.body().contains("public_signed_url"));
    }

    @Test
    void stsInit_forbiddenTypeOrOversize_isRefusedBeforeAnyCredential() throws Exception {
        HttpResponse<String> type =
                post("/sts/upload/init", ServeFixture.ALICE_KEY, "{\"file_name\": \"x.exe\", \"file_size\": 3}");
        assertEquals(400, type.statusCode());
        assertEquals(
                "file_name x.exe: content type application/x-msdownload is not allowed (allowedContentTypes: image/png, "
                        + "text/plain)",
                error(type));
        HttpResponse<String> big =
                post("/sts/upload/init", ServeFixture.ALICE_KEY, "{\"file_name\": \"x.png\", \"file_size\": 4096}");
        assertEquals(400, big.statusCode());
        assertEquals("file_name x.png: 4096 bytes (4 KiB) exceeds maxSizeBytes 1024 bytes (1 KiB)", error(big));
    }

    @Test
    void image_ownKey_signedUrlCoversTheProcessingChain() throws Exception {
        HttpResponse<String> r = ServeFixture.send(
                http,
                service.uri(),
                "GET",
                "/api/image/uploads/alice/2026/01/01/a.png?w=400&format=webp&q=80",
                ServeFixture.ALICE_KEY,
                null);
        URI url = URI.create(ok(r).get("url").asText());
        assertEquals("/" + bucket + "/uploads/alice/2026/01/01/a.png", url.getPath());
        assertTrue(
                url.getQuery().contains("x-oss-process=image/resize,w_400/format,webp/quality,q_80"), url.getQuery());

        HttpResponse<String> other = ServeFixture.send(
                http, service.uri(), "GET", "/api/image/uploads/bob/a.png", ServeFixture.ALICE_KEY, null);
        assertEquals(403, other.statusCode());
        HttpResponse<String> bad = ServeFixture.send(
                http, service.uri(), "GET", "/api/image/uploads/alice/a.png?w=0", ServeFixture.ALICE_KEY, null);
        assertEquals(400, bad.statusCode());
        assertEquals("w must be a whole number from 1 to 16384, got '0'", error(bad));
    }

    @Test
    void authentication_missingOrUnknownKey_is401() throws Exception {
        HttpResponse<String> none = post("/api/upload/presign", null, "{\"content_type\": \"image/png\"}");
        assertEquals(401, none.statusCode());
        assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals("an API key is required: Authorization: Bearer <key>", error(none));
        assertEquals("serve.refused", code(none));
        HttpResponse<String> wrong =
                post("/api/upload/presign", "not-a-key-0123456789", "{\"content_type\": \"image/png\"}");
        assertEquals(401, wrong.statusCode());
        assertEquals("the API key is not valid", error(wrong));
        assertEquals("serve.refused", code(wrong));
    }

    @Test
    void rateLimit_perKey_is429WithRetryAfter() throws Exception {
        Queue<String> ownLog = new ConcurrentLinkedQueue<>();
        try (ServeService limited = start(settings(2), ownLog)) {
            for (int i = 0; i < 2; i++) {
                assertEquals(
                        200,
                        ServeFixture.send(
                                        http,
                                        limited.uri(),
                                        "POST",
                                        "/api/upload/presign",
                                        ServeFixture.ALICE_KEY,
                                        "{\"content_type\": \"image/png\"}")
                                .statusCode());
            }
            HttpResponse<String> third = ServeFixture.send(
                    http,
                    limited.uri(),
                    "POST",
                    "/api/upload/presign",
                    ServeFixture.ALICE_KEY,
                    "{\"content_type\": \"image/png\"}");
            assertEquals(429, third.statusCode());
            assertEquals("rate limit of API key 'alice' reached", error(third));
            assertEquals("serve.refused", code(third));
            long retryAfter =
                    Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 30, "Retry-After " + retryAfter);
            assertEquals(
                    200,
                    ServeFixture.send(
                                    http,
                                    limited.uri(),
                                    "POST",
                                    "/api/upload/presign",
                                    ServeFixture.BOB_KEY,
                                    "{\"content_type\": \"image/png\"}")
                            .statusCode());
        }
    }

    @Test
    void cors_configuredOriginOnly() throws Exception {
        HttpResponse<String> allowed = preflight("https://app.example.test");
        assertEquals(
                "https://app.example.test",
                allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(allowed.headers()
                .firstValue("Access-Control-Allow-Headers")
                .orElse("")
                .toLowerCase()
                .contains("authorization"));
        HttpResponse<String> other = preflight("https://evil.example.test");
        assertEquals(Optional.empty(), other.headers().firstValue("Access-Control-Allow-Origin"));
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        return http.send(
                HttpRequest.newBuilder(service.uri().resolve("/api/upload/presign"))
                        .header("Origin", origin)
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "authorization,content-type")
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void accessLog_namesPrincipalAndStatus_withoutSecretsTokensOrSignatures() throws Exception {
        JsonNode c =
                ok(post("/sts/upload/init", ServeFixture.ALICE_KEY, "{\"file_name\": \"log.txt\", \"file_size\": 1}"));
        JsonNode signed = ok(post("/api/upload/presign", ServeFixture.ALICE_KEY, "{\"content_type\": \"text/plain\"}"));
        post("/api/upload/presign", "wrong-key-0123456789", "{}");
        String all = String.join("\n", log);
        String signature = URI.create(signed.get("upload_url").asText()).getQuery();
        for (String secret : List.of(
                c.get("AccessKeySecret").asText(),
                c.get("SecurityToken").asText(),
                identity.accessKeySecret(),
                ServeFixture.ALICE_KEY,
                "wrong-key-0123456789",
                "x-oss-signature",
                "Signature=",
                signature)) {
            assertFalse(all.contains(secret), "the access log holds " + secret);
        }
        JsonNode line = log.stream()
                .map(l -> {
                    try {
                        return JSON.readTree(l);
                    } catch (Exception e) {
                        throw new AssertionError(l, e);
                    }
                })
                .filter(l -> l.get("path").asText().equals("/sts/upload/init"))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertEquals("POST", line.get("method").asText());
        assertEquals(200, line.get("status").asInt());
        assertEquals("alice", line.get("principal").asText());
    }
}
