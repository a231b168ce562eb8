package dev.ossops.emulator.authz;

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
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
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
import com.aliyuncs.ram.model.v20150501.GetUserRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleResponse;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorConfig;
import dev.ossops.emulator.rpc.MutableClock;
import dev.ossops.emulator.service.BucketConfigRegistry;
import org.junit.jupiter.api.function.Executable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A real emulator (OSS and RPC on one port) over a temp dir, with a clock tests can move, the
 * official RAM/STS/CDN clients pointed at that port and OSS clients for any credentials. Every
 * client it hands out is shut down by {@link #close()}.
 */
final class AuthzFixture implements AutoCloseable {
    private final MutableClock clock = MutableClock.system();
    private final Emulator emulator;
    private final List<OSS> clients = new ArrayList<>();
    private int policies;
    private Credentials stsCaller;

    AuthzFixture(Path dataDir) {
        this(dataDir, UnaryOperator.identity());
    }

    /** {@code config} adds to the emulator's configuration, e.g. a second account. */
    AuthzFixture(Path dataDir, UnaryOperator<EmulatorConfig.Builder> config) {
        emulator = new Emulator(
                        config.apply(EmulatorConfig.builder().port(0).dataDir(dataDir))
                                .build(),
                        id -> Optional.empty(),
                        BucketConfigRegistry.defaults(),
                        clock)
                .start();
    }

    MutableClock clock() {
        return clock;
    }

    String account() {
        return emulator.config().accountId();
    }

    /** The account's root AccessKey id (what acs:AccessId is for its requests). */
    String rootKeyId() {
        return emulator.rootKey().id();
    }

    URI endpoint() {
        return emulator.endpoint();
    }

    IAcsClient rootRpc() {
        return rpc(emulator.rootKey().id(), emulator.rootKey().secret());
    }

    IAcsClient rpc(String keyId, String secret) {
        return new DefaultAcsClient(DefaultProfile.getProfile(emulator.config().region(), keyId, secret));
    }

    IAcsClient rpc(Credentials credentials) {
        return new DefaultAcsClient(
                DefaultProfile.getProfile(emulator.config().region()),
                new StaticCredentialsProvider(
                        new BasicSessionCredentials(credentials.id(), credentials.secret(), credentials.token())));
    }

    /** Sends an RPC call to the emulator's one port over plain HTTP. */
    <T extends AcsResponse> T call(IAcsClient client, AcsRequest<T> request) {
        request.setSysEndpoint("127.0.0.1:" + emulator.endpoint().getPort());
        request.setSysProtocol(ProtocolType.HTTP);
        try {
            return client.getAcsResponse(request);
        } catch (ClientException e) {
            throw new AssertionError("RPC call failed: " + e.getErrCode() + " " + e.getErrMsg(), e);
        }
    }

    <T extends AcsResponse> T call(AcsRequest<T> request) {
        return call(rootRpc(), request);
    }

    ClientException rpcFailure(IAcsClient client, AcsRequest<?> request) {
        request.setSysEndpoint("127.0.0.1:" + emulator.endpoint().getPort());
        request.setSysProtocol(ProtocolType.HTTP);
        Executable call = () -> client.getAcsResponse(request);
        return assertThrows(ClientException.class, call);
    }

    OSS root(SignVersion version) {
        return oss(
                version,
                new Credentials(emulator.rootKey().id(), emulator.rootKey().secret(), null));
    }

    OSS oss(SignVersion version, Credentials credentials) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(version);
        // Denials are what these tests look at; the SDK must not retry them.
        conf.setMaxErrorRetry(0);
        DefaultCredentialProvider provider = credentials.token() == null
                ? new DefaultCredentialProvider(credentials.id(), credentials.secret())
                : new DefaultCredentialProvider(credentials.id(), credentials.secret(), credentials.token());
        OSS client = OSSClientBuilder.create()
                .endpoint(emulator.endpoint().toString())
                .credentialsProvider(provider)
                .clientConfiguration(conf)
                .region(emulator.config().region())
                .build();
        clients.add(client);
        return client;
    }

    /** A custom policy with this document, named uniquely. */
    String policy(String document) {
        CreatePolicyRequest create = new CreatePolicyRequest();
        create.setPolicyName("authz-policy-" + ++policies);
        create.setPolicyDocument(document);
        return call(create).getPolicy().getPolicyName();
    }

    /** A RAM user with these custom policy documents attached, and an access key of its own. */
    Credentials user(String name, String... documents) {
        CreateUserRequest create = new CreateUserRequest();
        create.setUserName(name);
        call(create);
        for (String document : documents) {
            AttachPolicyToUserRequest attach = new AttachPolicyToUserRequest();
            attach.setPolicyType("Custom");
            attach.setPolicyName(policy(document));
            attach.setUserName(name);
            call(attach);
        }
        CreateAccessKeyRequest key = new CreateAccessKeyRequest();
        key.setUserName(name);
        CreateAccessKeyResponse.AccessKey created = call(key).getAccessKey();
        return new Credentials(created.getAccessKeyId(), created.getAccessKeySecret(), null);
    }

    /** The numeric id (UID) RAM gave a user: what bucket policies and AccessDenied details name it by. */
    String userId(String name) {
        GetUserRequest get = new GetUserRequest();
        get.setUserName(name);
        return call(get).getUser().getUserId();
    }

    /** A role trusting the account, with these custom policy documents attached; returns its ARN. */
    String role(String name, String... documents) {
        CreateRoleRequest create = new CreateRoleRequest();
        create.setRoleName(name);
        create.setAssumeRolePolicyDocument(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Principal\":{\"RAM\":[\"acs:ram::" + account() + ":root\"]}}]}");
        String arn = call(create).getRole().getArn();
        for (String document : documents) {
            AttachPolicyToRoleRequest attach = new AttachPolicyToRoleRequest();
            attach.setPolicyType("Custom");
            attach.setPolicyName(policy(document));
            attach.setRoleName(name);
            call(attach);
        }
        return arn;
    }

    /**
     * STS credentials for {@code roleArn}, narrowed by {@code sessionPolicy} when not null. STS refuses
     * the account's root key, so a RAM user allowed sts:AssumeRole calls it.
     */
    Credentials assumeRole(String roleArn, String sessionPolicy, long durationSeconds) {
        if (stsCaller == null) {
            stsCaller = user("sts-caller", document(allow("\"sts:AssumeRole\"", "\"*\"")));
        }
        AssumeRoleRequest assume = new AssumeRoleRequest();
        assume.setRoleArn(roleArn);
        assume.setRoleSessionName("authz-test");
        assume.setDurationSeconds(durationSeconds);
        if (sessionPolicy != null) {
            assume.setPolicy(sessionPolicy);
        }
        AssumeRoleResponse.Credentials c =
                call(rpc(stsCaller.id(), stsCaller.secret()), assume).getCredentials();
        return new Credentials(c.getAccessKeyId(), c.getAccessKeySecret(), c.getSecurityToken());
    }

    /** An unsigned request, as a browser or curl sends it. */
    HttpResponse<String> anonymous(String method, String path, String body) {
        return raw(method, path, null, body);
    }

    /** An unsigned request with a content type, e.g. a url-encoded form. */
    HttpResponse<String> raw(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(emulator.endpoint().resolve(path));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Bytes on the wire, for requests an HTTP client refuses to send (malformed escapes); returns the whole answer. */
    String wire(String requestLine) {
        String request = requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", emulator.endpoint().getPort())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An identity policy document from its statements. */
    /** A small body for PutObject calls. */
    static ByteArrayInputStream data() {
        return new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8));
    }

    /** Runs {@code call}, which OSS must refuse with AccessDenied, and returns the refusal. */
    static OSSException denied(Executable call) {
        OSSException e = assertThrows(OSSException.class, call);
        assertEquals("AccessDenied", e.getErrorCode(), e.getRawResponseError());
        return e;
    }

    static String document(String... statements) {
        return "{\"Version\":\"1\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    static String allow(String actions, String resources) {
        return "{\"Effect\":\"Allow\",\"Action\":" + actions + ",\"Resource\":" + resources + "}";
    }

    static String deny(String actions, String resources) {
        return "{\"Effect\":\"Deny\",\"Action\":" + actions + ",\"Resource\":" + resources + "}";
    }

    @Override
    public void close() {
        clients.forEach(OSS::shutdown);
        emulator.close();
    }

    /** An AccessKey pair and, for STS credentials, the security token. */
    record Credentials(String id, String secret, String token) {
        @Override
        public String toString() {
            return "Credentials[" + id.substring(0, 4) + "…]";
        }
    }
}
