package dev.ossops.emulator.ram;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ram.model.v20150501.*;
import dev.ossops.emulator.rpc.Credential;
import dev.ossops.emulator.rpc.GrantedPolicy;
import dev.ossops.emulator.rpc.MutableClock;
import dev.ossops.emulator.rpc.Principal;
import dev.ossops.emulator.rpc.RpcFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RAM 2015-05-01 driven by the official {@code aliyun-java-sdk-ram} client. */
class RamIT {
    private static final String DOC =
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\"}]}";
    private static final String TRUST =
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                    + "\"Principal\":{\"RAM\":[\"acs:ram::" + RpcFixture.ACCOUNT + ":root\"]}}]}";

    @TempDir
    Path dir;

    private RpcFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new RpcFixture(dir, MutableClock.system());
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private void assertFails(String code, String message, com.aliyuncs.AcsRequest<?> request) {
        ClientException e = f.failure(request);
        assertEquals(code, e.getErrCode());
        assertEquals(message, e.getErrMsg());
    }

    private void createUser(String name) throws ClientException {
        CreateUserRequest r = new CreateUserRequest();
        r.setUserName(name);
        f.call(r);
    }

    private CreateAccessKeyResponse.AccessKey createKey(String user) throws ClientException {
        CreateAccessKeyRequest r = new CreateAccessKeyRequest();
        r.setUserName(user);
        return f.call(r).getAccessKey();
    }

    private void createPolicy(String name) throws ClientException {
        CreatePolicyRequest r = new CreatePolicyRequest();
        r.setPolicyName(name);
        r.setPolicyDocument(DOC);
        r.setDescription("read objects");
        f.call(r);
    }

    private void createRole(String name) throws ClientException {
        CreateRoleRequest r = new CreateRoleRequest();
        r.setRoleName(name);
        r.setAssumeRolePolicyDocument(TRUST);
        f.call(r);
    }

    private CreatePolicyVersionResponse.PolicyVersion addVersion(String policy, boolean setDefault, String rotate)
            throws ClientException {
        CreatePolicyVersionRequest r = new CreatePolicyVersionRequest();
        r.setPolicyName(policy);
        r.setPolicyDocument(DOC);
        r.setSetAsDefault(setDefault);
        r.setRotateStrategy(rotate);
        return f.call(r).getPolicyVersion();
    }

    @Test
    void users_createGetUpdateDelete() throws Exception {
        CreateUserRequest create = new CreateUserRequest();
        create.setUserName("alice");
        create.setDisplayName("Alice");
        create.setEmail("alice@example.com");
        CreateUserResponse.User created = f.call(create).getUser();
        assertEquals("alice", created.getUserName());
        assertEquals("Alice", created.getDisplayName());
        assertTrue(created.getUserId().matches("\\d{16}"), created.getUserId());

        UpdateUserRequest update = new UpdateUserRequest();
        update.setUserName("alice");
        update.setNewUserName("alice2");
        update.setNewComments("renamed");
        assertEquals("alice2", f.call(update).getUser().getUserName());

        GetUserRequest get = new GetUserRequest();
        get.setUserName("ALICE2");
        GetUserResponse.User got = f.call(get).getUser();
        assertEquals(created.getUserId(), got.getUserId());
        assertEquals("renamed", got.getComments());
        assertEquals("alice@example.com", got.getEmail());

        DeleteUserRequest delete = new DeleteUserRequest();
        delete.setUserName("alice2");
        f.call(delete);
        assertFails("EntityNotExist.User", "The user does not exist.", get);
    }

    @Test
    void createUser_invalidOrDuplicate_isRefused() throws Exception {
        createUser("bob");
        CreateUserRequest again = new CreateUserRequest();
        again.setUserName("Bob");
        assertFails("EntityAlreadyExists.User", "The user does already EXIST.", again);
        CreateUserRequest bad = new CreateUserRequest();
        bad.setUserName("bob smith");
        assertFails(
                "InvalidParameter.UserName.InvalidChars", "The parameter - \"UserName\" contains invalid chars.", bad);
        bad.setUserName("b".repeat(65));
        assertFails("InvalidParameter.UserName.Length", "The parameter - \"UserName\" beyond the length limit.", bad);
        assertFails("MissingUserName", "UserName is mandatory for this action.", new CreateUserRequest());
        UpdateUserRequest rename = new UpdateUserRequest();
        rename.setUserName("bob");
        rename.setNewUserName("bob/admin");
        assertFails(
                "InvalidParameter.NewUserName.InvalidChars",
                "The parameter - \"NewUserName\" contains invalid chars.",
                rename);
        rename.setNewUserName("robert");
        rename.setNewComments("c".repeat(129));
        assertFails(
                "InvalidParameter.NewComments.Length",
                "The parameter - \"NewComments\" beyond the length limit.",
                rename);
    }

    @Test
    void listUsers_pagesWithMarker() throws Exception {
        for (String name : List.of("carol", "alice", "bob")) {
            createUser(name);
        }
        ListUsersRequest first = new ListUsersRequest();
        first.setMaxItems(2);
        ListUsersResponse page1 = f.call(first);
        assertEquals(
                List.of("alice", "bob"),
                page1.getUsers().stream()
                        .map(ListUsersResponse.User::getUserName)
                        .toList());
        assertTrue(page1.getIsTruncated());
        ListUsersRequest second = new ListUsersRequest();
        second.setMaxItems(2);
        second.setMarker(page1.getMarker());
        ListUsersResponse page2 = f.call(second);
        assertEquals(
                List.of("carol"),
                page2.getUsers().stream()
                        .map(ListUsersResponse.User::getUserName)
                        .toList());
        assertFalse(page2.getIsTruncated());
    }

    @Test
    void accessKeys_authenticateUntilInactiveAndAreLimitedToTwo() throws Exception {
        createUser("dev");
        CreateAccessKeyResponse.AccessKey key = createKey("dev");
        assertTrue(key.getAccessKeyId().startsWith("LTAI"), key.getAccessKeyId());
        assertEquals("Active", key.getStatus());

        // RAM calls by RAM users are authorized by their policies, as on RAM.
        attachSystemPolicy("dev", "AliyunRAMFullAccess");
        IAcsClient dev = f.client(key.getAccessKeyId(), key.getAccessKeySecret());
        ListAccessKeysRequest own = new ListAccessKeysRequest();
        List<ListAccessKeysResponse.AccessKey> keys = f.call(dev, own).getAccessKeys();
        assertEquals(
                List.of(key.getAccessKeyId()),
                keys.stream()
                        .map(ListAccessKeysResponse.AccessKey::getAccessKeyId)
                        .toList());

        UpdateAccessKeyRequest disable = new UpdateAccessKeyRequest();
        disable.setUserName("dev");
        disable.setUserAccessKeyId(key.getAccessKeyId());
        disable.setStatus("Inactive");
        f.call(disable);
        ClientException refused = f.failure(dev, new ListAccessKeysRequest());
        assertEquals("InvalidAccessKeyId.Inactive", refused.getErrCode());

        createKey("dev");
        CreateAccessKeyRequest third = new CreateAccessKeyRequest();
        third.setUserName("dev");
        assertFails(
                "LimitExceeded.User.AccessKey",
                "The access key count of the user access keys beyond the current limits.",
                third);

        DeleteUserRequest deleteUser = new DeleteUserRequest();
        deleteUser.setUserName("dev");
        assertFails(
                "DeleteConflict.User.AccessKey",
                "The user CAN NOT has any access key while deleting the user.",
                deleteUser);
        ListAccessKeysRequest list = new ListAccessKeysRequest();
        list.setUserName("dev");
        for (ListAccessKeysResponse.AccessKey k : f.call(list).getAccessKeys()) {
            DeleteAccessKeyRequest delete = new DeleteAccessKeyRequest();
            delete.setUserName("dev");
            delete.setUserAccessKeyId(k.getAccessKeyId());
            f.call(delete);
        }
        DetachPolicyFromUserRequest detach = new DetachPolicyFromUserRequest();
        detach.setUserName("dev");
        detach.setPolicyType("System");
        detach.setPolicyName("AliyunRAMFullAccess");
        f.call(detach);
        f.call(deleteUser);
        assertEquals(
                "InvalidAccessKeyId.NotFound",
                f.failure(dev, new ListAccessKeysRequest()).getErrCode());
    }

    @Test
    void listAccessKeys_withoutUserName_byTheAccount_listsTheAccountsOwnKeys() throws Exception {
        createUser("dev");
        createKey("dev");

        List<ListAccessKeysResponse.AccessKey> keys =
                f.call(new ListAccessKeysRequest()).getAccessKeys();

        assertEquals(1, keys.size());
        assertEquals(RpcFixture.ROOT_ID, keys.get(0).getAccessKeyId());
        assertEquals("Active", keys.get(0).getStatus());
    }

    @Test
    void roles_createGetUpdateListDelete() throws Exception {
        CreateRoleRequest create = new CreateRoleRequest();
        create.setRoleName("OssReader");
        create.setAssumeRolePolicyDocument(TRUST);
        create.setDescription("reads");
        create.setMaxSessionDuration(7200L);
        CreateRoleResponse.Role role = f.call(create).getRole();
        assertEquals("acs:ram::" + RpcFixture.ACCOUNT + ":role/ossreader", role.getArn());
        assertEquals(7200L, role.getMaxSessionDuration());
        assertEquals(TRUST, role.getAssumeRolePolicyDocument());
        assertTrue(role.getRoleId().matches("\\d{19}"), role.getRoleId());
        assertFails("EntityAlreadyExists.Role", "The role does already EXIST.", withName(create, "ossreader"));

        UpdateRoleRequest update = new UpdateRoleRequest();
        update.setRoleName("OssReader");
        update.setNewMaxSessionDuration(43200L);
        update.setNewDescription("reads more");
        assertEquals(43200L, f.call(update).getRole().getMaxSessionDuration());
        update.setNewMaxSessionDuration(43201L);
        assertFails(
                "InvalidParameter.NewMaxSessionDuration",
                "The parameter - \"NewMaxSessionDuration\" is incorrect.",
                update);

        GetRoleRequest get = new GetRoleRequest();
        get.setRoleName("ossreader");
        assertEquals("reads more", f.call(get).getRole().getDescription());
        ListRolesResponse roles = f.call(new ListRolesRequest());
        assertEquals(
                List.of("OssReader"),
                roles.getRoles().stream()
                        .map(ListRolesResponse.Role::getRoleName)
                        .toList());

        DeleteRoleRequest delete = new DeleteRoleRequest();
        delete.setRoleName("OssReader");
        f.call(delete);
        assertFails("EntityNotExist.Role", "The role does not exist.", get);
    }

    private static CreateRoleRequest withName(CreateRoleRequest template, String name) {
        CreateRoleRequest r = new CreateRoleRequest();
        r.setRoleName(name);
        r.setAssumeRolePolicyDocument(template.getAssumeRolePolicyDocument());
        return r;
    }

    @Test
    void createRole_sessionDurationOutOfRange_isInvalid() {
        CreateRoleRequest r = new CreateRoleRequest();
        r.setRoleName("short");
        r.setAssumeRolePolicyDocument(TRUST);
        r.setMaxSessionDuration(3599L);
        assertFails("InvalidParameter.MaxSessionDuration", "The parameter - \"MaxSessionDuration\" is incorrect.", r);
        r.setMaxSessionDuration(3600L);
        r.setAssumeRolePolicyDocument("{\"Version\":\"1\"}");
        assertFails(
                "MalformedPolicyDocument", "The policy document is malformed: Statement must be a non-empty list.", r);
    }

    @Test
    void policyVersions_limitRotationDefaultAndDeletes() throws Exception {
        createPolicy("ReadObjects");
        for (int i = 2; i <= 5; i++) {
            assertEquals("v" + i, addVersion("ReadObjects", i == 3, "None").getVersionId());
        }
        CreatePolicyVersionRequest sixth = new CreatePolicyVersionRequest();
        sixth.setPolicyName("ReadObjects");
        sixth.setPolicyDocument(DOC);
        assertFails("LimitExceeded.Policy.Version", "The count of policy version beyond the current limits.", sixth);
        CreatePolicyVersionResponse.PolicyVersion rotated =
                addVersion("ReadObjects", false, "DeleteOldestNonDefaultVersionWhenLimitExceeded");
        assertEquals("v6", rotated.getVersionId());
        assertFalse(rotated.getIsDefaultVersion());

        ListPolicyVersionsRequest list = new ListPolicyVersionsRequest();
        list.setPolicyName("ReadObjects");
        list.setPolicyType("Custom");
        List<ListPolicyVersionsResponse.PolicyVersion> versions = f.call(list).getPolicyVersions();
        assertEquals(
                List.of("v2", "v3", "v4", "v5", "v6"),
                versions.stream()
                        .map(ListPolicyVersionsResponse.PolicyVersion::getVersionId)
                        .toList());
        assertEquals(
                List.of(false, true, false, false, false),
                versions.stream()
                        .map(ListPolicyVersionsResponse.PolicyVersion::getIsDefaultVersion)
                        .toList());

        SetDefaultPolicyVersionRequest setDefault = new SetDefaultPolicyVersionRequest();
        setDefault.setPolicyName("ReadObjects");
        setDefault.setVersionId("v6");
        f.call(setDefault);
        GetPolicyVersionRequest getVersion = new GetPolicyVersionRequest();
        getVersion.setPolicyName("ReadObjects");
        getVersion.setPolicyType("Custom");
        getVersion.setVersionId("v6");
        GetPolicyVersionResponse.PolicyVersion v6 = f.call(getVersion).getPolicyVersion();
        assertTrue(v6.getIsDefaultVersion());
        assertEquals(DOC, v6.getPolicyDocument());
        getVersion.setVersionId("v1");
        assertFails("EntityNotExist.Policy.Version", "The policy version does not exist.", getVersion);

        DeletePolicyVersionRequest deleteDefault = new DeletePolicyVersionRequest();
        deleteDefault.setPolicyName("ReadObjects");
        deleteDefault.setVersionId("v6");
        assertFails(
                "DeleteConflict.Policy.Version.Default",
                "The default policy version CAN NOT been deleted directly.",
                deleteDefault);
        DeletePolicyRequest deletePolicy = new DeletePolicyRequest();
        deletePolicy.setPolicyName("ReadObjects");
        assertFails(
                "DeleteConflict.Policy.Version",
                "The policy CAN NOT has any version except the default version.",
                deletePolicy);
        for (String v : List.of("v2", "v3", "v4", "v5")) {
            DeletePolicyVersionRequest delete = new DeletePolicyVersionRequest();
            delete.setPolicyName("ReadObjects");
            delete.setVersionId(v);
            f.call(delete);
        }
        f.call(deletePolicy);
        GetPolicyRequest get = new GetPolicyRequest();
        get.setPolicyName("ReadObjects");
        get.setPolicyType("Custom");
        assertFails("EntityNotExist.Policy", "The policy does not exist.", get);
    }

    @Test
    void attachments_userAndRole_listedAndBlockingDeletes() throws Exception {
        createUser("alice");
        createRole("Deployer");
        createPolicy("ReadObjects");
        AttachPolicyToUserRequest toUser = new AttachPolicyToUserRequest();
        toUser.setUserName("alice");
        toUser.setPolicyType("System");
        toUser.setPolicyName("AliyunOSSReadOnlyAccess");
        f.call(toUser);
        assertFails("EntityAlreadyExists.User.Policy", "The user has already been attached this policy.", toUser);
        AttachPolicyToUserRequest customToUser = new AttachPolicyToUserRequest();
        customToUser.setUserName("alice");
        customToUser.setPolicyType("Custom");
        customToUser.setPolicyName("ReadObjects");
        f.call(customToUser);
        AttachPolicyToRoleRequest toRole = new AttachPolicyToRoleRequest();
        toRole.setRoleName("deployer");
        toRole.setPolicyType("Custom");
        toRole.setPolicyName("ReadObjects");
        f.call(toRole);

        ListPoliciesForUserRequest forUser = new ListPoliciesForUserRequest();
        forUser.setUserName("alice");
        assertEquals(
                List.of("AliyunOSSReadOnlyAccess/System", "ReadObjects/Custom"),
                f.call(forUser).getPolicies().stream()
                        .map(p -> p.getPolicyName() + "/" + p.getPolicyType())
                        .toList());
        ListPoliciesForRoleRequest forRole = new ListPoliciesForRoleRequest();
        forRole.setRoleName("Deployer");
        assertEquals(
                List.of("ReadObjects"),
                f.call(forRole).getPolicies().stream()
                        .map(ListPoliciesForRoleResponse.Policy::getPolicyName)
                        .toList());

        ListEntitiesForPolicyRequest entities = new ListEntitiesForPolicyRequest();
        entities.setPolicyType("Custom");
        entities.setPolicyName("ReadObjects");
        ListEntitiesForPolicyResponse users = f.call(entities);
        assertEquals(
                List.of("alice"),
                users.getUsers().stream()
                        .map(ListEntitiesForPolicyResponse.User::getUserName)
                        .toList());
        assertEquals(
                List.of("acs:ram::" + RpcFixture.ACCOUNT + ":role/deployer"),
                users.getRoles().stream()
                        .map(ListEntitiesForPolicyResponse.Role::getArn)
                        .toList());
        assertTrue(users.getGroups().isEmpty());
        GetPolicyRequest get = new GetPolicyRequest();
        get.setPolicyType("Custom");
        get.setPolicyName("ReadObjects");
        assertEquals(2, f.call(get).getPolicy().getAttachmentCount());

        DeletePolicyRequest deletePolicy = new DeletePolicyRequest();
        deletePolicy.setPolicyName("ReadObjects");
        assertFails(
                "DeleteConflict.Policy.User",
                "The policy CAN NOT been attached to any user while deleting the policy.",
                deletePolicy);
        DeleteRoleRequest deleteRole = new DeleteRoleRequest();
        deleteRole.setRoleName("Deployer");
        assertFails(
                "DeleteConflict.Role.Policy",
                "The role CAN NOT has any attached policy while deleting the role.",
                deleteRole);

        DetachPolicyFromUserRequest detachUser = new DetachPolicyFromUserRequest();
        detachUser.setUserName("alice");
        detachUser.setPolicyType("Custom");
        detachUser.setPolicyName("ReadObjects");
        f.call(detachUser);
        assertFails("EntityNotExist.User.Policy", "The indicate policy of the user does not exist.", detachUser);
        assertFails(
                "DeleteConflict.Policy.Role",
                "The policy CAN NOT been attached to any role while deleting the policy.",
                deletePolicy);
        DetachPolicyFromRoleRequest detachRole = new DetachPolicyFromRoleRequest();
        detachRole.setRoleName("Deployer");
        detachRole.setPolicyType("Custom");
        detachRole.setPolicyName("ReadObjects");
        f.call(detachRole);
        f.call(deletePolicy);
        f.call(deleteRole);
    }

    @Test
    void systemPolicies_listedReadableAndReserved() throws Exception {
        ListPoliciesRequest list = new ListPoliciesRequest();
        list.setPolicyType("System");
        assertEquals(
                List.of(
                        "AdministratorAccess",
                        "AliyunCDNFullAccess",
                        "AliyunOSSFullAccess",
                        "AliyunOSSReadOnlyAccess",
                        "AliyunRAMFullAccess",
                        "AliyunSTSAssumeRoleAccess"),
                f.call(list).getPolicies().stream()
                        .map(ListPoliciesResponse.Policy::getPolicyName)
                        .toList());
        GetPolicyRequest get = new GetPolicyRequest();
        get.setPolicyType("System");
        get.setPolicyName("AliyunOSSFullAccess");
        GetPolicyResponse policy = f.call(get);
        assertEquals(
                "{\"Version\":\"1\",\"Statement\":[{\"Action\":\"oss:*\",\"Resource\":\"*\",\"Effect\":\"Allow\"}]}",
                policy.getDefaultPolicyVersion().getPolicyDocument());
        assertEquals("v1", policy.getPolicy().getDefaultVersion());
        CreatePolicyRequest shadow = new CreatePolicyRequest();
        shadow.setPolicyName("AliyunOSSFullAccess");
        shadow.setPolicyDocument(DOC);
        assertFails("EntityAlreadyExists.Policy", "The policy does already EXIST.", shadow);
        get.setPolicyType("Builtin");
        assertFails("InvalidParameter.PolicyType", "The parameter - \"PolicyType\" is incorrect.", get);
    }

    @Test
    void credentials_exposeUserAndCurrentPolicies() throws Exception {
        createUser("reader");
        CreateAccessKeyResponse.AccessKey key = createKey("reader");
        AttachPolicyToUserRequest attach = new AttachPolicyToUserRequest();
        attach.setUserName("reader");
        attach.setPolicyType("System");
        attach.setPolicyName("AliyunOSSReadOnlyAccess");
        f.call(attach);
        Credential credential =
                f.emulator().credentials().find(key.getAccessKeyId()).orElseThrow();
        assertEquals(
                "acs:ram::" + RpcFixture.ACCOUNT + ":user/reader",
                credential.principal().arn());
        assertTrue(credential.principal() instanceof Principal.User);
        assertEquals(
                List.of("AliyunOSSReadOnlyAccess"),
                credential.policies().stream().map(GrantedPolicy::policyName).toList());
        assertEquals(
                "Credential[" + key.getAccessKeyId().substring(0, 4) + "…"
                        + key.getAccessKeyId().substring(key.getAccessKeyId().length() - 4) + ", acs:ram::"
                        + RpcFixture.ACCOUNT + ":user/reader]",
                credential.toString());
    }

    private void attachSystemPolicy(String user, String policy) throws Exception {
        AttachPolicyToUserRequest attach = new AttachPolicyToUserRequest();
        attach.setUserName(user);
        attach.setPolicyType("System");
        attach.setPolicyName(policy);
        f.call(attach);
    }

    @Test
    void state_survivesRestart() throws Exception {
        createUser("alice");
        CreateAccessKeyResponse.AccessKey key = createKey("alice");
        attachSystemPolicy("alice", "AliyunRAMFullAccess");
        createRole("Deployer");
        createPolicy("ReadObjects");
        addVersion("ReadObjects", true, "None");
        AttachPolicyToRoleRequest attach = new AttachPolicyToRoleRequest();
        attach.setRoleName("Deployer");
        attach.setPolicyType("Custom");
        attach.setPolicyName("ReadObjects");
        f.call(attach);

        f.restart();

        GetUserRequest getUser = new GetUserRequest();
        getUser.setUserName("alice");
        assertEquals("alice", f.call(getUser).getUser().getUserName());
        assertEquals(
                1,
                f.call(f.client(key.getAccessKeyId(), key.getAccessKeySecret()), new ListAccessKeysRequest())
                        .getAccessKeys()
                        .size());
        GetPolicyRequest getPolicy = new GetPolicyRequest();
        getPolicy.setPolicyType("Custom");
        getPolicy.setPolicyName("ReadObjects");
        assertEquals("v2", f.call(getPolicy).getPolicy().getDefaultVersion());
        ListPoliciesForRoleRequest forRole = new ListPoliciesForRoleRequest();
        forRole.setRoleName("Deployer");
        assertEquals(1, f.call(forRole).getPolicies().size());
    }

    private UpdatePolicyDescriptionRequest describePolicy(String name, String description) {
        UpdatePolicyDescriptionRequest r = new UpdatePolicyDescriptionRequest();
        r.setPolicyName(name);
        r.setNewDescription(description);
        return r;
    }

    @Test
    void updatePolicyDescription_customPolicy_answersPolicyAndPersists() throws Exception {
        createPolicy("ReadObjects");
        GetPolicyRequest get = new GetPolicyRequest();
        get.setPolicyType("Custom");
        get.setPolicyName("ReadObjects");
        String created = f.call(get).getPolicy().getCreateDate();
        f.clock().advance(Duration.ofMinutes(2)); // within the signature timestamp window

        UpdatePolicyDescriptionResponse.Policy answer =
                f.call(describePolicy("ReadObjects", "reads every object")).getPolicy();

        assertEquals("ReadObjects", answer.getPolicyName());
        assertEquals("Custom", answer.getPolicyType());
        assertEquals("reads every object", answer.getDescription());
        assertEquals("v1", answer.getDefaultVersion());
        assertEquals(created, answer.getCreateDate());
        assertEquals(
                Instant.parse(created).plus(Duration.ofMinutes(2)).getEpochSecond(),
                Instant.parse(answer.getUpdateDate()).getEpochSecond(),
                2);
        f.restart();
        GetPolicyResponse.Policy read = f.call(get).getPolicy();
        assertEquals("reads every object", read.getDescription());
        assertEquals(answer.getUpdateDate(), read.getUpdateDate());
        assertEquals("v1", read.getDefaultVersion());
    }

    @Test
    void updatePolicyDescription_unknownOrSystemPolicy_entityNotExist() throws Exception {
        assertFails("EntityNotExist.Policy", "The policy does not exist.", describePolicy("NoSuchPolicy", "x"));
        assertFails(
                "EntityNotExist.Policy",
                "The policy does not exist.",
                describePolicy("AliyunOSSReadOnlyAccess", "mine now"));
        GetPolicyRequest system = new GetPolicyRequest();
        system.setPolicyType("System");
        system.setPolicyName("AliyunOSSReadOnlyAccess");
        assertEquals("只读访问对象存储服务（OSS）的权限", f.call(system).getPolicy().getDescription());
    }

    @Test
    void updatePolicyDescription_tooLongOrMissing_refusedAndUnchanged() throws Exception {
        createPolicy("ReadObjects");
        assertEquals(
                "x".repeat(1024),
                f.call(describePolicy("ReadObjects", "x".repeat(1024)))
                        .getPolicy()
                        .getDescription());
        assertFails(
                "InvalidParameter.NewDescription.Length",
                "The parameter - \"NewDescription\" beyond the length limit.",
                describePolicy("ReadObjects", "y".repeat(1025)));
        UpdatePolicyDescriptionRequest missing = new UpdatePolicyDescriptionRequest();
        missing.setPolicyName("ReadObjects");
        assertFails("MissingNewDescription", "NewDescription is mandatory for this action.", missing);
        assertFails(
                "MissingPolicyName", "PolicyName is mandatory for this action.", new UpdatePolicyDescriptionRequest());
        GetPolicyRequest get = new GetPolicyRequest();
        get.setPolicyType("Custom");
        get.setPolicyName("ReadObjects");
        assertEquals("x".repeat(1024), f.call(get).getPolicy().getDescription());
    }

    @Test
    void updateRole_descriptionTooLong_namesNewDescription() throws Exception {
        createRole("Deployer");
        UpdateRoleRequest update = new UpdateRoleRequest();
        update.setRoleName("Deployer");
        update.setNewDescription("d".repeat(1025));
        assertFails(
                "InvalidParameter.NewDescription.Length",
                "The parameter - \"NewDescription\" beyond the length limit.",
                update);
    }

    @Test
    void updatePolicyDescription_ramUser_authorizedOnThePolicyResource() throws Exception {
        createPolicy("ReadObjects");
        createPolicy("OtherPolicy");
        CreatePolicyRequest grant = new CreatePolicyRequest();
        grant.setPolicyName("DescribeReadObjects");
        grant.setPolicyDocument(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ram:UpdatePolicyDescription\","
                        + "\"Resource\":\"acs:ram:*:*:policy/ReadObjects\"}]}");
        f.call(grant);
        createUser("editor");
        AttachPolicyToUserRequest attach = new AttachPolicyToUserRequest();
        attach.setUserName("editor");
        attach.setPolicyType("Custom");
        attach.setPolicyName("DescribeReadObjects");
        f.call(attach);
        CreateAccessKeyResponse.AccessKey key = createKey("editor");
        IAcsClient editor = f.client(key.getAccessKeyId(), key.getAccessKeySecret());

        assertEquals(
                "by the editor",
                f.call(editor, describePolicy("ReadObjects", "by the editor"))
                        .getPolicy()
                        .getDescription());
        ClientException refused = f.failure(editor, describePolicy("OtherPolicy", "by the editor"));
        assertEquals("NoPermission", refused.getErrCode());
        assertEquals(
                "You are not authorized to operate on the specified resource, or this API does not support RAM.",
                refused.getErrMsg());
    }
}
