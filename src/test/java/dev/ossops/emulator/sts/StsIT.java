package dev.ossops.emulator.sts;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToRoleRequest;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToUserRequest;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyRequest;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyResponse;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.ram.model.v20150501.CreateUserRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleResponse;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityResponse;
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
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** STS 2015-04-01 driven by the official {@code aliyun-java-sdk-sts} client. */
class StsIT {
    private static final String ACCOUNT = RpcFixture.ACCOUNT;
    private static final String ROLE_ARN = "acs:ram::" + ACCOUNT + ":role/deployer";
    private static final String SESSION_POLICY =
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"acs:oss:*:*:b/*\"}]}";

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

    private String createRole(String name, String principals, long maxSession) throws ClientException {
        CreateRoleRequest r = new CreateRoleRequest();
        r.setRoleName(name);
        r.setAssumeRolePolicyDocument(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Principal\":{\"RAM\":" + principals + "}}]}");
        r.setMaxSessionDuration(maxSession);
        return f.call(r).getRole().getRoleId();
    }

    private IAcsClient userClient(String name) throws ClientException {
        CreateUserRequest user = new CreateUserRequest();
        user.setUserName(name);
        f.call(user);
        CreateAccessKeyRequest key = new CreateAccessKeyRequest();
        key.setUserName(name);
        CreateAccessKeyResponse.AccessKey created = f.call(key).getAccessKey();
        // A RAM user needs sts:AssumeRole in its own policies besides the role's trust.
        AttachPolicyToUserRequest attach = new AttachPolicyToUserRequest();
        attach.setUserName(name);
        attach.setPolicyType("System");
        attach.setPolicyName("AliyunSTSAssumeRoleAccess");
        f.call(attach);
        return f.client(created.getAccessKeyId(), created.getAccessKeySecret());
    }

    private static AssumeRoleRequest assume(String arn, String session) {
        AssumeRoleRequest r = new AssumeRoleRequest();
        r.setRoleArn(arn);
        r.setRoleSessionName(session);
        return r;
    }

    private void assertFails(IAcsClient client, String code, String message, AssumeRoleRequest request) {
        ClientException e = f.failure(client, request);
        assertEquals(code, e.getErrCode());
        assertEquals(message, e.getErrMsg());
    }

    @Test
    void assumeRole_withTheAccountsRootKey_isNoPermission() throws Exception {
        createRole("Deployer", "[\"acs:ram::" + ACCOUNT + ":root\"]", 3600);
        assertFails(
                f.root(),
                "NoPermission",
                "Roles may not be assumed by root accounts.",
                assume(ROLE_ARN, "root-session"));
        AssumeRoleRequest invalid = assume("arn:deployer", "x");
        assertFails(f.root(), "NoPermission", "Roles may not be assumed by root accounts.", invalid);
    }

    @Test
    void assumeRole_byUserOfTrustedAccount_issuesWorkingSessionCredentials() throws Exception {
        String roleId = createRole("Deployer", "[\"acs:ram::" + ACCOUNT + ":root\"]", 3600);
        IAcsClient ci = userClient("ci");
        AttachPolicyToRoleRequest attach = new AttachPolicyToRoleRequest();
        attach.setRoleName("Deployer");
        attach.setPolicyType("System");
        attach.setPolicyName("AliyunOSSFullAccess");
        f.call(attach);
        AssumeRoleRequest request = assume(ROLE_ARN, "ci-run.1@x");
        request.setDurationSeconds(900L);
        request.setPolicy(SESSION_POLICY);
        Instant before = Instant.now();
        AssumeRoleResponse response = f.call(ci, request);

        AssumeRoleResponse.Credentials credentials = response.getCredentials();
        assertTrue(credentials.getAccessKeyId().startsWith("STS."), credentials.getAccessKeyId());
        assertTrue(credentials.getSecurityToken().startsWith("CAIS"));
        Instant expiration = Instant.parse(credentials.getExpiration());
        assertTrue(
                !expiration.isBefore(before.plusSeconds(899))
                        && !expiration.isAfter(Instant.now().plusSeconds(900)),
                expiration.toString());
        assertEquals(
                "acs:ram::" + ACCOUNT + ":assumed-role/deployer/ci-run.1@x",
                response.getAssumedRoleUser().getArn());
        assertEquals(roleId + ":ci-run.1@x", response.getAssumedRoleUser().getAssumedRoleId());

        IAcsClient session = f.sessionClient(
                credentials.getAccessKeyId(), credentials.getAccessKeySecret(), credentials.getSecurityToken());
        GetCallerIdentityResponse identity = f.call(session, new GetCallerIdentityRequest());
        assertEquals("AssumedRoleUser", identity.getIdentityType());
        assertEquals(response.getAssumedRoleUser().getArn(), identity.getArn());
        assertEquals(roleId, identity.getRoleId());
        assertEquals(ACCOUNT, identity.getAccountId());

        Credential issued =
                f.emulator().credentials().find(credentials.getAccessKeyId()).orElseThrow();
        Principal.AssumedRole principal = (Principal.AssumedRole) issued.principal();
        assertEquals("Deployer", principal.roleName());
        assertEquals(Optional.of(SESSION_POLICY), principal.sessionPolicy());
        assertEquals(
                List.of("AliyunOSSFullAccess"),
                issued.policies().stream().map(GrantedPolicy::policyName).toList());
        assertEquals(Optional.of(expiration), issued.expiration());
    }

    @Test
    void assumeRole_sessionWithWrongToken_isRefused() throws Exception {
        createRole("Deployer", "\"acs:ram::" + ACCOUNT + ":root\"", 3600);
        AssumeRoleResponse.Credentials c =
                f.call(userClient("ci"), assume(ROLE_ARN, "s1")).getCredentials();
        ClientException e = f.failure(
                f.sessionClient(c.getAccessKeyId(), c.getAccessKeySecret(), "CAISforged"),
                new GetCallerIdentityRequest());
        assertEquals("InvalidSecurityToken.MismatchWithAccessKey", e.getErrCode());
    }

    @Test
    void assumeRole_trustNamesUser_onlyThatUserMayAssume() throws Exception {
        createRole("Deployer", "[\"acs:ram::" + ACCOUNT + ":user/alice\"]", 3600);
        IAcsClient alice = userClient("alice");
        IAcsClient bob = userClient("bob");
        assertEquals(
                "acs:ram::" + ACCOUNT + ":assumed-role/deployer/alice-session",
                f.call(alice, assume(ROLE_ARN, "alice-session"))
                        .getAssumedRoleUser()
                        .getArn());
        String denied = "You are not authorized to do this action. You should be authorized by RAM.";
        assertFails(bob, "NoPermission", denied, assume(ROLE_ARN, "bob-session"));
        assertFails(
                f.root(),
                "NoPermission",
                "Roles may not be assumed by root accounts.",
                assume(ROLE_ARN, "root-session"));
    }

    @Test
    void assumeRole_invalidParameters_areRefused() throws Exception {
        createRole("Deployer", "\"acs:ram::" + ACCOUNT + ":root\"", 7200);
        IAcsClient caller = userClient("ci");
        assertFails(
                caller,
                "InvalidParameter.RoleArn",
                "The parameter RoleArn is wrongly formed.",
                assume("arn:deployer", "s1"));
        assertFails(
                caller,
                "EntityNotExist.Role",
                "The specified Role not exists.",
                assume("acs:ram::" + ACCOUNT + ":role/missing", "s1"));
        assertFails(
                caller,
                "EntityNotExist.Role",
                "The specified Role not exists.",
                assume("acs:ram::6543210987654321:role/deployer", "s1"));
        assertFails(
                caller,
                "InvalidParameter.RoleSessionName",
                "The parameter RoleSessionName is wrongly formed.",
                assume(ROLE_ARN, "x"));
        assertFails(
                caller,
                "InvalidParameter.RoleSessionName",
                "The parameter RoleSessionName is wrongly formed.",
                assume(ROLE_ARN, "a b"));
        AssumeRoleRequest tooShort = assume(ROLE_ARN, "s1");
        tooShort.setDurationSeconds(899L);
        assertFails(
                caller,
                "InvalidParameter.DurationSeconds",
                "The Min/Max value of DurationSeconds is 15min/1hr.",
                tooShort);
        AssumeRoleRequest tooLong = assume(ROLE_ARN, "s1");
        tooLong.setDurationSeconds(7201L);
        assertFails(
                caller,
                "InvalidParameter.DurationSeconds",
                "The Min/Max value of DurationSeconds is 15min/1hr.",
                tooLong);
        AssumeRoleRequest badPolicy = assume(ROLE_ARN, "s1");
        badPolicy.setPolicy("{not json");
        assertFails(
                caller,
                "InvalidParameter.PolicyGrammar",
                "The parameter Policy has not passed grammar check.",
                badPolicy);
        AssumeRoleRequest tooBig = assume(ROLE_ARN, "s1");
        tooBig.setPolicy(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\""
                        + "x".repeat(2048) + "\"}]}");
        assertFails(
                caller, "InvalidParameter.PolicySize", "The size of Policy must be smaller than 2048 bytes.", tooBig);
        AssumeRoleRequest missing = new AssumeRoleRequest();
        missing.setRoleSessionName("s1");
        assertFails(caller, "MissingRoleArn", "RoleArn is mandatory for this action.", missing);
    }

    @Test
    void getCallerIdentity_rootAndUser() throws Exception {
        GetCallerIdentityResponse root = f.call(new GetCallerIdentityRequest());
        assertEquals("Account", root.getIdentityType());
        assertEquals("acs:ram::" + ACCOUNT + ":root", root.getArn());
        assertEquals(ACCOUNT, root.getPrincipalId());
        GetCallerIdentityResponse user = f.call(userClient("Alice"), new GetCallerIdentityRequest());
        assertEquals("RAMUser", user.getIdentityType());
        assertEquals("acs:ram::" + ACCOUNT + ":user/alice", user.getArn());
        assertTrue(user.getUserId().matches("\\d{16}"), user.getUserId());
    }

    @Test
    void sessions_surviveRestartAndExpireWithTheClock() throws Exception {
        createRole("Deployer", "\"acs:ram::" + ACCOUNT + ":root\"", 3600);
        AssumeRoleRequest request = assume(ROLE_ARN, "s1");
        request.setDurationSeconds(900L);
        AssumeRoleResponse.Credentials c = f.call(userClient("ci"), request).getCredentials();
        f.restart();
        IAcsClient session = f.sessionClient(c.getAccessKeyId(), c.getAccessKeySecret(), c.getSecurityToken());
        assertEquals(
                "AssumedRoleUser",
                f.call(session, new GetCallerIdentityRequest()).getIdentityType());
        Credential issued = f.emulator().credentials().find(c.getAccessKeyId()).orElseThrow();
        Instant expiry = Instant.parse(c.getExpiration());
        assertEquals(Optional.empty(), issued.refusal(c.getSecurityToken(), expiry.minus(Duration.ofSeconds(1))));
        assertEquals(
                Optional.of(dev.ossops.emulator.rpc.CredentialRefusal.EXPIRED),
                issued.refusal(c.getSecurityToken(), expiry));
    }
}
