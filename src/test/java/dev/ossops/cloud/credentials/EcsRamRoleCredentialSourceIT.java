package dev.ossops.cloud.credentials;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Against a stand-in for the ECS metadata service on 127.0.0.1. */
class EcsRamRoleCredentialSourceIT {

    private HttpServer server;
    private final List<String> seenTokens = new CopyOnWriteArrayList<>();
    private volatile boolean hardened = true;
    private volatile String code = "Success";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/latest/api/token", ex -> {
            int status = hardened && "PUT".equals(ex.getRequestMethod()) ? 200 : 404;
            byte[] body = status == 200 ? "md-token".getBytes(StandardCharsets.UTF_8) : new byte[0];
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/latest/meta-data/ram/security-credentials/", ex -> {
            String token = ex.getRequestHeaders().getFirst("X-aliyun-ecs-metadata-token");
            seenTokens.add(token == null ? "-" : token);
            String path = ex.getRequestURI().getPath();
            String body = path.endsWith("/security-credentials/")
                    ? "app-role\n"
                    : "{\"AccessKeyId\":\"STS.ecs000000001\",\"AccessKeySecret\":\"e-secret\",\"SecurityToken\":\"e-token\","
                            + "\"Expiration\":\"2026-11-21T12:00:00Z\",\"LastUpdated\":\"2026-11-21T06:00:00Z\",\"Code\":\""
                            + code + "\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(path.endsWith("/missing-role") ? 404 : 200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void resolve_discoversRoleAndUsesHardenedToken() {
        Credentials c = new EcsRamRoleCredentialSource(base(), null).resolve();
        assertEquals("STS.ecs000000001", c.accessKeyId());
        assertEquals("e-token", c.securityToken().orElseThrow());
        assertEquals(Instant.parse("2026-11-21T12:00:00Z"), c.expiration().orElseThrow());
        assertEquals(List.of("md-token", "md-token"), seenTokens);
    }

    @Test
    void resolve_withoutHardenedMode_sendsNoToken() {
        hardened = false;
        new EcsRamRoleCredentialSource(base(), "app-role").resolve();
        assertEquals(List.of("-"), seenTokens);
    }

    @Test
    void resolve_failureCode_isReported() {
        code = "Failure";
        CredentialsException e = assertThrows(
                CredentialsException.class, () -> new EcsRamRoleCredentialSource(base(), "app-role").resolve());
        assertEquals("the ECS metadata service refused credentials for role 'app-role': Failure", e.getMessage());
    }

    @Test
    void resolve_unknownRole_reportsTheStatus() {
        CredentialsException e = assertThrows(
                CredentialsException.class, () -> new EcsRamRoleCredentialSource(base(), "missing-role").resolve());
        assertEquals(
                "the ECS metadata service answered HTTP 404 for /latest/meta-data/ram/security-credentials/missing-role",
                e.getMessage());
    }
}
