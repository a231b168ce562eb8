package dev.ossops.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.cloud.credentials.RefreshingCredentialSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile requests to {@code ossops serve} at the HTTP level: oversized, truncated, deeply nested or mistyped bodies,
 * control characters, oversized headers, wrong methods and paths. Every one is refused with a JSON error before any
 * URL is signed; the OSS endpoint is a closed port, so nothing here may need it.
 */
class ServeHttpLimitsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Queue<String> log = new ConcurrentLinkedQueue<>();
    private static ServeService service;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        Credentials fixed = Credentials.of("LTAI5tServeLimitsTest", "limits-test-secret-not-used-for-traffic");
        RefreshingCredentialSource credentials = new RefreshingCredentialSource(
                new dev.ossops.cloud.credentials.CredentialSource() {
                    @Override
                    public Credentials resolve() {
                        return fixed;
                    }

                    @Override
                    public String describe() {
                        return "a fixed test key";
                    }
                },
                Duration.ofMinutes(5),
                Clock.systemUTC());
        ServeSettings settings = new ServeSettings(
                "limits",
                "cn-hangzhou",
                List.of("image/png"),
                OptionalLong.of(1024),
                "uploads",
                Duration.ofMinutes(10),
                Duration.ofHours(1),
                Optional.empty(),
                Optional.empty(),
                900,
                List.of(),
                1000);
        ApiKeys keys = ApiKeys.load(
                Map.of("alice", "ALICE_KEY"), Optional.empty(), Map.of("ALICE_KEY", ServeFixture.ALICE_KEY));
        service = ServeService.start(
                settings,
                keys,
                CloudTarget.single(URI.create("http://127.0.0.1:9"), "cn-hangzhou", credentials),
                credentials,
                new InetSocketAddress("127.0.0.1", 0),
                log::add,
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private HttpResponse<String> presign(String json) {
        return ServeFixture.send(http, service.uri(), "POST", "/api/upload/presign", ServeFixture.ALICE_KEY, json);
    }

    private static String error(String body) throws Exception {
        return JSON.readTree(body).get("error").asText();
    }

    private static void assertRefused(int status, String message, HttpResponse<String> response) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(message, error(response.body()));
        assertEquals("serve.refused", JSON.readTree(response.body()).get("code").asText());
        assertFalse(response.body().contains("upload_url"));
    }

    @Test
    void presign_oversizedBody_is413() throws Exception {
        String big = "{\"content_type\": \"image/png\", \"filename\": \"" + "a".repeat(JsonBody.MAX_BYTES) + "\"}";
        assertRefused(413, "request body is " + big.length() + " bytes; at most 16384 are accepted", presign(big));
    }

    @Test
    void presign_truncatedJson_is400WithWhereItBroke() throws Exception {
        assertRefused(
                400, "request body is not valid JSON (line 1, column 29)", presign("{\"content_type\": \"image/png\""));
    }

    @Test
    void presign_deepNesting_is400() throws Exception {
        assertRefused(
                400,
                "request body nests deeper than 4 levels or holds an oversized value",
                presign("{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}"));
    }

    @Test
    void presign_wrongShapes_are400() throws Exception {
        assertRefused(400, "request body must be a JSON object", presign("[\"image/png\"]"));
        assertRefused(400, "content_type must be a string", presign("{\"content_type\": 5}"));
        assertRefused(400, "content_type is required", presign("{}"));
        assertRefused(
                400,
                "content_type must be type/subtype in lower case, e.g. image/png",
                presign("{\"content_type\": \"image/png; charset=utf-8\"}"));
        assertRefused(
                400,
                "size must be a whole number of bytes, 0 or more",
                presign("{\"content_type\": \"image/png\", \"size\": -1}"));
        assertRefused(
                400,
                "request body names a field twice",
                presign("{\"content_type\": \"image/png\", \"content_type\": \"image/png\"}"));
    }

    @Test
    void presign_controlCharactersInAName_are400() throws Exception {
        assertRefused(
                400,
                "filename must not contain control characters",
                presign("{\"content_type\": \"image/png\", \"filename\": \"a\\r\\nSet-Cookie: x=1.png\"}"));
    }

    @Test
    void presign_bodyNotDeclaredJson_is415() throws Exception {
        String reply =
                raw("POST /api/upload/presign HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ServeFixture.ALICE_KEY
                        + "\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertTrue(reply.startsWith("HTTP/1.1 415 "), reply);
        assertTrue(
                reply.endsWith(
                        "{\"error\":\"request body must be sent as Content-Type: application/json\",\"code\":\"serve.refused\"}\n"),
                reply);
    }

    @Test
    void presign_bodyTrickledSlowerThanTheFloor_isRefusedBeforeItEnds() throws Exception {
        int declared = 8_000;
        try (Socket socket = new Socket(service.uri().getHost(), service.uri().getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/upload/presign HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + ServeFixture.ALICE_KEY
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + declared
                            + "\r\nConnection: close\r\n\r\n{")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            int sent = 1;
            InputStream in = socket.getInputStream();
            // 10 bytes a second, far below the floor of 1 KiB/s; the whole body would take over 13 minutes.
            while (sent < declared && in.available() == 0) {
                Thread.sleep(100);
                try {
                    out.write(' ');
                    out.flush();
                } catch (java.io.IOException closed) {
                    break;
                }
                sent++;
            }
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            in.transferTo(reply);
            String answer = reply.toString(StandardCharsets.ISO_8859_1);
            assertTrue(sent < declared, "the whole body was accepted at 10 bytes a second");
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(
                    answer.endsWith(
                            "{\"error\":\"request body could not be read: it was cut short or arrived too slowly\","
                                    + "\"code\":\"serve.refused\"}\n"),
                    answer);
        }
    }

    @Test
    void refusalsMadeBeforeTheBodyIsRead_reachTheClient() throws Exception {
        // Refused before its body was read, a request left the body unread, the connection was closed under the
        // client, and about one answer in twenty was lost ("header parser received no bytes"); now the body is
        // drained first. One client, so each refusal also meets the connection the one before it left.
        String big = "{\"content_type\": \"image/png\", \"filename\": \"" + "a".repeat(JsonBody.MAX_BYTES) + "\"}";
        String small = "{\"content_type\": \"image/png\"}";
        for (int i = 0; i < 200; i++) {
            assertRefused(413, "request body is " + big.length() + " bytes; at most 16384 are accepted", presign(big));
            assertRefused(
                    401,
                    "an API key is required: Authorization: Bearer <key>",
                    ServeFixture.send(http, service.uri(), "POST", "/api/upload/presign", null, small));
        }
    }

    @Test
    void request_oversizedHeaders_is431AsJson() throws Exception {
        String reply = raw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Filler: " + "a".repeat(ServeServer.MAX_HEADER_BYTES)
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(reply.startsWith("HTTP/1.1 431 "), reply);
        assertTrue(reply.contains("\"error\":"), reply);
        assertTrue(reply.contains("\"code\":\"serve.refused\""), reply);
    }

    @Test
    void routes_unknownPathAndWrongMethod_are404And405() throws Exception {
        HttpResponse<String> missing =
                ServeFixture.send(http, service.uri(), "GET", "/api/upload/nothing", ServeFixture.ALICE_KEY, null);
        assertRefused(404, "no such endpoint: /api/upload/nothing", missing);
        HttpResponse<String> get =
                ServeFixture.send(http, service.uri(), "GET", "/api/upload/presign", ServeFixture.ALICE_KEY, null);
        assertRefused(405, "GET is not allowed here; use POST", get);
    }

    @Test
    void healthz_answersWithoutAKey() throws Exception {
        HttpResponse<String> r = ServeFixture.send(http, service.uri(), "GET", "/healthz", null, null);
        assertEquals(200, r.statusCode());
        assertEquals("{\"status\":\"ok\"}\n", r.body());
    }

    @Test
    void page_isServedWithAContentSecurityPolicy() throws Exception {
        HttpResponse<String> r = ServeFixture.send(http, service.uri(), "GET", "/", null, null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<script src=\"/app.js\" defer></script>"), r.body());
        assertEquals(
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: http://127.0.0.1:9; "
                        + "connect-src 'self' http://127.0.0.1:9; form-action 'none'; base-uri 'none'; frame-ancestors 'none'",
                r.headers().firstValue("Content-Security-Policy").orElse(""));
    }

    @Test
    void stsEndpoints_withoutAnStsRole_are501() throws Exception {
        HttpResponse<String> r =
                ServeFixture.send(http, service.uri(), "POST", "/api/upload/sts-token", ServeFixture.ALICE_KEY, null);
        assertRefused(501, "STS uploads are not configured: the profile has no serve.sts.role", r);
    }

    /** A request written as bytes, for what java.net.http refuses to send; the whole answer as text. */
    private String raw(String request) throws Exception {
        try (Socket socket = new Socket(service.uri().getHost(), service.uri().getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            in.transferTo(reply);
            return reply.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
