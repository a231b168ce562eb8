package dev.ossops.emulator.rpc;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import dev.ossops.emulator.rpc.assembly.RpcEmulator;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * One RPC emulator over a temp data dir, served on 127.0.0.1, and official SDK clients pointed
 * at it over plain HTTP. {@link #restart()} reopens the emulator from the same data dir.
 */
public final class RpcFixture implements AutoCloseable {
    public static final String ACCOUNT = "1234567890123456";
    public static final String ROOT_ID = "LTAI5tRootAccessKey0abcd";
    public static final String ROOT_SECRET = "rootSecretForTheEmulatorTests0";

    /** How long CDN domains stay configuring in these tests; they move the clock to pass it. */
    public static final Duration CDN_PROPAGATION = Duration.ofSeconds(30);

    private final Path dataDir;
    private final MutableClock clock;
    private RpcEmulator emulator;
    private RpcTestServer server;

    public RpcFixture(Path dataDir, MutableClock clock) throws IOException {
        this.dataDir = dataDir;
        this.clock = clock;
        start();
    }

    private void start() throws IOException {
        emulator = RpcEmulator.open(new RootAccount(ACCOUNT, ROOT_ID, ROOT_SECRET), dataDir, clock, CDN_PROPAGATION);
        server = new RpcTestServer(emulator.handler());
    }

    public void restart() throws IOException {
        server.close();
        start();
    }

    public RpcEmulator emulator() {
        return emulator;
    }

    /** The port the test server listens on (127.0.0.1). */
    public int port() {
        return server.port();
    }

    public MutableClock clock() {
        return clock;
    }

    public IAcsClient root() {
        return client(ROOT_ID, ROOT_SECRET);
    }

    public IAcsClient client(String accessKeyId, String secret) {
        return new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", accessKeyId, secret));
    }

    public IAcsClient sessionClient(String accessKeyId, String secret, String token) {
        return new DefaultAcsClient(
                DefaultProfile.getProfile("cn-hangzhou"),
                new StaticCredentialsProvider(new BasicSessionCredentials(accessKeyId, secret, token)));
    }

    /** Sends a request to this emulator over HTTP and returns the SDK's parsed response. */
    public <T extends AcsResponse> T call(IAcsClient client, AcsRequest<T> request) throws ClientException {
        request.setSysEndpoint(server.endpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        return client.getAcsResponse(request);
    }

    public <T extends AcsResponse> T call(AcsRequest<T> request) throws ClientException {
        return call(root(), request);
    }

    /** The error the SDK raised for a call expected to fail. */
    public ClientException failure(IAcsClient client, AcsRequest<?> request) {
        Executable call = () -> call(client, request);
        return assertThrows(ClientException.class, call);
    }

    public ClientException failure(AcsRequest<?> request) {
        return failure(root(), request);
    }

    @Override
    public void close() {
        server.close();
    }
}
