package dev.ossops.cloud.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Temporary credentials of the RAM role attached to the ECS instance, from the instance
 * metadata service. Uses the hardened mode's session token when the service offers one, and
 * discovers the role name when none is configured.
 */
public final class EcsRamRoleCredentialSource implements CredentialSource {
    /** The metadata service every ECS instance reaches; tests pass a loopback address instead. */
    public static final URI METADATA_SERVICE = URI.create("http://100.100.100.200");

    private static final String CREDENTIALS_PATH = "/latest/meta-data/ram/security-credentials/";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI metadataService;
    private final @Nullable String roleName;
    private final HttpClient http;

    public EcsRamRoleCredentialSource(URI metadataService, @Nullable String roleName) {
        this.metadataService = metadataService;
        this.roleName = roleName == null || roleName.isBlank() ? null : roleName;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @Override
    public Credentials resolve() {
        String token = sessionToken();
        String role = roleName != null
                ? roleName
                : get(CREDENTIALS_PATH, token).lines().findFirst().orElse("").trim();
        if (role.isEmpty()) {
            throw new CredentialsException(
                    "no RAM role is attached to this ECS instance: attach one or use credentials source env");
        }
        JsonNode body = parse(get(CREDENTIALS_PATH + role, token), role);
        if (!"Success".equals(body.path("Code").asText())) {
            throw new CredentialsException("the ECS metadata service refused credentials for role '" + role + "': "
                    + body.path("Code").asText("no Code"));
        }
        try {
            return Credentials.temporary(
                    body.path("AccessKeyId").asText(),
                    body.path("AccessKeySecret").asText(),
                    body.path("SecurityToken").asText(),
                    Instant.parse(body.path("Expiration").asText()));
        } catch (DateTimeParseException e) {
            throw new CredentialsException(
                    "the ECS metadata service answered an unreadable Expiration for role '" + role + "'", e);
        }
    }

    /** Hardened mode: a metadata token, or null when the service does not issue them. */
    private @Nullable String sessionToken() {
        HttpRequest request = HttpRequest.newBuilder(metadataService.resolve("/latest/api/token"))
                .timeout(TIMEOUT)
                .header("X-aliyun-ecs-metadata-token-ttl-seconds", "21600")
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = send(request);
        return response.statusCode() == 200 ? response.body().trim() : null;
    }

    private String get(String path, @Nullable String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(metadataService.resolve(path))
                .timeout(TIMEOUT)
                .GET();
        if (token != null) {
            builder.header("X-aliyun-ecs-metadata-token", token);
        }
        HttpResponse<String> response = send(builder.build());
        if (response.statusCode() != 200) {
            throw new CredentialsException(
                    "the ECS metadata service answered HTTP " + response.statusCode() + " for " + path);
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CredentialsException(
                    "cannot reach the ECS metadata service at " + metadataService + " (is this an ECS instance?): "
                            + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialsException("interrupted while asking the ECS metadata service for credentials", e);
        }
    }

    private static JsonNode parse(String text, String role) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new CredentialsException(
                    "the ECS metadata service answered non-JSON credentials for role '" + role + "'", e);
        }
    }

    @Override
    public String describe() {
        return "ECS RAM role " + (roleName == null ? "(attached to the instance)" : "'" + roleName + "'");
    }
}
