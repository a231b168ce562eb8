package dev.ossops.serve;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
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
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.cloud.credentials.RefreshingCredentialSource;
import dev.ossops.emulator.Emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * What the serve tests set up as an operator would on the real service: an upload role trusted by the account whose own
 * policy allows PutObject under {@code uploads/}, and a RAM user (never the root account) allowed to assume it and to
 * read and write under {@code uploads/}, with an AccessKey the service runs as. Also a plain HTTP client for the API.
 */
final class ServeFixture {
    static final String ALICE_KEY = "alice-key-0123456789abcdef";
    static final String BOB_KEY = "bob-key-0123456789abcdef";

    record Identity(String roleArn, String accessKeyId, String accessKeySecret) {
        CredentialSource credentials() {
            Credentials c = Credentials.of(accessKeyId, accessKeySecret);
            return new CredentialSource() {
                @Override
                public Credentials resolve() {
                    return c;
                }

                @Override
                public String describe() {
                    return "the test's RAM user " + c.maskedAccessKeyId();
                }
            };
        }

        CloudTarget target(Emulator emulator) {
            return CloudTarget.single(emulator.endpoint(), emulator.config().region(), refreshing());
        }

        RefreshingCredentialSource refreshing() {
            return new RefreshingCredentialSource(credentials(), Duration.ofMinutes(5), Clock.systemUTC());
        }
    }

    private ServeFixture() {}

    /** Role {@code <name>-role} and user {@code <name>-app} for {@code bucket}; returns the user's key and the role ARN. */
    static Identity identity(Emulator emulator, String bucket, String name) {
        String account = emulator.config().accountId();
        CreateRoleRequest role = new CreateRoleRequest();
        role.setRoleName(name + "-role");
        role.setAssumeRolePolicyDocument(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Principal\":{\"RAM\":[\"acs:ram::" + account + ":root\"]}}]}");
        String roleArn = call(emulator, role).getRole().getArn();
        policy(
                emulator,
                name + "-role-policy",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:PutObject\","
                        + "\"Resource\":\"acs:oss:*:*:" + bucket + "/uploads/*\"}]}");
        AttachPolicyToRoleRequest toRole = new AttachPolicyToRoleRequest();
        toRole.setPolicyType("Custom");
        toRole.setPolicyName(name + "-role-policy");
        toRole.setRoleName(name + "-role");
        call(emulator, toRole);

        CreateUserRequest user = new CreateUserRequest();
        user.setUserName(name + "-app");
        call(emulator, user);
        policy(
                emulator,
                name + "-app-policy",
                "{\"Version\":\"1\",\"Statement\":["
                        + "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"" + roleArn + "\"},"
                        + "{\"Effect\":\"Allow\",\"Action\":[\"oss:PutObject\",\"oss:GetObject\"],\"Resource\":\"acs:oss:*:*:"
                        + bucket
                        + "/uploads/*\"}]}");
        AttachPolicyToUserRequest toUser = new AttachPolicyToUserRequest();
        toUser.setPolicyType("Custom");
        toUser.setPolicyName(name + "-app-policy");
        toUser.setUserName(name + "-app");
        call(emulator, toUser);
        CreateAccessKeyRequest key = new CreateAccessKeyRequest();
        key.setUserName(name + "-app");
        CreateAccessKeyResponse.AccessKey created = call(emulator, key).getAccessKey();
        return new Identity(roleArn, created.getAccessKeyId(), created.getAccessKeySecret());
    }

    private static void policy(Emulator emulator, String name, String document) {
        CreatePolicyRequest policy = new CreatePolicyRequest();
        policy.setPolicyName(name);
        policy.setPolicyDocument(document);
        call(emulator, policy);
    }

    /** An RPC call with the emulator's root key: the operator's setup, not the service's traffic. */
    static <T extends AcsResponse> T call(Emulator emulator, AcsRequest<T> request) {
        request.setSysEndpoint("127.0.0.1:" + emulator.endpoint().getPort());
        request.setSysProtocol(ProtocolType.HTTP);
        DefaultAcsClient client = new DefaultAcsClient(DefaultProfile.getProfile(
                emulator.config().region(),
                emulator.rootKey().id(),
                emulator.rootKey().secret()));
        try {
            return client.getAcsResponse(request);
        } catch (ClientException e) {
            throw new AssertionError("RPC call failed: " + e.getErrCode() + " " + e.getErrMsg(), e);
        } finally {
            client.shutdown();
        }
    }

    /** Calls the service: {@code key} may be null (no Authorization), {@code json} null for a GET. */
    static HttpResponse<String> send(HttpClient http, URI base, String method, String path, String key, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
