package dev.ossops.emulator.post;

import com.aliyun.oss.model.CannedAccessControlList;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorExtension;
import dev.ossops.emulator.http.RawSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Forms that cannot be read as multipart/form-data, or that arrive cut short, are OSS's 400
 * MalformedPOSTRequest (its PostObject error list; troubleshooting page 0006-00000104 names a form
 * cut short by the network), never a 500.
 */
@ExtendWith(EmulatorExtension.class)
class PostObjectMalformedIT {
    private static final String MALFORMED = "The body of your POST request is not well-formed multipart/form-data.";
    private final HttpClient http = HttpClient.newHttpClient();

    private static String openBucket(EmulatorClients clients, String hint) {
        String bucket = clients.bucketName(hint);
        clients.v4().createBucket(bucket);
        clients.v4().setBucketAcl(bucket, CannedAccessControlList.PublicReadWrite);
        return bucket;
    }

    private static byte[] form() {
        return new FormBody()
                .field("key", "uploads/a.txt")
                .withFile("a.txt", "text/plain", "0123456789".repeat(20).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(EmulatorClients clients, String bucket, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(clients.endpoint().resolve("/" + bucket))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String element(String xml, String name) {
        int start = xml.indexOf("<" + name + ">");
        int end = xml.indexOf("</" + name + ">");
        return start < 0 || end < 0 ? null : xml.substring(start + name.length() + 2, end);
    }

    private static void assertMalformed(int status, String body) {
        assertEquals(400, status, body);
        assertEquals("MalformedPOSTRequest", element(body, "Code"));
        assertEquals(MALFORMED, element(body, "Message"));
        assertEquals("0006-00000104", element(body, "EC"));
    }

    @Test
    void postObject_bodyCutShortByTheClient_isMalformedPostRequest(EmulatorClients clients) throws IOException {
        String bucket = openBucket(clients, "cut");
        byte[] body = form();
        String head = "POST /" + bucket + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary="
                + FormBody.BOUNDARY + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        try (RawSocket client = new RawSocket(clients.endpoint().getPort())) {
            client.send(head).send(Arrays.copyOf(body, body.length - 150));
            client.shutdownOutput();
            String response = client.response();
            assertMalformed(Integer.parseInt(response.substring(9, 12)), response);
        }
        assertFalse(clients.v4().doesObjectExist(bucket, "uploads/a.txt"));
    }

    @Test
    void postObject_formWithoutItsClosingBoundary_isMalformedPostRequest(EmulatorClients clients) throws Exception {
        String bucket = openBucket(clients, "unclosed");
        byte[] body = form();
        HttpResponse<String> response = post(
                clients,
                bucket,
                "multipart/form-data; boundary=" + FormBody.BOUNDARY,
                Arrays.copyOf(body, body.length - 40));
        assertMalformed(response.statusCode(), response.body());
        assertFalse(clients.v4().doesObjectExist(bucket, "uploads/a.txt"));
    }

    @Test
    void postObject_missingOrEmptyBoundary_isMalformedPostRequest(EmulatorClients clients) throws Exception {
        String bucket = openBucket(clients, "boundary");
        for (String contentType : new String[] {
            "multipart/form-data",
            "multipart/form-data; boundary=",
            "multipart/form-data; boundary=\"\"",
            "multipart/form-data; boundary=" + "b".repeat(71)
        }) {
            HttpResponse<String> response = post(clients, bucket, contentType, form());
            assertMalformed(response.statusCode(), response.body());
        }
        assertFalse(clients.v4().doesObjectExist(bucket, "uploads/a.txt"));
    }

    @Test
    void postObject_quotedBoundary_isRead(EmulatorClients clients) throws Exception {
        String bucket = openBucket(clients, "quoted");
        HttpResponse<String> response =
                post(clients, bucket, "multipart/form-data; boundary=\"" + FormBody.BOUNDARY + "\"", form());
        assertEquals(204, response.statusCode(), response.body());
        assertTrue(clients.v4().doesObjectExist(bucket, "uploads/a.txt"));
    }
}
