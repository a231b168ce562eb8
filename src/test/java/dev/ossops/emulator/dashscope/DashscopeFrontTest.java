package dev.ossops.emulator.dashscope;

import dev.ossops.emulator.http.IncomingRequest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which requests on the shared port are DashScope's: the rest, bucket "api" included, stay OSS's. */
class DashscopeFrontTest {

    @Test
    void isPolicyRequest_getWithBearerAndAction_true() {
        assertTrue(DashscopeFront.isPolicyRequest(
                request("GET", "/api/v1/uploads", "action=getPolicy&model=m", "Bearer sk-1")));
        assertTrue(DashscopeFront.isPolicyRequest(
                request("GET", "/api/v1/uploads", "model=m&action=getPolicy", "bearer sk-1")));
    }

    @Test
    void isPolicyRequest_ossSignedOrAnonymous_false() {
        assertFalse(
                DashscopeFront.isPolicyRequest(request("GET", "/api/v1/uploads", "action=getPolicy", "OSS LTAI:sig")));
        assertFalse(DashscopeFront.isPolicyRequest(
                request("GET", "/api/v1/uploads", "action=getPolicy", "OSS4-HMAC-SHA256 Credential=x")));
        assertFalse(DashscopeFront.isPolicyRequest(request("GET", "/api/v1/uploads", "action=getPolicy", null)));
    }

    @Test
    void isPolicyRequest_otherMethodPathOrAction_false() {
        assertFalse(
                DashscopeFront.isPolicyRequest(request("POST", "/api/v1/uploads", "action=getPolicy", "Bearer sk-1")));
        assertFalse(
                DashscopeFront.isPolicyRequest(request("GET", "/api/v1/uploads/x", "action=getPolicy", "Bearer sk-1")));
        assertFalse(DashscopeFront.isPolicyRequest(request("GET", "/api/v1/uploads", "action=other", "Bearer sk-1")));
        assertFalse(DashscopeFront.isPolicyRequest(request("GET", "/api/v1/uploads", null, "Bearer sk-1")));
    }

    private static IncomingRequest request(String method, String path, String query, String authorization) {
        List<Map.Entry<String, String>> headers =
                authorization == null ? List.of() : List.of(Map.entry("Authorization", authorization));
        return new IncomingRequest(method, path, query, headers, new ByteArrayInputStream(new byte[0]));
    }
}
