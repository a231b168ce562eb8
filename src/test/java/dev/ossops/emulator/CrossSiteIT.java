package dev.ossops.emulator;

import com.aliyun.oss.common.comm.SignVersion;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.ram.model.v20150501.GetUserRequest;
import com.aliyuncs.ram.model.v20150501.ListUsersRequest;
import com.aliyuncs.ram.model.v20150501.ListUsersResponse;
import dev.ossops.emulator.fault.FaultPlan;
import dev.ossops.emulator.rpc.RpcSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A web page must not drive RAM, STS, CDN or the control endpoint: a cross-site form post needs
 * no CORS preflight, so the browser sends it and only the emulator can refuse it. The requests
 * below are signed with the root key itself, the worst case (a page that somehow knows it).
 */
@ExtendWith(EmulatorExtension.class)
class CrossSiteIT {
    private static final String REFUSED =
            "<Message>Requests from other web sites may not call the RAM, STS and CDN APIs or the control"
                    + " endpoint of this emulator; allow an origin with --allow-origin.</Message>";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * A RAM call as a url-encoded form post with every parameter in the body, as an HTML form on a
     * page posts it, POP-signed like the SDK signs it, with extra (browser) headers.
     */
    private static HttpResponse<String> ramFormPost(
            URI endpoint,
            String keyId,
            String secret,
            String action,
            Map<String, String> form,
            Map<String, String> browserHeaders) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Action", action);
        fields.put("Version", "2015-05-01");
        fields.put("Format", "JSON");
        fields.put("AccessKeyId", keyId);
        fields.put("SignatureMethod", "HMAC-SHA1");
        fields.put("SignatureVersion", "1.0");
        fields.put("SignatureNonce", UUID.randomUUID().toString());
        fields.put("Timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        fields.putAll(form);
        fields.put("Signature", RpcSignature.sign(RpcSignature.stringToSign("POST", fields), secret));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded(fields)));
        browserHeaders.forEach(request::header);
        return send(request.build());
    }

    private static String encoded(Map<String, String> parameters) {
        StringJoiner out = new StringJoiner("&");
        parameters.forEach((k, v) -> out.add(RpcSignature.percentEncode(k) + "=" + RpcSignature.percentEncode(v)));
        return out.toString();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Map<String, String> userName(String name) {
        return Map.of("UserName", name);
    }

    private static IAcsClient ram(EmulatorClients clients) {
        return new DefaultAcsClient(DefaultProfile.getProfile(clients.region(), clients.keyId(), clients.secret()));
    }

    private static List<String> users(EmulatorClients clients) throws ClientException {
        ListUsersRequest list = new ListUsersRequest();
        list.setSysEndpoint("127.0.0.1:" + clients.endpoint().getPort());
        list.setSysProtocol(ProtocolType.HTTP);
        IAcsClient ram = ram(clients);
        try {
            return ram.getAcsResponse(list).getUsers().stream()
                    .map(ListUsersResponse.User::getUserName)
                    .toList();
        } finally {
            ram.shutdown();
        }
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.body().contains(REFUSED), response.body());
        assertEquals("0099-00000073", response.headers().firstValue("x-oss-ec").orElseThrow());
    }

    @Test
    void createUserAndAccessKey_crossSiteFormPosts_areRefusedAndCreateNothing(EmulatorClients clients)
            throws Exception {
        Map<String, String> page = Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site");
        assertRefused(ramFormPost(
                clients.endpoint(), clients.keyId(), clients.secret(), "CreateUser", userName("intruder"), page));
        assertRefused(ramFormPost(
                clients.endpoint(), clients.keyId(), clients.secret(), "CreateAccessKey", userName("intruder"), page));
        // A sandboxed frame or a file:// page sends "null".
        assertRefused(ramFormPost(
                clients.endpoint(),
                clients.keyId(),
                clients.secret(),
                "CreateUser",
                userName("intruder"),
                Map.of("Origin", "null")));

        assertEquals(List.of(), users(clients));
    }

    @Test
    void rpcQuery_crossSiteWithoutOrigin_isRefusedByFetchMetadata(EmulatorClients clients) {
        // A plain GET (an <img>, a link) carries no Origin, but browsers mark it cross-site.
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(clients.endpoint().resolve("/?Action=GetCallerIdentity&Version=2015-04-01"))
                        .header("Sec-Fetch-Site", "cross-site")
                        .GET()
                        .build());
        assertRefused(response);
    }

    @Test
    void controlEndpoint_crossSiteEvenWhenSigned_isRefusedAndTheFaultsStayOff(Emulator emulator) {
        HttpResponse<String> response = ControlEndpoint.of(emulator)
                .send(
                        SignVersion.V4,
                        "PUT",
                        "faults",
                        "{\"latencyMillis\":600000}",
                        Map.of("Origin", "https://evil.example"));
        assertRefused(response);
        assertEquals(FaultPlan.NONE, emulator.faults().plan());
    }

    @Test
    void rpcCall_fromTheEmulatorsOwnOriginOrWithoutBrowser_isServed(EmulatorClients clients) throws Exception {
        String own = "http://127.0.0.1:" + clients.endpoint().getPort();
        HttpResponse<String> sameOrigin = ramFormPost(
                clients.endpoint(),
                clients.keyId(),
                clients.secret(),
                "CreateUser",
                userName("own-page"),
                Map.of("Origin", own, "Sec-Fetch-Site", "same-origin"));
        assertEquals(200, sameOrigin.statusCode(), sameOrigin.body());
        HttpResponse<String> script = ramFormPost(
                clients.endpoint(),
                clients.keyId(),
                clients.secret(),
                "CreateUser",
                userName("from-a-script"),
                Map.of());
        assertEquals(200, script.statusCode(), script.body());

        GetUserRequest get = new GetUserRequest();
        get.setUserName("own-page");
        get.setSysEndpoint("127.0.0.1:" + clients.endpoint().getPort());
        get.setSysProtocol(ProtocolType.HTTP);
        IAcsClient ram = ram(clients);
        try {
            assertEquals("own-page", ram.getAcsResponse(get).getUser().getUserName());
        } finally {
            ram.shutdown();
        }
    }

    @Test
    void allowOrigin_theOperatorsOrigin_reachesRam(@TempDir Path dataDir) throws Exception {
        EmulatorConfig config = EmulatorConfig.builder()
                .port(0)
                .dataDir(dataDir)
                .rootKey(TestRootKey.KEY)
                .allowedOrigins(Set.of("http://localhost:3000"))
                .build();
        try (Emulator emulator = new Emulator(config).start();
                EmulatorClients clients = new EmulatorClients(emulator)) {
            HttpResponse<String> allowed = ramFormPost(
                    clients.endpoint(),
                    clients.keyId(),
                    clients.secret(),
                    "CreateUser",
                    userName("from-the-app"),
                    Map.of("Origin", "http://localhost:3000", "Sec-Fetch-Site", "same-site"));
            assertEquals(200, allowed.statusCode(), allowed.body());
            assertRefused(ramFormPost(
                    clients.endpoint(),
                    clients.keyId(),
                    clients.secret(),
                    "CreateUser",
                    userName("other-port"),
                    Map.of("Origin", "http://localhost:3001")));
            assertEquals(List.of("from-the-app"), users(clients));
        }
    }

    @Test
    void crossSiteRpc_ofAnotherKey_isRefusedBeforeItsSignatureIsChecked(EmulatorClients clients) {
        assertRefused(ramFormPost(
                clients.endpoint(),
                "LTAI5tUnknownKeyOfAPage",
                "guess",
                "CreateUser",
                userName("x"),
                Map.of("Origin", "https://evil.example")));
    }
}
