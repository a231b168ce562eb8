package dev.ossops.emulator.ram;

import dev.ossops.emulator.rpc.RpcException;
import dev.ossops.policy.PolicyType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RamPolicyTest {
    private static final String DOC =
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":\"*\"}]}";

    private static RamPolicy fullPolicy() {
        RamPolicy policy = new RamPolicy(
                "p", RamPolicy.CUSTOM, null, "v1", List.of(new RamPolicyVersion("v1", DOC, "t0")), 2, "t0", "t0");
        for (int i = 2; i <= 5; i++) {
            policy = policy.addVersion(DOC, false, false, "t" + i);
        }
        return policy;
    }

    private static List<String> ids(RamPolicy policy) {
        return policy.versions().stream().map(RamPolicyVersion::versionId).toList();
    }

    @Test
    void addVersion_fifthVersionFits() {
        RamPolicy policy = fullPolicy();
        assertEquals(List.of("v1", "v2", "v3", "v4", "v5"), ids(policy));
        assertEquals("v1", policy.defaultVersion());
    }

    @Test
    void addVersion_sixthWithoutRotation_isLimitExceeded() {
        RpcException e = assertThrows(RpcException.class, () -> fullPolicy().addVersion(DOC, true, false, "t6"));
        assertEquals("LimitExceeded.Policy.Version", e.code());
        assertEquals(409, e.status());
        assertEquals("The count of policy version beyond the current limits.", e.getMessage());
    }

    @Test
    void addVersion_rotation_dropsOldestNonDefault() {
        RamPolicy rotated = fullPolicy().addVersion(DOC, true, true, "t6");
        assertEquals(List.of("v1", "v3", "v4", "v5", "v6"), ids(rotated));
        assertEquals("v6", rotated.defaultVersion());
        RamPolicy again = rotated.addVersion(DOC, false, true, "t7");
        assertEquals(List.of("v3", "v4", "v5", "v6", "v7"), ids(again));
        assertEquals("v6", again.defaultVersion());
    }

    @Test
    void addVersion_idsAreNotReusedAfterDelete() {
        RamPolicy policy = fullPolicy();
        RamPolicy trimmed = policy.withVersions(policy.versions().subList(0, 4), "v1", policy.nextVersion(), "t6");
        assertEquals(
                "v6",
                trimmed.addVersion(DOC, false, false, "t7").versions().get(4).versionId());
    }

    @Test
    void policyDocuments_checksSizeAndShape() {
        PolicyDocuments documents = new PolicyDocuments();
        assertEquals(
                "MalformedPolicyDocument",
                assertThrows(
                                RpcException.class,
                                () -> documents.check("PolicyDocument", "{", 6144, PolicyType.IDENTITY))
                        .code());
        assertEquals(
                "The policy document is malformed: Version must be \"1\".",
                assertThrows(
                                RpcException.class,
                                () -> documents.check(
                                        "PolicyDocument", "{\"Statement\":[]}", 6144, PolicyType.IDENTITY))
                        .getMessage());
        assertEquals(
                "The policy document is malformed: every statement needs Effect Allow or Deny.",
                assertThrows(
                                RpcException.class,
                                () -> documents.check(
                                        "PolicyDocument",
                                        "{\"Version\":\"1\",\"Statement\":[{\"Action\":\"*\"}]}",
                                        6144,
                                        PolicyType.IDENTITY))
                        .getMessage());
        String big = DOC.replace("\"*\"}", "\"" + "a".repeat(6144) + "\"}");
        RpcException tooBig = assertThrows(
                RpcException.class, () -> documents.check("PolicyDocument", big, 6144, PolicyType.IDENTITY));
        assertEquals("InvalidParameter.PolicyDocument.Length", tooBig.code());
        assertEquals(
                "The policy document is malformed: Statement[0].Sid: Sid is not part of the RAM and OSS policy grammar "
                        + "(statements have no ids there): remove it.",
                assertThrows(
                                RpcException.class,
                                () -> documents.check(
                                        "PolicyDocument",
                                        "{\"Version\":\"1\",\"Statement\":[{\"Sid\":\"a\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
                                        6144,
                                        PolicyType.IDENTITY))
                        .getMessage());
        assertEquals("The parameter - \"PolicyDocument\" beyond the length limit.", tooBig.getMessage());
    }

    /** Found by RandomAccessIT: RAM documents Action or NotAction, and the evaluator reads NotAction. */
    @Test
    void policyDocuments_acceptNotActionAndRefuseAStatementWithNeither() {
        PolicyDocuments documents = new PolicyDocuments();
        String notAction = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"oss:DeleteObject\","
                + "\"Resource\":\"*\"}]}";
        assertEquals(
                "oss:DeleteObject",
                documents
                        .check("PolicyDocument", notAction, 6144, PolicyType.IDENTITY)
                        .path("Statement")
                        .get(0)
                        .path("NotAction")
                        .asText());
        assertEquals(
                "The policy document is malformed: every statement needs an Action or a NotAction.",
                assertThrows(
                                RpcException.class,
                                () -> documents.check(
                                        "PolicyDocument",
                                        "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Resource\":\"*\"}]}",
                                        6144,
                                        PolicyType.IDENTITY))
                        .getMessage());
        assertEquals(
                "The policy document is malformed: Statement[0]: has both Action and NotAction; use one.",
                assertThrows(
                                RpcException.class,
                                () -> documents.check(
                                        "PolicyDocument",
                                        "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                                                + "\"NotAction\":\"oss:GetObject\",\"Resource\":\"*\"}]}",
                                        6144,
                                        PolicyType.IDENTITY))
                        .getMessage());
    }

    @Test
    void ramNames_enforceCharactersAndLength() {
        assertEquals("a.b_c-1", RamNames.userName("a.b_c-1"));
        assertEquals(
                "InvalidParameter.UserName.InvalidChars",
                assertThrows(RpcException.class, () -> RamNames.userName("a b")).code());
        assertEquals(
                "InvalidParameter.UserName.Length",
                assertThrows(RpcException.class, () -> RamNames.userName("u".repeat(65)))
                        .code());
        assertEquals(
                "InvalidParameter.RoleName.InvalidChars",
                assertThrows(RpcException.class, () -> RamNames.roleName("role_x"))
                        .code());
        assertEquals(
                "InvalidParameter.PolicyName.InvalidChars",
                assertThrows(RpcException.class, () -> RamNames.policyName("p.q"))
                        .code());
        assertEquals(
                "InvalidParameter.PolicyName.Length",
                assertThrows(RpcException.class, () -> RamNames.policyName("p".repeat(129)))
                        .code());
    }
}
