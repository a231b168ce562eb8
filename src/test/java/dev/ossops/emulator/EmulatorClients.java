package dev.ossops.emulator;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Official SDK clients configured for one running emulator, injected by {@link EmulatorExtension}:
 * {@link #v1()} signs with OSS signature V1, {@link #v2()} with V2 ({@code OSS2}), {@link #v4()} with V4.
 * All use path-style requests because the endpoint host is an IP address.
 */
public final class EmulatorClients implements AutoCloseable {
    private final Emulator emulator;
    private final OSS v1;
    private final OSS v2;
    private final OSS v4;
    private final AtomicInteger buckets = new AtomicInteger();

    EmulatorClients(Emulator emulator) {
        this.emulator = emulator;
        this.v1 = client(SignVersion.V1, keyId(), secret());
        this.v2 = client(SignVersion.V2, keyId(), secret());
        this.v4 = client(SignVersion.V4, keyId(), secret());
    }

    public Emulator emulator() {
        return emulator;
    }

    public URI endpoint() {
        return emulator.endpoint();
    }

    public String keyId() {
        return emulator.rootKey().id();
    }

    public String secret() {
        return emulator.rootKey().secret();
    }

    public String region() {
        return emulator.config().region();
    }

    public OSS v1() {
        return v1;
    }

    public OSS v2() {
        return v2;
    }

    public OSS v4() {
        return v4;
    }

    /** The client for {@code version} (V1, V2 or V4). */
    public OSS client(SignVersion version) {
        return switch (version) {
            case V1 -> v1;
            case V2 -> v2;
            case V4 -> v4;
        };
    }

    /** A new client with other credentials; the caller shuts it down. */
    public OSS client(SignVersion version, String keyId, String secret) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(version);
        // Errors are what the tests look at; the SDK must not retry them.
        conf.setMaxErrorRetry(0);
        return OSSClientBuilder.create()
                .endpoint(endpoint().toString())
                .credentialsProvider(new DefaultCredentialProvider(keyId, secret))
                .clientConfiguration(conf)
                .region(region())
                .build();
    }

    /** A bucket name no other test of the class uses. */
    public String bucketName(String hint) {
        return (hint + "-" + buckets.incrementAndGet()).toLowerCase();
    }

    @Override
    public void close() {
        v1.shutdown();
        v2.shutdown();
        v4.shutdown();
    }
}
