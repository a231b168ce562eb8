package dev.ossops.upload.e2e;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToRoleRequest;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToUserRequest;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyRequest;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyResponse;
import com.aliyuncs.ram.model.v20150501.CreatePolicyRequest;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.ram.model.v20150501.CreateUserRequest;
import dev.ossops.cli.Main;
import dev.ossops.emulator.Emulator;
import org.junit.jupiter.api.function.Executable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the end-to-end proofs share: the CLI run in-process, RAM/STS calls on the emulator port, SDK clients for any keys. */
final class E2e {
    private E2e() {}

    /** One {@code ossops} run: exit code, stdout, stderr. */
    record Run(int exit, String out, String err) {}

    static Run ossops(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The {@code QWEN_TMP_OSS_*} configuration pointing the uploader at the emulator (http) with these keys. */
    static Map<String, String> env(Emulator emulator, String bucket, String keyId, String secret) {
        Map<String, String> env = new HashMap<>();
        env.put("QWEN_TMP_OSS_BUCKET", bucket);
        env.put("QWEN_TMP_OSS_REGION", emulator.config().region());
        env.put("QWEN_TMP_OSS_ENDPOINT", emulator.endpoint().toString());
        env.put("QWEN_TMP_OSS_AK_ID", keyId);
        env.put("QWEN_TMP_OSS_AK_SECRET", secret);
        return env;
    }

    /** The same, with the emulator's root keys. */
    static Map<String, String> rootEnv(Emulator emulator, String bucket) {
        return env(emulator, bucket, emulator.rootKey().id(), emulator.rootKey().secret());
    }

    /**
     * The configuration for a RAM user {@code name}, created here with AliyunSTSAssumeRoleAccess and an AccessKey:
     * STS takes AssumeRole from RAM users, never from the account's root key.
     */
    static Map<String, String> stsVendorEnv(Emulator emulator, String bucket, String name) {
        CreateUserRequest user = new CreateUserRequest();
        user.setUserName(name);
        call(emulator, user);
        AttachPolicyToUserRequest allowed = new AttachPolicyToUserRequest();
        allowed.setUserName(name);
        allowed.setPolicyType("System");
        allowed.setPolicyName("AliyunSTSAssumeRoleAccess");
        call(emulator, allowed);
        CreateAccessKeyRequest key = new CreateAccessKeyRequest();
        key.setUserName(name);
        CreateAccessKeyResponse.AccessKey created = call(emulator, key).getAccessKey();
        return env(emulator, bucket, created.getAccessKeyId(), created.getAccessKeySecret());
    }

    /** The emulator's root RPC client (RAM, STS). */
    static IAcsClient rootRpc(Emulator emulator) {
        return new DefaultAcsClient(DefaultProfile.getProfile(
                emulator.config().region(),
                emulator.rootKey().id(),
                emulator.rootKey().secret()));
    }

    /** Sends an RPC request to the emulator's one port over plain HTTP. */
    static <T extends AcsResponse> T call(Emulator emulator, AcsRequest<T> request) {
        request.setSysEndpoint("127.0.0.1:" + emulator.endpoint().getPort());
        request.setSysProtocol(ProtocolType.HTTP);
        try {
            return rootRpc(emulator).getAcsResponse(request);
        } catch (ClientException e) {
            throw new AssertionError("RPC call failed: " + e.getErrCode() + " " + e.getErrMsg(), e);
        }
    }

    /** An OSS client for any credentials (token may be null); errors are not retried, the caller shuts it down. */
    static OSS oss(Emulator emulator, SignVersion version, String id, String secret, String token) {
        return oss(emulator, version, id, secret, token, 0);
    }

    /** The same, with the client's clock {@code tickOffsetMillis} ahead (for an emulator whose clock was moved). */
    static OSS oss(
            Emulator emulator, SignVersion version, String id, String secret, String token, long tickOffsetMillis) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        if (tickOffsetMillis != 0) {
            // The SDK takes the server's current time in epoch millis and keeps the difference to its own clock.
            conf.setTickOffset(System.currentTimeMillis() + tickOffsetMillis);
        }
        conf.setSignatureVersion(version);
        conf.setMaxErrorRetry(0);
        DefaultCredentialProvider provider = token == null
                ? new DefaultCredentialProvider(id, secret)
                : new DefaultCredentialProvider(id, secret, token);
        return OSSClientBuilder.create()
                .endpoint(emulator.endpoint().toString())
                .credentialsProvider(provider)
                .clientConfiguration(conf)
                .region(emulator.config().region())
                .build();
    }

    /** A root OSS client; the caller shuts it down. */
    static OSS root(Emulator emulator, SignVersion version) {
        return oss(
                emulator, version, emulator.rootKey().id(), emulator.rootKey().secret(), null);
    }

    /** A role trusted by the account whose own policy allows oss:* on the bucket; returns its ARN. */
    static String roleWithFullBucketAccess(Emulator emulator, String bucket, String name) {
        CreateRoleRequest role = new CreateRoleRequest();
        role.setRoleName(name);
        role.setAssumeRolePolicyDocument(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Principal\":{\"RAM\":[\"acs:ram::"
                        + emulator.config().accountId() + ":root\"]}}]}");
        String arn = call(emulator, role).getRole().getArn();
        CreatePolicyRequest policy = new CreatePolicyRequest();
        policy.setPolicyName(name + "-all");
        policy.setPolicyDocument(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":"
                        + "[\"acs:oss:*:*:" + bucket + "\",\"acs:oss:*:*:" + bucket + "/*\"]}]}");
        call(emulator, policy);
        AttachPolicyToRoleRequest attach = new AttachPolicyToRoleRequest();
        attach.setPolicyType("Custom");
        attach.setPolicyName(name + "-all");
        attach.setRoleName(name);
        call(emulator, attach);
        return arn;
    }

    /** Asserts that the call is refused with AccessDenied. */
    static void assertDenied(Executable call) {
        OSSException e = assertThrows(OSSException.class, call);
        assertEquals("AccessDenied", e.getErrorCode(), e.getRawResponseError());
    }
}
