package dev.ossops.upload.dashscope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.cloud.credentials.Secrets;
import dev.ossops.upload.Masking;
import dev.ossops.upload.UploadException;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two HTTP calls of DashScope temporary storage: getPolicy (bearer API key, 429 retried with
 * backoff) and the PostObject form to {@code upload_host}, the file streamed from disk. Messages
 * never carry the API key, the policy or its signature.
 */
public final class DashscopeClient {
    /** Where DashScope is unless {@code --dashscope-endpoint} says otherwise. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://dashscope.aliyuncs.com");

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

    private final HttpClient http;
    private final URI endpoint;
    private final String apiKey;
    private final Backoff backoff;
    private final Backoff.Sleeper sleeper;
    private final Consumer<String> notices;

    /**
     * @param notices where retry notices go (stderr in the CLI)
     */
    public DashscopeClient(
            HttpClient http,
            URI endpoint,
            String apiKey,
            Backoff backoff,
            Backoff.Sleeper sleeper,
            Consumer<String> notices) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new UploadException(
                    "no DashScope API key: set " + ApiKeys.VARIABLE + " (in the environment or --env-file)");
        }
        this.http = http;
        this.endpoint = endpoint;
        this.apiKey = apiKey.trim();
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.notices = notices;
    }

    /** getPolicy for {@code model}; a 429 is retried as {@link Backoff} says, any other error is final. */
    public UploadGrant grant(String model) {
        URI uri = URI.create(endpoint.toString().replaceFirst("/+$", "") + "/api/v1/uploads?action=getPolicy&model="
                + URLEncoder.encode(model, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .GET()
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response =
                    send(request, HttpResponse.BodyHandlers.ofString(), "getPolicy for model " + model);
            if (response.statusCode() == 200) {
                return UploadGrant.of(parse(response.body(), model).get("data"));
            }
            String reason = response.statusCode() + " " + errorOf(response.body());
            if (response.statusCode() != 429) {
                throw new UploadException("DashScope getPolicy for model " + model + " with key " + ApiKeys.mask(apiKey)
                        + " failed: " + reason);
            }
            if (attempt >= backoff.attempts()) {
                throw new UploadException(
                        "DashScope getPolicy for model " + model + " was throttled " + attempt + " times: " + reason);
            }
            Duration delay = backoff.delayAfter(attempt);
            notices.accept("DashScope getPolicy for model " + model + " throttled (" + reason + "), retrying in "
                    + delay.toMillis() + " ms");
            pause(delay);
        }
    }

    /**
     * Posts {@code file} as {@code key} with the grant's form fields. The body is the form's
     * fields, then the file streamed from disk, then the closing boundary: never whole in memory.
     */
    public void post(UploadGrant grant, String key, Path file, String filename) {
        String boundary = "ossops-" + UUID.randomUUID();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("OSSAccessKeyId", grant.ossAccessKeyId());
        fields.put("Signature", grant.signature());
        fields.put("policy", grant.policy());
        fields.put("key", key);
        fields.put("x-oss-object-acl", grant.objectAcl());
        fields.put("x-oss-forbid-overwrite", grant.forbidOverwrite());
        fields.put("success_action_status", "200");
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        // OSS takes every field before the file and ignores what follows it, so the file goes last.
        head.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"")
                .append(quoted(filename))
                .append("\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n");
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofString(head.toString(), StandardCharsets.UTF_8),
                    HttpRequest.BodyPublishers.ofFile(file),
                    HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        } catch (FileNotFoundException e) {
            throw new UploadException("cannot read " + file + ": " + e.getMessage(), e);
        }
        URI host = URI.create(grant.uploadHost());
        HttpRequest request = HttpRequest.newBuilder(host)
                .POST(body)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .build();
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(), "PostObject of " + file);
        if (response.statusCode() != 200 && response.statusCode() != 204) {
            throw new UploadException(Masking.failure(
                    "PostObject of " + file + " to",
                    grant.uploadHost(),
                    response.statusCode() + " " + ossError(response.body())));
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String what) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UploadException(
                    "DashScope " + what + " failed: " + Secrets.redact(String.valueOf(e.getMessage())), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UploadException("DashScope " + what + " was interrupted", e);
        }
    }

    private void pause(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UploadException("interrupted while waiting to retry DashScope getPolicy", e);
        }
    }

    private JsonNode parse(String body, String model) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UploadException(
                    "DashScope getPolicy for model " + model + " answered something that is not JSON", e);
        }
    }

    /** {@code code: message} of DashScope's JSON error, with the API key blanked should a server echo it. */
    private String errorOf(String body) {
        JsonNode error;
        try {
            error = JSON.readTree(body);
        } catch (IOException e) {
            return "(no JSON error body)";
        }
        String text =
                error.path("code").asText("") + ": " + error.path("message").asText("");
        return Secrets.redact(text.replace(apiKey, ApiKeys.mask(apiKey)));
    }

    /** {@code Code: Message} of OSS's XML error. */
    private static String ossError(String body) {
        Matcher code = XML_CODE.matcher(body);
        Matcher message = XML_MESSAGE.matcher(body);
        return (code.find() ? code.group(1) : "(no error code)") + ": " + (message.find() ? message.group(1) : "");
    }

    /** A file name inside a quoted Content-Disposition parameter: quotes and line breaks would end it early. */
    private static String quoted(String filename) {
        return filename.replace("\\", "\\\\")
                .replace("\"", "\\\"")
                .replace("\r", "")
                .replace("\n", "");
    }
}
