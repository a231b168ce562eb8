package dev.ossops.policy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The policy documents of the profile design (policies/app-oss-readwrite.json) and an uploader
 * session policy, read from files as the CLI will read them, against the OSS operations the
 * uploader performs.
 */
class ProfilePoliciesTest {
    private static final Caller ROLE = new Caller.RoleSession("1234567890", "oss-upload-role", "web-42");
    private static final String BUCKET = "myapp-prod-media";

    private static PolicyDocument read(String name, PolicyType type) throws IOException {
        try (InputStream in = ProfilePoliciesTest.class.getResourceAsStream("/policy/" + name)) {
            return PolicyParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), type);
        }
    }

    private static Decision.Outcome decide(PolicySet policies, OssApi api, String key, boolean https) {
        Decision.Outcome outcome = Decision.Outcome.ALLOW;
        for (OssAction action : api.actions(false)) {
            RequestContext request = RequestContext.of(
                            action.action(),
                            RequestContext.ossResource(
                                    "1234567890", BUCKET, action.scope() == OssAction.Scope.OBJECT ? key : null),
                            ROLE)
                    .with("acs:SecureTransport", String.valueOf(https));
            Decision decision = PolicyEvaluator.evaluate(policies, request);
            if (!decision.allowed()) {
                outcome = decision.outcome();
            }
        }
        return outcome;
    }

    @Test
    void appReadWrite_coversTheObjectOperationsAndNothingElse() throws IOException {
        PolicySet policies = PolicySet.empty()
                .withIdentity(
                        new AttachedPolicy("AppOSSReadWrite", read("app-oss-readwrite.json", PolicyType.IDENTITY)));
        for (OssApi api : new OssApi[] {
            OssApi.PUT_OBJECT,
            OssApi.INITIATE_MULTIPART_UPLOAD,
            OssApi.UPLOAD_PART,
            OssApi.COMPLETE_MULTIPART_UPLOAD,
            OssApi.GET_OBJECT,
            OssApi.HEAD_OBJECT,
            OssApi.DELETE_OBJECT,
            OssApi.GET_BUCKET,
            OssApi.LIST_OBJECTS_V2,
            OssApi.COPY_OBJECT
        }) {
            assertEquals(Decision.Outcome.ALLOW, decide(policies, api, "a/b.png", true), api.apiName());
        }
        for (OssApi api : new OssApi[] {
            OssApi.PUT_OBJECT_ACL,
            OssApi.PUT_BUCKET_ACL,
            OssApi.DELETE_BUCKET,
            OssApi.PUT_BUCKET_POLICY,
            OssApi.ABORT_MULTIPART_UPLOAD,
            OssApi.LIST_MULTIPART_UPLOADS
        }) {
            assertEquals(Decision.Outcome.IMPLICIT_DENY, decide(policies, api, "a/b.png", true), api.apiName());
        }
        assertTrue(PolicyAudit.grantsBroadAccess(read("app-oss-readwrite.json", PolicyType.IDENTITY), "AppOSSReadWrite")
                .isEmpty());
    }

    @Test
    void uploaderSession_confinesTheRoleToItsPrefixOverHttps() throws IOException {
        PolicySet policies = PolicySet.empty()
                .withIdentity(
                        new AttachedPolicy("AppOSSReadWrite", read("app-oss-readwrite.json", PolicyType.IDENTITY)))
                .withSession(new AttachedPolicy("uploader", read("uploader-session.json", PolicyType.SESSION)));
        assertEquals(Decision.Outcome.ALLOW, decide(policies, OssApi.PUT_OBJECT, "qwencloud-uploads/2026/x.png", true));
        assertEquals(
                Decision.Outcome.ALLOW, decide(policies, OssApi.UPLOAD_PART, "qwencloud-uploads/2026/x.png", true));
        assertEquals(
                Decision.Outcome.IMPLICIT_DENY,
                decide(policies, OssApi.PUT_OBJECT, "qwencloud-uploads/2026/x.png", false));
        assertEquals(Decision.Outcome.IMPLICIT_DENY, decide(policies, OssApi.PUT_OBJECT, "index.html", true));
        assertEquals(
                Decision.Outcome.IMPLICIT_DENY,
                decide(policies, OssApi.GET_OBJECT, "qwencloud-uploads/2026/x.png", true));
        // The session policy names AbortMultipartUpload, but the role never had it.
        assertEquals(
                Decision.Outcome.IMPLICIT_DENY,
                decide(policies, OssApi.ABORT_MULTIPART_UPLOAD, "qwencloud-uploads/x", true));
    }
}
