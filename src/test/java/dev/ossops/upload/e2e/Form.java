package dev.ossops.upload.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A browser-style multipart/form-data POST: the fields in order, then the file, sent with java.net.http. */
final class Form {
    private static final String BOUNDARY = "----ossopsE2eBoundaryq9W1sZ";
    private final Map<String, String> fields = new LinkedHashMap<>();

    Form field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    HttpResponse<String> post(URI url, String filename, byte[] content) throws IOException, InterruptedException {
        return post(url, filename, "application/octet-stream", content);
    }

    /** Posts with {@code fileType} on the file part, as a browser labels a file it picked. */
    HttpResponse<String> post(URI url, String filename, String fileType, byte[] content)
            throws IOException, InterruptedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> text(
                body,
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                        + "\r\n"));
        text(
                body,
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: " + fileType + "\r\n\r\n");
        body.writeBytes(content);
        text(body, "\r\n--" + BOUNDARY + "--\r\n");
        HttpRequest request = HttpRequest.newBuilder(url)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void text(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
