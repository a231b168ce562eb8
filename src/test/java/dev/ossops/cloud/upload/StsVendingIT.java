package dev.ossops.cloud.upload;

import com.aliyuncs.ram.model.v20150501.AttachPolicyToRoleRequest;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToUserRequest;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyRequest;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyResponse;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.ram.model.v20150501.CreateUserRequest;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.emulator.rpc.MutableClock;
import dev.ossops.emulator.rpc.Principal;
import dev.ossops.emulator.rpc.RpcFixture;
import dev.ossops.upload.SessionPolicies;
import dev.ossops.upload.UploadException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AssumeRole through {@link StsVending} against the RPC emulator (STS is served there; the OSS
 * emulator on this branch does not yet enforce session policies on object requests).
 */
class StsVendingIT {
    @TempDir
    Path dir;

    private RpcFixture f;
    private StsVending sts;

    @BeforeEach
    void start() throws Exception {
        f = new RpcFixture(dir, MutableClock.system());
        CreateRoleRequest role = new CreateRoleRequest();
        role.setRoleName("Uploader");
        role.setAssumeRolePolicyDocument(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Principal\":{\"RAM\":[\"acs:ram::" + RpcFixture.ACCOUNT + ":root\"]}}]}");
        role.setMaxSessionDuration(3600L);
        f.call(role);
        AttachPolicyToRoleRequest attach = new AttachPolicyToRoleRequest();
        attach.setRoleName("Uploader");
        attach.setPolicyType("System");
        attach.setPolicyName("AliyunOSSFullAccess");
        f.call(attach);
        CreateUserRequest user = new CreateUserRequest();
        user.setUserName("vendor");
        f.call(user);
        AttachPolicyToUserRequest allowed = new AttachPolicyToUserRequest();
        allowed.setUserName("vendor");
        allowed.setPolicyType("System");
        allowed.setPolicyName("AliyunSTSAssumeRoleAccess");
        f.call(allowed);
        CreateAccessKeyRequest key = new CreateAccessKeyRequest();
        key.setUserName("vendor");
        CreateAccessKeyResponse.AccessKey created = f.call(key).getAccessKey();
        sts = vending(created.getAccessKeyId(), created.getAccessKeySecret());
    }

    private StsVending vending(String keyId, String secret) {
        CredentialSource source = new CredentialSource() {
            @Override
            public Credentials resolve() {
                return Credentials.of(keyId, secret);
            }

            @Override
            public String describe() {
                return "the test's key";
            }
        };
        return new StsVending(CloudTarget.single(URI.create("http://127.0.0.1:" + f.port()), "cn-hangzhou", source));
    }

    @AfterEach
    void stop() {
        sts.close();
        f.close();
    }

    @Test
    void assume_roleName_issuesCredentialsBoundByThePrefixPolicy() {
        String policy = SessionPolicies.forPrefix("media", "uploads/u1", List.of("PutObject"));
        Instant before = Instant.now();

        StsVending.Issued issued = sts.assume("Uploader", "browser-1", policy, 900);

        assertTrue(issued.accessKeyId().startsWith("STS."), issued.accessKeyId());
        assertFalse(issued.securityToken().isEmpty());
        assertTrue(
                !issued.expiration().isBefore(before.plusSeconds(899)),
                issued.expiration().toString());
        assertEquals("acs:ram::" + RpcFixture.ACCOUNT + ":assumed-role/uploader/browser-1", issued.assumedRoleArn());
        Principal.AssumedRole principal = (Principal.AssumedRole) f.emulator()
                .credentials()
                .find(issued.accessKeyId())
                .orElseThrow()
                .principal();
        assertEquals(
                Optional.of("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:PutObject\"],"
                        + "\"Resource\":[\"acs:oss:*:*:media/uploads/u1/*\"]}]}"),
                principal.sessionPolicy());
        assertFalse(issued.toString().contains(issued.accessKeySecret()));
        assertFalse(issued.toString().contains(issued.securityToken()));
    }

    /** STS refuses AssumeRole signed with an account's root key; the message names the key, masked, and the way out. */
    @Test
    void assume_withTheAccountsRootKey_saysToUseARamUser() {
        try (StsVending root = vending(RpcFixture.ROOT_ID, RpcFixture.ROOT_SECRET)) {
            UploadException e =
                    assertThrows(UploadException.class, () -> root.assume("Uploader", "browser-1", "{}", 900));
            assertEquals(
                    "STS refused AssumeRole: the credentials from the test's key (LTAI…abcd) are the account's root AccessKey,"
                            + " and STS issues role credentials only to RAM users and roles (NoPermission: Roles may not be assumed by root"
                            + " accounts.). Use the AccessKey of a RAM user allowed sts:AssumeRole on the role (for example with the"
                            + " AliyunSTSAssumeRoleAccess policy).",
                    e.getMessage());
            assertFalse(e.getMessage().contains(RpcFixture.ROOT_SECRET));
        }
    }

    @Test
    void assume_durationOutOfRange_isRefusedBeforeCalling() {
        UploadException e = assertThrows(UploadException.class, () -> sts.assume("Uploader", "s", "{}", 60));
        assertEquals("--duration must be between 900 and 43200 seconds, got 60", e.getMessage());
    }
}
