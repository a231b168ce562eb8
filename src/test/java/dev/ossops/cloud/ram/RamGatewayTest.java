package dev.ossops.cloud.ram;

import com.aliyuncs.ram.model.v20150501.GetPolicyResponse;
import com.aliyuncs.ram.model.v20150501.GetRoleResponse;
import com.aliyuncs.ram.model.v20150501.GetUserResponse;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForRoleResponse;
import com.aliyuncs.ram.model.v20150501.ListPolicyVersionsResponse;
import dev.ossops.cloud.CloudException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** SDK response -> gateway model mapping, and what counts as "not found". */
class RamGatewayTest {

    @Test
    void toPolicy_defaultVersionGiven_documentAndIdFromIt() {
        GetPolicyResponse response = new GetPolicyResponse();
        GetPolicyResponse.Policy policy = new GetPolicyResponse.Policy();
        policy.setPolicyName("AppRW");
        policy.setPolicyType("Custom");
        policy.setDefaultVersion("v1");
        policy.setDescription("");
        GetPolicyResponse.DefaultPolicyVersion version = new GetPolicyResponse.DefaultPolicyVersion();
        version.setVersionId("v3");
        version.setPolicyDocument("{\"Version\":\"1\"}");
        response.setPolicy(policy);
        response.setDefaultPolicyVersion(version);

        assertEquals(
                new RamModel.Policy("AppRW", "Custom", "v3", "{\"Version\":\"1\"}", Optional.empty()),
                RamGateway.toPolicy(response));
    }

    @Test
    void toPolicy_noDefaultVersionElement_documentFromPolicy() {
        GetPolicyResponse response = new GetPolicyResponse();
        GetPolicyResponse.Policy policy = new GetPolicyResponse.Policy();
        policy.setPolicyName("AppRW");
        policy.setPolicyType("Custom");
        policy.setDefaultVersion("v2");
        policy.setPolicyDocument("{}");
        policy.setDescription("app");
        response.setPolicy(policy);

        assertEquals(
                new RamModel.Policy("AppRW", "Custom", "v2", "{}", Optional.of("app")), RamGateway.toPolicy(response));
    }

    @Test
    void toRole_noMaxSessionOrDescription_empty() {
        GetRoleResponse.Role role = new GetRoleResponse.Role();
        role.setRoleName("r");
        role.setArn("acs:ram::1:role/r");
        role.setAssumeRolePolicyDocument("{}");

        assertEquals(
                new RamModel.Role("r", "acs:ram::1:role/r", "{}", Optional.empty(), Optional.empty()),
                RamGateway.toRole(role));
    }

    @Test
    void toUser_displayName_kept() {
        GetUserResponse.User user = new GetUserResponse.User();
        user.setUserName("u");
        user.setDisplayName("U");

        assertEquals(new RamModel.User("u", Optional.of("U")), RamGateway.toUser(user));
    }

    @Test
    void toAttached_roleListing_nameAndType() {
        ListPoliciesForRoleResponse.Policy p = new ListPoliciesForRoleResponse.Policy();
        p.setPolicyName("AliyunOSSReadOnlyAccess");
        p.setPolicyType("System");

        assertEquals(new RamModel.AttachedPolicy("AliyunOSSReadOnlyAccess", "System"), RamGateway.toAttached(p));
    }

    @Test
    void oldestFirst_sameSecond_orderedByVersionNumber() {
        List<RamModel.PolicyVersion> listed = List.of(
                version("v10", "2026-01-01T00:00:00Z"),
                version("v9", "2026-01-01T00:00:00Z"),
                version("v2", "2025-12-31T00:00:00Z"));

        assertEquals(
                List.of("v2", "v9", "v10"),
                RamModel.oldestFirst(listed).stream()
                        .map(RamModel.PolicyVersion::versionId)
                        .toList());
    }

    @Test
    void toVersion_defaultFlagMissing_notDefault() {
        ListPolicyVersionsResponse.PolicyVersion v = new ListPolicyVersionsResponse.PolicyVersion();
        v.setVersionId("v1");

        assertEquals(new RamModel.PolicyVersion("v1", false, ""), RamGateway.toVersion(v));
    }

    @Test
    void ifExists_entityNotExist_empty() {
        assertEquals(Optional.empty(), RamGateway.ifExists(() -> {
            throw new CloudException(
                    "GetRole r failed: EntityNotExist.Role: The role does not exist.", "EntityNotExist.Role", 1, null);
        }));
    }

    @Test
    void ifExists_otherFailure_rethrown() {
        CloudException denied = new CloudException("GetRole r failed: NoPermission: denied", "NoPermission", 1, null);

        assertSame(
                denied,
                assertThrows(
                        CloudException.class,
                        () -> RamGateway.ifExists(() -> {
                            throw denied;
                        })));
    }

    private static RamModel.PolicyVersion version(String id, String date) {
        return new RamModel.PolicyVersion(id, false, date);
    }
}
