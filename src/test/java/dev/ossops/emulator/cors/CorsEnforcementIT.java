package dev.ossops.emulator.cors;

import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.ResponseMessage;
import com.aliyun.oss.model.OptionsRequest;
import com.aliyun.oss.model.SetBucketCORSRequest;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OPTIONS preflight and actual cross-origin requests answered from the bucket's stored CORS rules. */
@ExtendWith(EmulatorExtension.class)
class CorsEnforcementIT {
    private static final String FORBIDDEN =
            "CORSResponse: This CORS request is not allowed. This is usually because the "
                    + "evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are "
                    + "not whitelisted by the resource's CORS spec.";
    private final HttpClient http = HttpClient.newHttpClient();

    private String bucketWithRules(EmulatorClients clients, String hint) {
        String bucket = clients.bucketName(hint);
        OSS oss = clients.v4();
        oss.createBucket(bucket);
        SetBucketCORSRequest request = new SetBucketCORSRequest(bucket);
        SetBucketCORSRequest.CORSRule rule = new SetBucketCORSRequest.CORSRule();
        rule.setAllowedOrigins(List.of("https://*.example.com"));
        rule.setAllowedMethods(List.of("GET", "PUT"));
        rule.setAllowedHeaders(List.of("x-oss-*", "content-type"));
        rule.setExposeHeaders(List.of("ETag", "x-oss-request-id"));
        rule.setMaxAgeSeconds(600);
        request.addCorsRule(rule);
        oss.setBucketCORS(request);
        return bucket;
    }

    private HttpResponse<String> options(URI endpoint, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(endpoint.resolve(path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    // The SDK deprecates optionsObject without a replacement; it is still the official client's only preflight call.
    @SuppressWarnings("deprecation")
    @Test
    void optionsObject_sdkSignedPreflight_isAnsweredFromTheRulesNotTheSignature(EmulatorClients clients) {
        String bucket = bucketWithRules(clients, "cors-sdk");
        OSS oss = clients.v1();
        // The SDK signs "/bucket/" for this request although it addresses the object; OSS answers
        // preflights from the CORS rules ("Options" reference), so the signature does not matter.
        OptionsRequest allowed = new OptionsRequest(bucket, "dir/photo.jpg");
        allowed.setOrigin("https://app.example.com");
        allowed.setRequestMethod(HttpMethod.PUT);
        allowed.setRequestHeaders("x-oss-meta-a");
        ResponseMessage ok = oss.optionsObject(allowed);
        assertEquals(200, ok.getStatusCode());
        assertEquals("https://app.example.com", ok.getHeaders().get("Access-Control-Allow-Origin"));

        OptionsRequest refused = new OptionsRequest(bucket, "dir/photo.jpg");
        refused.setOrigin("http://www.example.org");
        refused.setRequestMethod(HttpMethod.PUT);
        refused.setRequestHeaders("x-oss-test");
        OSSException e = assertThrows(OSSException.class, () -> oss.optionsObject(refused));
        assertEquals("AccessForbidden", e.getErrorCode());
        assertEquals(FORBIDDEN, e.getErrorMessage());
    }

    @Test
    void preflight_matchingRule_answersAllowHeaders(EmulatorClients clients) throws Exception {
        String bucket = bucketWithRules(clients, "cors-ok");
        HttpResponse<String> response = options(
                clients.endpoint(),
                "/" + bucket + "/dir/photo.jpg",
                Map.of(
                        "Origin",
                        "https://app.example.com",
                        "Access-Control-Request-Method",
                        "PUT",
                        "Access-Control-Request-Headers",
                        "x-oss-meta-a, Content-Type"));
        assertEquals(200, response.statusCode());
        assertEquals(
                "https://app.example.com",
                response.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals(
                "PUT",
                response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow());
        assertEquals(
                "x-oss-meta-a, Content-Type",
                response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow());
        assertEquals(
                "ETag, x-oss-request-id",
                response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow());
        assertEquals(
                "600", response.headers().firstValue("Access-Control-Max-Age").orElseThrow());
        assertTrue(response.headers().firstValue("x-oss-request-id").isPresent());
    }

    @Test
    void preflight_virtualHostStyle_answersFromBucketRules(EmulatorClients clients) throws Exception {
        String bucket = bucketWithRules(clients, "cors-vh");
        // java.net.http will not send a custom Host, so this request is written by hand.
        try (Socket socket =
                new Socket(clients.endpoint().getHost(), clients.endpoint().getPort())) {
            String request = "OPTIONS /k HTTP/1.1\r\nHost: " + bucket + ".localhost:"
                    + clients.endpoint().getPort()
                    + "\r\nOrigin: https://www.example.com\r\nAccess-Control-Request-Method: GET\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer);
            assertTrue(answer.contains("\r\nAccess-Control-Allow-Origin: https://www.example.com\r\n"), answer);
            assertTrue(answer.contains("\r\nAccess-Control-Allow-Methods: GET\r\n"), answer);
        }
    }

    @Test
    void preflight_methodNotAllowed_isAccessForbidden(EmulatorClients clients) throws Exception {
        String bucket = bucketWithRules(clients, "cors-method");
        HttpResponse<String> response = options(
                clients.endpoint(),
                "/" + bucket + "/k",
                Map.of("Origin", "https://app.example.com", "Access-Control-Request-Method", "DELETE"));
        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("<Code>AccessForbidden</Code>"), response.body());
        assertTrue(response.body().contains("<Message>" + FORBIDDEN + "</Message>"), response.body());
        assertFalse(response.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    @Test
    void preflight_headerNotAllowed_isAccessForbidden(EmulatorClients clients) throws Exception {
        String bucket = bucketWithRules(clients, "cors-header");
        HttpResponse<String> response = options(
                clients.endpoint(),
                "/" + bucket + "/k",
                Map.of(
                        "Origin",
                        "https://app.example.com",
                        "Access-Control-Request-Method",
                        "PUT",
                        "Access-Control-Request-Headers",
                        "authorization"));
        assertEquals(403, response.statusCode());
    }

    @Test
    void preflight_originNotAllowed_isAccessForbidden(EmulatorClients clients) throws Exception {
        String bucket = bucketWithRules(clients, "cors-origin");
        HttpResponse<String> response = options(
                clients.endpoint(),
                "/" + bucket + "/k",
                Map.of("Origin", "https://evil.test", "Access-Control-Request-Method", "GET"));
        assertEquals(403, response.statusCode());
    }

    @Test
    void preflight_noCorsConfiguration_isAccessForbidden(EmulatorClients clients) throws Exception {
        String bucket = clients.bucketName("cors-none");
        clients.v4().createBucket(bucket);
        HttpResponse<String> response = options(
                clients.endpoint(),
                "/" + bucket + "/k",
                Map.of("Origin", "https://app.example.com", "Access-Control-Request-Method", "GET"));
        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("<Code>AccessForbidden</Code>"), response.body());
    }

    @Test
    void preflight_missingBucket_isNoSuchBucket(EmulatorClients clients) throws Exception {
        HttpResponse<String> response = options(
                clients.endpoint(),
                "/" + clients.bucketName("cors-missing") + "/k",
                Map.of("Origin", "https://app.example.com", "Access-Control-Request-Method", "GET"));
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("<Code>NoSuchBucket</Code>"), response.body());
    }

    @Test
    void actualRequest_matchingOrigin_carriesCorsHeadersOnSuccessAndError(EmulatorClients clients) throws Exception {
        String bucket = bucketWithRules(clients, "cors-actual");
        clients.v4().setBucketAcl(bucket, com.aliyun.oss.model.CannedAccessControlList.PublicRead);
        clients.v4().putObject(bucket, "public.txt", new ByteArrayInputStream("hi".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> ok = http.send(
                HttpRequest.newBuilder(clients.endpoint().resolve("/" + bucket + "/public.txt"))
                        .header("Origin", "https://app.example.com")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode());
        assertEquals("hi", ok.body());
        assertEquals(
                "https://app.example.com",
                ok.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals(
                "GET", ok.headers().firstValue("Access-Control-Allow-Methods").orElseThrow());
        assertEquals(
                "ETag, x-oss-request-id",
                ok.headers().firstValue("Access-Control-Expose-Headers").orElseThrow());

        HttpResponse<String> missing = http.send(
                HttpRequest.newBuilder(clients.endpoint().resolve("/" + bucket + "/absent.txt"))
                        .header("Origin", "https://app.example.com")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        assertEquals(
                "https://app.example.com",
                missing.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
    }

    @Test
    void actualRequest_unmatchedOrigin_isServedWithoutCorsHeaders(EmulatorClients clients) throws Exception {
        String bucket = bucketWithRules(clients, "cors-unmatched");
        clients.v4().setBucketAcl(bucket, com.aliyun.oss.model.CannedAccessControlList.PublicRead);
        clients.v4().putObject(bucket, "public.txt", new ByteArrayInputStream("hi".getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(clients.endpoint().resolve("/" + bucket + "/public.txt"))
                        .header("Origin", "https://evil.test")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertFalse(response.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }
}
