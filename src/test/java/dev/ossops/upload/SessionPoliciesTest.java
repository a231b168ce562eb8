package dev.ossops.upload;

import dev.ossops.policy.AttachedPolicy;
import dev.ossops.policy.Caller;
import dev.ossops.policy.OssAction;
import dev.ossops.policy.OssApi;
import dev.ossops.policy.PolicyEvaluator;
import dev.ossops.policy.PolicyParser;
import dev.ossops.policy.PolicySet;
import dev.ossops.policy.PolicyType;
import dev.ossops.policy.RequestContext;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionPoliciesTest {
    private static final String ACCOUNT = "1234567890";
    private static final Caller SESSION = new Caller.RoleSession(ACCOUNT, "oss-upload-role", "web-42");
    private static final String ROLE_POLICY = """
            {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*",
              "Resource": ["acs:oss:*:*:media", "acs:oss:*:*:media/*"]}]}""";

    private static boolean allowed(String session, OssApi api, String key) {
        PolicySet set = PolicySet.empty()
                .withIdentity(new AttachedPolicy("role", PolicyParser.parse(ROLE_POLICY, PolicyType.IDENTITY)))
                .withSession(new AttachedPolicy("session", PolicyParser.parse(session, PolicyType.SESSION)));
        for (OssAction action : api.actions(false)) {
            String resource =
                    RequestContext.ossResource(ACCOUNT, "media", action.scope() == OssAction.Scope.OBJECT ? key : null);
            if (!PolicyEvaluator.evaluate(set, RequestContext.of(action.action(), resource, SESSION))
                    .allowed()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void forPrefix_defaultIsPutObjectOnThePrefix() {
        String policy = SessionPolicies.forPrefix("media", "user/42", List.of());
        assertEquals(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:PutObject\"],"
                        + "\"Resource\":[\"acs:oss:*:*:media/user/42/*\"]}]}",
                policy);
        assertTrue(allowed(policy, OssApi.PUT_OBJECT, "user/42/a.png"));
        assertTrue(allowed(policy, OssApi.UPLOAD_PART, "user/42/deep/b.mp4"));
        assertFalse(allowed(policy, OssApi.PUT_OBJECT, "user/43/a.png"));
        assertFalse(allowed(policy, OssApi.PUT_OBJECT, "user/420/a.png"));
        assertFalse(allowed(policy, OssApi.GET_OBJECT, "user/42/a.png"));
        assertFalse(allowed(policy, OssApi.DELETE_OBJECT, "user/42/a.png"));
        assertFalse(allowed(policy, OssApi.GET_BUCKET, "user/42/a.png"));
    }

    @Test
    void forPrefix_listedActionsNormalizedAndDeduplicated() {
        String policy = SessionPolicies.forPrefix(
                "media", "/up/", List.of("PutObject", "oss:getobject", "oss:GetObject", "oss:ListParts"));
        assertEquals(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:PutObject\",\"oss:GetObject\","
                        + "\"oss:ListParts\"],\"Resource\":[\"acs:oss:*:*:media/up/*\"]}]}",
                policy);
        assertTrue(allowed(policy, OssApi.GET_OBJECT, "up/x"));
        assertTrue(allowed(policy, OssApi.LIST_PARTS, "up/x"));
        assertFalse(allowed(policy, OssApi.ABORT_MULTIPART_UPLOAD, "up/x"));
    }

    @Test
    void forPrefix_unknownAction() {
        assertEquals(
                "unknown OSS action 'oss:PutObjects'",
                assertThrows(
                                UploadException.class,
                                () -> SessionPolicies.forPrefix("media", "up", List.of("oss:PutObjects")))
                        .getMessage());
    }

    @Test
    void forPrefix_bucketLevelActionRejected() {
        assertEquals(
                "oss:ListObjects applies to a bucket, not to objects: a policy on bucket/prefix/* cannot grant it",
                assertThrows(
                                UploadException.class,
                                () -> SessionPolicies.forPrefix("media", "up", List.of("oss:ListObjects")))
                        .getMessage());
    }

    @Test
    void forPrefix_wildcardInPrefixRejected() {
        assertEquals(
                "prefix 'up/*' must not contain '*' or '?': they are wildcards in RAM resources",
                assertThrows(UploadException.class, () -> SessionPolicies.forPrefix("media", "up/*", List.of()))
                        .getMessage());
    }

    @Test
    void forPrefix_invalidBucketRejected() {
        assertEquals(
                "bucket name 'Media' is invalid: use 3 to 63 lowercase letters, digits and hyphens, starting and ending"
                        + " with a letter or digit",
                assertThrows(UploadException.class, () -> SessionPolicies.forPrefix("Media", "up", List.of()))
                        .getMessage());
    }

    @Test
    void forPrefix_tooLongForAssumeRole() {
        String prefix = String.join("", Collections.nCopies(2000, "p"));
        assertEquals(
                "session policy is 2111 characters; AssumeRole accepts at most 2048",
                assertThrows(UploadException.class, () -> SessionPolicies.forPrefix("media", prefix, List.of()))
                        .getMessage());
    }

    @Test
    void forObject_grantsThatOneKeyOnly() {
        String policy = SessionPolicies.forObject(
                "media", "uploads/alice/2031/02/03/0123456789abcdef.png", List.of("oss:PutObject"));
        assertEquals(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:PutObject\"],"
                        + "\"Resource\":[\"acs:oss:*:*:media/uploads/alice/2031/02/03/0123456789abcdef.png\"]}]}",
                policy);
        assertTrue(allowed(policy, OssApi.PUT_OBJECT, "uploads/alice/2031/02/03/0123456789abcdef.png"));
        assertTrue(allowed(policy, OssApi.UPLOAD_PART, "uploads/alice/2031/02/03/0123456789abcdef.png"));
        assertFalse(allowed(policy, OssApi.PUT_OBJECT, "uploads/alice/2031/02/03/0123456789abcdef.png.html"));
        assertFalse(allowed(policy, OssApi.PUT_OBJECT, "uploads/alice/other.png"));
    }

    @Test
    void forObject_wildcardInKeyRejected() {
        assertEquals(
                "key 'uploads/*' must not contain '*' or '?': they are wildcards in RAM resources",
                assertThrows(UploadException.class, () -> SessionPolicies.forObject("media", "uploads/*", List.of()))
                        .getMessage());
    }
}
