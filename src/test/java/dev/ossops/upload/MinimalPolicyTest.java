package dev.ossops.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.policy.AttachedPolicy;
import dev.ossops.policy.Caller;
import dev.ossops.policy.OssAction;
import dev.ossops.policy.OssApi;
import dev.ossops.policy.PolicyDocument;
import dev.ossops.policy.PolicyEvaluator;
import dev.ossops.policy.PolicyParser;
import dev.ossops.policy.PolicySet;
import dev.ossops.policy.PolicyType;
import dev.ossops.policy.RequestContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinimalPolicyTest {
    private static final String ACCOUNT = "1234567890";
    private static final Caller USER = new Caller.RamUser(ACCOUNT, "2000001", "app-oss-user");
    private static final String BUCKET = "myapp-prod-media";
    private static final String PREFIX = "qwencloud-uploads";
    private static final String KEY = "qwencloud-uploads/2026-03-04/123e4567_cat.png";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static boolean allowed(String policyJson, OssApi api, String bucket, String key) {
        PolicyDocument doc = PolicyParser.parse(policyJson, PolicyType.IDENTITY);
        PolicySet set = PolicySet.empty().withIdentity(new AttachedPolicy("UploaderMinimal", doc));
        for (OssAction action : api.actions(false)) {
            String resource =
                    RequestContext.ossResource(ACCOUNT, bucket, action.scope() == OssAction.Scope.OBJECT ? key : null);
            if (!PolicyEvaluator.evaluate(set, RequestContext.of(action.action(), resource, USER))
                    .allowed()) {
                return false;
            }
        }
        return true;
    }

    private static List<OssApi> denied(String policyJson, List<OssApi> operations) {
        return operations.stream()
                .filter(api -> !allowed(policyJson, api, BUCKET, KEY))
                .toList();
    }

    @Test
    void forUploader_allNeedsExactDocument() {
        assertEquals(
                """
                {
                  "Version" : "1",
                  "Statement" : [ {
                    "Effect" : "Allow",
                    "Action" : [ "oss:PutObject" ],
                    "Resource" : [ "acs:oss:*:*:myapp-prod-media/qwencloud-uploads/*" ]
                  }, {
                    "Effect" : "Allow",
                    "Action" : [ "oss:ListParts", "oss:AbortMultipartUpload" ],
                    "Resource" : [ "acs:oss:*:*:myapp-prod-media/qwencloud-uploads/*" ]
                  }, {
                    "Effect" : "Allow",
                    "Action" : [ "oss:ListMultipartUploads" ],
                    "Resource" : [ "acs:oss:*:*:myapp-prod-media" ]
                  }, {
                    "Effect" : "Allow",
                    "Action" : [ "oss:GetObject" ],
                    "Resource" : [ "acs:oss:*:*:myapp-prod-media/qwencloud-uploads/*" ]
                  } ]
                }""",
                MinimalPolicy.forUploader(BUCKET, PREFIX, MinimalPolicy.Needs.all())
                        .replace("\r\n", "\n"));
    }

    @Test
    void forUploader_allowsEveryUploaderOperation() {
        for (MinimalPolicy.Needs needs : List.of(
                MinimalPolicy.Needs.all(),
                new MinimalPolicy.Needs(false, false, false),
                new MinimalPolicy.Needs(true, false, false),
                new MinimalPolicy.Needs(false, false, true))) {
            String policy = MinimalPolicy.forUploader(BUCKET, PREFIX, needs);
            assertEquals(List.of(), denied(policy, MinimalPolicy.operations(needs)), needs.toString());
        }
    }

    @Test
    void forUploader_everyStatementAndActionIsNeeded() throws IOException {
        String policy = MinimalPolicy.forUploader(BUCKET, PREFIX, MinimalPolicy.Needs.all());
        List<OssApi> ops = MinimalPolicy.operations(MinimalPolicy.Needs.all());
        JsonNode root = JSON.readTree(policy);
        int statements = root.get("Statement").size();
        for (int s = 0; s < statements; s++) {
            ObjectNode without = root.deepCopy();
            ((ArrayNode) without.get("Statement")).remove(s);
            assertFalse(denied(JSON.writeValueAsString(without), ops).isEmpty(), "statement " + s + " is needed");
            int actions = root.get("Statement").get(s).get("Action").size();
            for (int a = 0; a < actions && actions > 1; a++) {
                ObjectNode fewer = root.deepCopy();
                ((ArrayNode) fewer.get("Statement").get(s).get("Action")).remove(a);
                assertFalse(
                        denied(JSON.writeValueAsString(fewer), ops).isEmpty(),
                        "action " + root.get("Statement").get(s).get("Action").get(a) + " is needed");
            }
        }
    }

    @Test
    void forUploader_removingAStatementBreaksTheOperationsItServes() throws IOException {
        assertEquals(List.of(OssApi.LIST_MULTIPART_UPLOADS), deniedWithout(2));
        assertEquals(List.of(OssApi.GET_OBJECT, OssApi.HEAD_OBJECT), deniedWithout(3));
    }

    private static List<OssApi> deniedWithout(int statement) throws IOException {
        ObjectNode root =
                (ObjectNode) JSON.readTree(MinimalPolicy.forUploader(BUCKET, PREFIX, MinimalPolicy.Needs.all()));
        ((ArrayNode) root.get("Statement")).remove(statement);
        return denied(JSON.writeValueAsString(root), MinimalPolicy.operations(MinimalPolicy.Needs.all()));
    }

    @Test
    void forUploader_deniesOutsideThePrefixAndBucket() {
        String policy = MinimalPolicy.forUploader(BUCKET, PREFIX, MinimalPolicy.Needs.all());
        List<OssApi> ops = new ArrayList<>(MinimalPolicy.operations(MinimalPolicy.Needs.all()));
        for (OssApi api : ops) {
            assertFalse(allowed(policy, api, "other-bucket", KEY), api.apiName());
            if (api == OssApi.LIST_MULTIPART_UPLOADS) {
                continue; // bucket-level: it names no key (see MinimalPolicy on oss:Prefix)
            }
            assertFalse(allowed(policy, api, BUCKET, "index.html"), api.apiName());
            assertFalse(allowed(policy, api, BUCKET, "qwencloud-uploads-old/a.png"), api.apiName());
        }
        // CopyObject within the prefix needs only GetObject + PutObject there, so it stays allowed: same reach as
        // upload.
        for (OssApi api : List.of(
                OssApi.DELETE_OBJECT,
                OssApi.GET_BUCKET,
                OssApi.LIST_OBJECTS_V2,
                OssApi.PUT_OBJECT_ACL,
                OssApi.PUT_BUCKET_POLICY,
                OssApi.RESTORE_OBJECT,
                OssApi.PUT_OBJECT_TAGGING)) {
            assertFalse(allowed(policy, api, BUCKET, KEY), api.apiName());
        }
    }

    @Test
    void forUploader_putOnlyWhenNothingElseIsNeeded() throws IOException {
        JsonNode root =
                JSON.readTree(MinimalPolicy.forUploader(BUCKET, "", new MinimalPolicy.Needs(false, false, false)));
        assertEquals(1, root.get("Statement").size());
        assertEquals(
                "acs:oss:*:*:myapp-prod-media/*",
                root.get("Statement").get(0).get("Resource").get(0).asText());
        assertTrue(allowed(JSON.writeValueAsString(root), OssApi.PUT_OBJECT, BUCKET, "anything/at/all.png"));
        assertFalse(allowed(JSON.writeValueAsString(root), OssApi.GET_OBJECT, BUCKET, "anything/at/all.png"));
    }

    @Test
    void operations_perNeed() {
        assertEquals(
                List.of(OssApi.PUT_OBJECT), MinimalPolicy.operations(new MinimalPolicy.Needs(false, false, false)));
        assertEquals(
                List.of(OssApi.PUT_OBJECT, OssApi.HEAD_OBJECT),
                MinimalPolicy.operations(new MinimalPolicy.Needs(false, false, true)));
        assertEquals(
                List.of(
                        OssApi.PUT_OBJECT,
                        OssApi.INITIATE_MULTIPART_UPLOAD,
                        OssApi.UPLOAD_PART,
                        OssApi.COMPLETE_MULTIPART_UPLOAD,
                        OssApi.LIST_PARTS,
                        OssApi.ABORT_MULTIPART_UPLOAD,
                        OssApi.LIST_MULTIPART_UPLOADS),
                MinimalPolicy.operations(new MinimalPolicy.Needs(true, false, false)));
    }
}
