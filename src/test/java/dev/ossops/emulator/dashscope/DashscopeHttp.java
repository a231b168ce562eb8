package dev.ossops.emulator.dashscope;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Raw HTTP against an emulator, as DashScope's own samples call it: getPolicy and a PostObject form. */
final class DashscopeHttp {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DashscopeHttp() {}

    static HttpResponse<String> getPolicy(URI endpoint, String authorization, String query)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + "/api/v1/uploads?" + query))
                .GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form with {@code fields} in order, then {@code file} as the file part. */
    static HttpResponse<String> postForm(String url, Map<String, String> fields, byte[] file)
            throws IOException, InterruptedException {
        String boundary = "test-boundary-1";
        StringBuilder head = new StringBuilder();
        fields.forEach((k, v) -> head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
        head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.bin\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[headBytes.length + file.length + tail.length];
        System.arraycopy(headBytes, 0, body, 0, headBytes.length);
        System.arraycopy(file, 0, body, headBytes.length, file.length);
        System.arraycopy(tail, 0, body, headBytes.length + file.length, tail.length);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
