package dev.ossops.cli;

import com.aliyuncs.ram.model.v20150501.AttachPolicyToUserRequest;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyRequest;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyResponse;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.ram.model.v20150501.CreateUserRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.rpc.MutableClock;
import dev.ossops.emulator.rpc.RpcFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ossops sts-token} against the RPC emulator, configured by QWEN_TMP_OSS_* with its URL as the endpoint. */
class StsTokenCommandIT {
    @TempDir
    Path dir;

    private RpcFixture f;
    private CreateAccessKeyResponse.AccessKey vendor;

    @BeforeEach
    void start() throws Exception {
        f = new RpcFixture(dir, MutableClock.system());
        CreateRoleRequest role = new CreateRoleRequest();
        role.setRoleName("browser-upload");
        role.setAssumeRolePolicyDocument(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Principal\":{\"RAM\":[\"acs:ram::" + RpcFixture.ACCOUNT + ":root\"]}}]}");
        f.call(role);
        // STS takes AssumeRole from RAM users only: the command runs as one allowed sts:AssumeRole.
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
        vendor = f.call(key).getAccessKey();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private Map<String, String> env() {
        return env(vendor.getAccessKeyId(), vendor.getAccessKeySecret());
    }

    private Map<String, String> env(String keyId, String secret) {
        return Map.of(
                "QWEN_TMP_OSS_BUCKET",
                "media",
                "QWEN_TMP_OSS_REGION",
                "cn-hangzhou",
                "QWEN_TMP_OSS_ENDPOINT",
                "http://127.0.0.1:" + f.port(),
                "QWEN_TMP_OSS_AK_ID",
                keyId,
                "QWEN_TMP_OSS_AK_SECRET",
                secret);
    }

    @Test
    void stsToken_prefixAndActions_printsCredentialsWithTheSessionPolicy() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.run(
                new String[] {
                    "sts-token",
                    "--role",
                    "acs:ram::" + RpcFixture.ACCOUNT + ":role/browser-upload",
                    "--prefix",
                    "users/42",
                    "--actions",
                    "PutObject,oss:GetObject",
                    "--duration",
                    "1200"
                },
                new PrintWriter(out),
                new PrintWriter(err),
                env());

        assertEquals(0, exit, err.toString());
        assertEquals("", err.toString());
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertEquals(
                List.of(
                        "AccessKeyId",
                        "AccessKeySecret",
                        "SecurityToken",
                        "Expiration",
                        "AssumedRoleArn",
                        "bucket",
                        "region",
                        "prefix",
                        "policy"),
                names(result));
        assertTrue(result.get("AccessKeyId").asText().startsWith("STS."));
        assertEquals(
                "acs:ram::" + RpcFixture.ACCOUNT + ":assumed-role/browser-upload/ossops-uploader",
                result.get("AssumedRoleArn").asText());
        assertEquals(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:PutObject\",\"oss:GetObject\"],"
                        + "\"Resource\":[\"acs:oss:*:*:media/users/42/*\"]}]}",
                result.get("policy").toString());
        assertFalse(out.toString().contains(vendor.getAccessKeySecret()));
    }

    @Test
    void stsToken_withTheAccountsRootKey_saysToUseARamUserWithTheKeyMasked() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(
                new String[] {"sts-token", "--role", "browser-upload", "--prefix", "users/42"},
                new PrintWriter(out),
                new PrintWriter(err),
                env(RpcFixture.ROOT_ID, RpcFixture.ROOT_SECRET));
        assertEquals(1, exit);
        assertEquals("", out.toString());
        assertEquals(
                "error: STS refused AssumeRole: the credentials from QWEN_TMP_OSS_AK_ID/QWEN_TMP_OSS_AK_SECRET (LTAI…abcd)"
                        + " are the account's root AccessKey, and STS issues role credentials only to RAM users and roles (NoPermission:"
                        + " Roles may not be assumed by root accounts.). Use the AccessKey of a RAM user allowed sts:AssumeRole on the role"
                        + " (for example with the AliyunSTSAssumeRoleAccess policy).\n",
                err.toString());
    }

    @Test
    void stsToken_bucketLevelAction_isRefused() {
        StringWriter err = new StringWriter();
        int exit = Main.run(
                new String[] {"sts-token", "--role", "browser-upload", "--prefix", "p", "--actions", "ListObjects"},
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                env());
        assertEquals(1, exit);
        assertTrue(
                err.toString()
                        .startsWith(
                                "error: oss:ListObjects applies to a bucket, not to objects: a policy on bucket/prefix/* cannot grant it\n"),
                err.toString());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
