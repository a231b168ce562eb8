package dev.ossops.emulator.post;

import com.aliyun.oss.model.CannedAccessControlList;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostObject form fields become response headers of the stored object (Content-Disposition,
 * x-oss-meta-*) or of the answer (success_action_redirect): a CR or LF in any of them is refused
 * before anything is stored, as OSS refuses control characters in these fields (troubleshooting
 * pages 0011-00000005, -08, -09, -10).
 */
@ExtendWith(EmulatorExtension.class)
class PostObjectInjectionIT {
    private static final String INJECTED = "x\r\nSet-Cookie: session=attacker";
    private final HttpClient http = HttpClient.newHttpClient();

    private static String openBucket(EmulatorClients clients, String hint) {
        String bucket = clients.bucketName(hint);
        clients.v4().createBucket(bucket);
        clients.v4().setBucketAcl(bucket, CannedAccessControlList.PublicReadWrite);
        return bucket;
    }

    /** An anonymous form (the bucket is public-read-write) with one extra field. */
    private HttpResponse<String> post(EmulatorClients clients, String bucket, String field, String value)
            throws IOException, InterruptedException {
        FormBody form = new FormBody().field("key", "uploads/page.html").field(field, value);
        byte[] body = form.withFile("page.html", "text/html", "<h1>hi</h1>".getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(clients.endpoint().resolve("/" + bucket))
                        .header("Content-Type", form.contentType())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String element(String xml, String name) {
        int start = xml.indexOf("<" + name + ">");
        int end = xml.indexOf("</" + name + ">");
        return start < 0 || end < 0 ? null : xml.substring(start + name.length() + 2, end);
    }

    private void assertRefused(EmulatorClients clients, String field, String message, String ec, String argumentName)
            throws IOException, InterruptedException {
        String bucket = openBucket(clients, "inject");
        HttpResponse<String> response = post(clients, bucket, field, INJECTED);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("InvalidArgument", element(response.body(), "Code"));
        assertEquals(message, element(response.body(), "Message"));
        assertEquals(ec, element(response.body(), "EC"));
        assertEquals(argumentName, element(response.body(), "ArgumentName"));
        assertTrue(response.headers().allValues("Set-Cookie").isEmpty());
        assertFalse(clients.v4().doesObjectExist(bucket, "uploads/page.html"), "nothing is stored");
    }

    @Test
    void postObject_userMetadataWithCrlf_isRefused(EmulatorClients clients) throws Exception {
        assertRefused(
                clients,
                "x-oss-meta-note",
                "User metadata contains characters a header cannot carry.",
                "0011-00000005",
                "x-oss-meta-note");
    }

    @Test
    void postObject_contentDispositionWithCrlf_isRefused(EmulatorClients clients) throws Exception {
        assertRefused(
                clients,
                "Content-Disposition",
                "The value contains characters a header cannot carry.",
                "0099-00000400",
                "Content-Disposition");
    }

    @Test
    void postObject_cacheControlWithCrlf_isRefused(EmulatorClients clients) throws Exception {
        assertRefused(
                clients,
                "Cache-Control",
                "Cache-Control contains characters a header cannot carry.",
                "0011-00000009",
                "Cache-Control");
    }

    @Test
    void postObject_contentEncodingWithCrlf_isRefused(EmulatorClients clients) throws Exception {
        assertRefused(
                clients,
                "Content-Encoding",
                "Content-Encoding contains characters a header cannot carry.",
                "0011-00000008",
                "Content-Encoding");
    }

    @Test
    void postObject_expiresWithCrlf_isRefused(EmulatorClients clients) throws Exception {
        assertRefused(
                clients, "Expires", "Expires contains characters a header cannot carry.", "0011-00000010", "Expires");
    }

    @Test
    void postObject_redirectWithCrlf_isRefused(EmulatorClients clients) throws Exception {
        assertRefused(
                clients,
                "success_action_redirect",
                "The value contains characters a header cannot carry.",
                "0099-00000400",
                "success_action_redirect");
    }

    @Test
    void postObject_plainRedirect_isStillA303(EmulatorClients clients) throws Exception {
        String bucket = openBucket(clients, "redirect");
        HttpResponse<String> response = post(clients, bucket, "success_action_redirect", "http://127.0.0.1/done");
        assertEquals(303, response.statusCode());
        assertTrue(response.headers()
                .firstValue("Location")
                .orElseThrow()
                .startsWith("http://127.0.0.1/done?bucket=" + bucket + "&key=uploads%2Fpage.html&etag="));
    }
}
