package dev.ossops.emulator.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RpcHandlerTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final RootAccount ROOT = new RootAccount("1234567890123456", "LTAIrootkey00001", "rootsecret");
    private static final Credential SESSION = new Credential(
            "STS.session0001",
            "sessionsecret",
            new Principal.AssumedRole("1234567890123456", "Reader", "300000000000000001", "s1", Optional.empty()),
            true,
            Optional.of("token-1"),
            Optional.of(NOW.plusSeconds(900)),
            List.of());
    private static final Credential INACTIVE = Credential.permanent(
            "LTAIinactive0001",
            "inactivesecret",
            new Principal.User("1234567890123456", "bob", "200000000000000001"),
            false,
            List.of());

    private final MutableClock clock = MutableClock.at(NOW);
    private final RpcHandler handler = new RpcHandler(
            CredentialLookup.chain(List.of(
                    ROOT,
                    id -> Optional.of(SESSION).filter(c -> c.accessKeyId().equals(id)),
                    id -> Optional.of(INACTIVE).filter(c -> c.accessKeyId().equals(id)))),
            RpcAuthorizer.byPolicies(clock),
            List.of(new EchoService()),
            clock);
    private final SignedRequests root = new SignedRequests(ROOT.accessKeyId(), ROOT.secret());
    private final ObjectMapper mapper = new ObjectMapper();

    /** A one-action service that answers who called and what Value was sent. */
    private static final class EchoService implements RpcService {
        @Override
        public RpcApi api() {
            return new RpcApi("Echo", "2020-01-01", "echo", "echo.aliyuncs.com");
        }

        @Override
        public Set<String> actions() {
            return Set.of("Echo");
        }

        @Override
        public ObjectNode invoke(RpcCall call) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("Caller", call.caller().principal().arn());
            out.put("Value", call.params().required("Value"));
            return out;
        }
    }

    private static Map<String, String> echo(String value) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Action", "Echo");
        p.put("Version", "2020-01-01");
        p.put("Value", value);
        return p;
    }

    private JsonNode json(RpcResponse response) throws Exception {
        return mapper.readTree(response.body());
    }

    private void assertError(RpcResponse response, int status, String code, String message) throws Exception {
        JsonNode body = json(response);
        assertEquals(status, response.status());
        assertEquals(code, body.path("Code").asText());
        assertEquals(message, body.path("Message").asText());
    }

    @Test
    void handle_signedGet_answersWithRequestId() throws Exception {
        RpcResponse response = handler.handle(root.get(echo("hello"), NOW));
        JsonNode body = json(response);
        assertEquals(200, response.status());
        assertEquals("application/json;charset=utf-8", response.contentType());
        assertEquals("acs:ram::1234567890123456:root", body.path("Caller").asText());
        assertEquals("hello", body.path("Value").asText());
        assertEquals(
                response.headers().get("x-acs-request-id"),
                body.path("RequestId").asText());
    }

    @Test
    void handle_signedPostForm_verifiesFormParametersToo() throws Exception {
        Map<String, String> common = Map.of("Action", "Echo", "Version", "2020-01-01");
        RpcResponse response = handler.handle(root.postForm(common, Map.of("Value", "a b&c=d"), NOW));
        assertEquals(200, response.status());
        assertEquals("a b&c=d", json(response).path("Value").asText());
    }

    @Test
    void handle_formatXml_rendersActionResponseRoot() {
        Map<String, String> p = echo("<x>");
        p.put("Format", "XML");
        RpcResponse response = handler.handle(root.get(p, NOW));
        String text = SignedRequests.text(response);
        assertEquals("text/xml;charset=utf-8", response.contentType());
        assertTrue(text.startsWith("<?xml version='1.0' encoding='UTF-8'?><EchoResponse><RequestId>"), text);
        assertTrue(
                text.endsWith("<Caller>acs:ram::1234567890123456:root</Caller><Value>&lt;x&gt;</Value></EchoResponse>"),
                text);
    }

    @Test
    void handle_wrongSecret_returnsServerStringToSign() throws Exception {
        RpcRequest request = new SignedRequests(ROOT.accessKeyId(), "not-the-secret").get(echo("x"), NOW, "nonce-1");
        RpcResponse response = handler.handle(request);
        String expected = RpcSignature.stringToSign("GET", request.query());
        assertError(
                response,
                400,
                "SignatureDoesNotMatch",
                "Specified signature is not matched with our calculation. server string to sign is:" + expected);
        assertTrue(expected.contains("SignatureNonce%3Dnonce-1"), expected);
    }

    @Test
    void handle_replayedNonce_isRefused() throws Exception {
        RpcRequest request = root.get(echo("x"), NOW, "nonce-2");
        assertEquals(200, handler.handle(request).status());
        assertError(handler.handle(request), 400, "SignatureNonceUsed", "Specified signature nonce was used already.");
    }

    @Test
    void handle_timestampSkew_refusedBeyondFifteenMinutes() throws Exception {
        assertEquals(
                200,
                handler.handle(root.get(echo("x"), NOW.minus(Duration.ofMinutes(15))))
                        .status());
        assertError(
                handler.handle(
                        root.get(echo("x"), NOW.minus(Duration.ofMinutes(15)).minusSeconds(1))),
                400,
                "InvalidTimeStamp.Expired",
                "Specified time stamp or date value is expired.");
        assertError(
                handler.handle(root.get(echo("x"), NOW.plus(Duration.ofMinutes(16)))),
                400,
                "InvalidTimeStamp.Expired",
                "Specified time stamp or date value is expired.");
    }

    @Test
    void handle_malformedTimestamp_isRefused() throws Exception {
        Map<String, String> p = new LinkedHashMap<>(root.get(echo("x"), NOW).query());
        p.put("Timestamp", "yesterday");
        assertError(
                handler.handle(new RpcRequest("GET", p, Map.of(), Map.of())),
                400,
                "InvalidTimeStamp.Format",
                "Specified time stamp or date value is not well formatted.");
    }

    @Test
    void handle_unknownAccessKey_isNotFound() throws Exception {
        assertError(
                handler.handle(new SignedRequests("LTAIunknown00001", "x").get(echo("x"), NOW)),
                404,
                "InvalidAccessKeyId.NotFound",
                "Specified access key is not found.");
    }

    @Test
    void handle_inactiveKey_isRefused() throws Exception {
        assertError(
                handler.handle(new SignedRequests(INACTIVE.accessKeyId(), INACTIVE.secret()).get(echo("x"), NOW)),
                400,
                "InvalidAccessKeyId.Inactive",
                "Specified access key is disabled.");
    }

    @Test
    void handle_stsKey_needsItsTokenUntilExpiry() throws Exception {
        SignedRequests session = new SignedRequests(SESSION.accessKeyId(), SESSION.secret());
        assertError(
                handler.handle(session.get(echo("x"), NOW)),
                400,
                "MissingSecurityToken",
                "SecurityToken is mandatory for this action.");
        Map<String, String> wrongToken = echo("x");
        wrongToken.put("SecurityToken", "token-2");
        assertError(
                handler.handle(session.get(wrongToken, NOW)),
                400,
                "InvalidSecurityToken.MismatchWithAccessKey",
                "Specified SecurityToken mismatch with the AccessKey.");
        Map<String, String> rightToken = echo("x");
        rightToken.put("SecurityToken", "token-1");
        // Authenticated, but a role session whose role has no policies may not call echo:Echo.
        assertError(
                handler.handle(session.get(rightToken, NOW)),
                403,
                "NoPermission",
                "You are not authorized to operate on the specified resource, or this API does not support RAM.");
        clock.advance(Duration.ofSeconds(900));
        assertError(
                handler.handle(session.get(rightToken, clock.instant())),
                400,
                "InvalidSecurityToken.Expired",
                "Specified SecurityToken is expired.");
    }

    @Test
    void handle_unknownVersion_isInvalidVersion() throws Exception {
        Map<String, String> p = echo("x");
        p.put("Version", "1999-01-01");
        RpcResponse response = handler.handle(root.get(p, NOW));
        assertError(response, 400, "InvalidVersion", "Specified parameter Version is not valid.");
        assertEquals("127.0.0.1", json(response).path("HostId").asText());
    }

    @Test
    void handle_unknownAction_isNotFound() throws Exception {
        Map<String, String> p = echo("x");
        p.put("Action", "Shout");
        RpcResponse response = handler.handle(root.get(p, NOW));
        assertError(
                response,
                404,
                "InvalidAction.NotFound",
                "Specified api is not found, please check your url and method.");
        JsonNode body = json(response);
        assertEquals("echo.aliyuncs.com", body.path("HostId").asText());
        assertEquals(
                "https://api.aliyun.com/troubleshoot?q=InvalidAction.NotFound&product=Echo",
                body.path("Recommend").asText());
        assertEquals(
                response.headers().get("x-acs-request-id"),
                body.path("RequestId").asText());
    }

    @Test
    void handle_missingParameters_nameTheParameter() throws Exception {
        Map<String, String> p = echo("x");
        p.remove("Value");
        assertError(handler.handle(root.get(p, NOW)), 400, "MissingValue", "Value is mandatory for this action.");
        Map<String, String> unsigned =
                new LinkedHashMap<>(root.get(echo("x"), NOW).query());
        unsigned.remove("Signature");
        assertError(
                handler.handle(new RpcRequest("GET", unsigned, Map.of(), Map.of())),
                400,
                "MissingSignature",
                "Signature is mandatory for this action.");
    }

    @Test
    void handle_otherSignatureMethod_isRefused() throws Exception {
        Map<String, String> p = new LinkedHashMap<>(root.get(echo("x"), NOW).query());
        p.put("SignatureMethod", "HMAC-SHA256");
        assertError(
                handler.handle(new RpcRequest("GET", p, Map.of(), Map.of())),
                400,
                "InvalidSignatureMethod",
                "Specified signature method is not valid.");
    }

    @Test
    void handle_errorInXml_isAnErrorDocument() {
        Map<String, String> p = echo("x");
        p.put("Action", "Shout");
        p.put("Format", "XML");
        RpcResponse response = handler.handle(root.get(p, NOW));
        String text = SignedRequests.text(response);
        assertEquals(404, response.status());
        assertTrue(
                text.startsWith("<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>"
                        + response.headers().get("x-acs-request-id")
                        + "</RequestId><HostId>echo.aliyuncs.com</HostId><Code>InvalidAction.NotFound</Code>"),
                text);
        assertTrue(
                text.endsWith(
                        "<Recommend>https://api.aliyun.com/troubleshoot?q=InvalidAction.NotFound&amp;product=Echo</Recommend></Error>"),
                text);
    }

    @Test
    void isRpc_needsActionAndVersion() {
        assertTrue(RpcRequest.isRpc(Map.of("Action", "A", "Version", "V")));
        assertEquals(false, RpcRequest.isRpc(Map.of("Action", "A")));
    }
}
