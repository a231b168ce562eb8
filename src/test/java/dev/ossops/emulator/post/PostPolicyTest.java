package dev.ossops.emulator.post;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.service.PostPolicy;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PostPolicyTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static String b64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static OssException invalid(String json) {
        return assertThrows(OssException.class, () -> PostPolicy.parse(b64(json)));
    }

    @Test
    void parse_malformedDocuments_areInvalidPolicyDocumentWithTheReason() {
        OssException notJson = assertThrows(OssException.class, () -> PostPolicy.parse("%%%"));
        assertEquals(OssError.INVALID_POLICY_DOCUMENT, notJson.error());
        assertEquals("Invalid Policy: Invalid JSON.", notJson.getMessage());
        assertEquals(
                "Invalid Policy: Policy missing expiration.",
                invalid("{\"conditions\":[]}").getMessage());
        assertEquals(
                "Invalid Policy: Invalid 'expiration' value: 'tomorrow'",
                invalid("{\"expiration\":\"tomorrow\",\"conditions\":[]}").getMessage());
        assertEquals(
                "Invalid Policy: Policy missing conditions.",
                invalid("{\"expiration\":\"2099-01-01T00:00:00Z\"}").getMessage());
        assertEquals(
                "Invalid Policy: Invalid Condition: unknown operation 'ends-with'.",
                invalid("{\"expiration\":\"2099-01-01T00:00:00Z\",\"conditions\":[[\"ends-with\",\"$key\",\"x\"]]}")
                        .getMessage());
        assertEquals(
                "Invalid Policy: Invalid content-length-range: 10 to 5.",
                invalid("{\"expiration\":\"2099-01-01T00:00:00Z\",\"conditions\":[[\"content-length-range\",10,5]]}")
                        .getMessage());
    }

    @Test
    void check_conditions_holdOrNameTheFailure() {
        PostPolicy policy = PostPolicy.parse(b64("{\"expiration\":\"2026-01-01T00:00:01.000Z\",\"conditions\":["
                + "{\"bucket\":\"b\"},[\"starts-with\",\"$key\",\"user/\"],[\"eq\",\"$Content-Type\",\"image/png\"],"
                + "[\"content-length-range\",1,100]]}"));
        policy.check(Map.of("bucket", "b", "key", "user/a.png", "content-type", "image/png"), NOW);
        assertEquals(1, policy.minLength());
        assertEquals(100, policy.maxLength());
        OssException wrongType = assertThrows(
                OssException.class,
                () -> policy.check(Map.of("bucket", "b", "key", "user/a.png", "content-type", "image/gif"), NOW));
        assertEquals(OssError.ACCESS_DENIED, wrongType.error());
        assertEquals(
                "Invalid according to Policy: Policy Condition failed: [\"eq\", \"$content-type\", \"image/png\"]",
                wrongType.getMessage());
        OssException wrongBucket = assertThrows(
                OssException.class,
                () -> policy.check(Map.of("bucket", "other", "key", "user/a.png", "content-type", "image/png"), NOW));
        assertEquals(
                "Invalid according to Policy: Policy Condition failed: [\"eq\", \"$bucket\", \"b\"]",
                wrongBucket.getMessage());
    }

    @Test
    void check_afterExpiration_isPolicyExpired() {
        PostPolicy policy = PostPolicy.parse(b64("{\"expiration\":\"2025-12-31T23:59:59Z\",\"conditions\":[]}"));
        OssException e = assertThrows(OssException.class, () -> policy.check(Map.of(), NOW));
        assertEquals("Invalid according to Policy: Policy expired.", e.getMessage());
    }

    @Test
    void parse_inAndNotInWithoutAList_areInvalidPolicyDocument() {
        assertEquals(
                "Invalid Policy: Invalid Condition: the values of 'not-in' must be a list.",
                invalid(
                                "{\"expiration\":\"2099-01-01T00:00:00Z\",\"conditions\":[[\"not-in\",\"$cache-control\",\"no-cache\"]]}")
                        .getMessage());
        assertEquals(
                "Invalid Policy: Invalid Condition: the values of 'in' must be strings.",
                invalid(
                                "{\"expiration\":\"2099-01-01T00:00:00Z\",\"conditions\":[[\"in\",\"$content-type\",[[\"a\"]]]]}")
                        .getMessage());
        assertEquals(
                "Invalid Policy: Invalid Condition: field name must start with '$': content-type",
                invalid("{\"expiration\":\"2099-01-01T00:00:00Z\",\"conditions\":[[\"in\",\"content-type\",[\"a\"]]]}")
                        .getMessage());
        assertEquals(
                "Invalid Policy: Invalid Condition: the value of 'eq' must be a string.",
                invalid("{\"expiration\":\"2099-01-01T00:00:00Z\",\"conditions\":[[\"eq\",\"$key\",[\"a\"]]]}")
                        .getMessage());
    }

    @Test
    void check_inAndNotIn_holdOrNameTheFailure() {
        PostPolicy policy = PostPolicy.parse(b64("{\"expiration\":\"2026-01-01T00:00:01.000Z\",\"conditions\":["
                + "[\"in\",\"$Content-Type\",[\"image/png\",\"image/jpeg\"]],[\"not-in\",\"$x-oss-object-acl\",[\"public-read\","
                + "\"public-read-write\"]]]}"));
        policy.check(Map.of("content-type", "image/jpeg", "x-oss-object-acl", "private"), NOW);
        policy.check(Map.of("content-type", "image/png"), NOW);
        OssException notListed = assertThrows(
                OssException.class,
                () -> policy.check(Map.of("content-type", "text/html", "x-oss-object-acl", "private"), NOW));
        assertEquals(OssError.ACCESS_DENIED, notListed.error());
        assertEquals(
                "Invalid according to Policy: Policy Condition failed: [\"in\", \"$content-type\", [\"image/png\", \"image/jpeg\"]]",
                notListed.getMessage());
        OssException absent = assertThrows(OssException.class, () -> policy.check(Map.of(), NOW));
        assertEquals(notListed.getMessage(), absent.getMessage());
        OssException excluded = assertThrows(
                OssException.class,
                () -> policy.check(Map.of("content-type", "image/png", "x-oss-object-acl", "public-read"), NOW));
        assertEquals(
                "Invalid according to Policy: Policy Condition failed: [\"not-in\", \"$x-oss-object-acl\", "
                        + "[\"public-read\", \"public-read-write\"]]",
                excluded.getMessage());
    }

    @Test
    void check_inIsCaseSensitiveLikeEq() {
        PostPolicy policy = PostPolicy.parse(b64("{\"expiration\":\"2026-01-01T00:00:01.000Z\",\"conditions\":["
                + "[\"in\",\"$content-type\",[\"image/png\"]]]}"));
        assertThrows(OssException.class, () -> policy.check(Map.of("content-type", "IMAGE/PNG"), NOW));
    }
}
