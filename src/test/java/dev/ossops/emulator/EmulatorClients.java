package dev.ossops.emulator;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import dev.ossops.emulator.rpc.RootAccount;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Official SDK clients configured for one running emulator, injected by {@link EmulatorExtension}:
 * {@link #v1()} signs with OSS signature V1, {@link #v2()} with V2 ({@code OSS2}), {@link #v4()} with V4,
 * all with the root key of the emulator's first account; {@link #otherAccount()} gives the same for
 * the second account the extension's emulators serve. All use path-style requests because the
 * endpoint host is an IP address.
 */
public final class EmulatorClients implements AutoCloseable {
    /** The second account of the extension's emulators: uid and root key, for tests only. */
    public static final String OTHER_ACCOUNT_ID = "1680000000000002";

    public static final String OTHER_ROOT_KEY_ID = "LTAI5tOssopsOtherAccount";
    public static final String OTHER_ROOT_KEY_SECRET = "OssopsEmulatorOtherAccountKey0";

    private final Emulator emulator;
    private final RootAccount account;
    private final OSS v1;
    private final OSS v2;
    private final OSS v4;
    private final AtomicInteger buckets;
    private EmulatorClients other;

    EmulatorClients(Emulator emulator) {
        this(emulator, emulator.accounts().get(0), new AtomicInteger());
    }

    /** Clients for an emulator a test started itself; the caller closes them. */
    public static EmulatorClients of(Emulator emulator) {
        return new EmulatorClients(emulator);
    }

    private EmulatorClients(Emulator emulator, RootAccount account, AtomicInteger buckets) {
        this.emulator = emulator;
        this.account = account;
        this.buckets = buckets;
        this.v1 = client(SignVersion.V1, keyId(), secret());
        this.v2 = client(SignVersion.V2, keyId(), secret());
        this.v4 = client(SignVersion.V4, keyId(), secret());
    }

    /**
     * Clients for the emulator's second account (root key {@link #OTHER_ROOT_KEY_ID}); bucket names stay
     * distinct from this account's. Closed with these.
     */
    public synchronized EmulatorClients otherAccount() {
        if (!account.accountId().equals(emulator.config().accountId())) {
            throw new IllegalStateException("these are already the other account's clients");
        }
        if (other == null) {
            if (emulator.config().otherAccounts().isEmpty()) {
                throw new IllegalStateException("the emulator serves one account only");
            }
            other = new EmulatorClients(
                    emulator, emulator.config().otherAccounts().get(0), buckets);
        }
        return other;
    }

    public Emulator emulator() {
        return emulator;
    }

    public URI endpoint() {
        return emulator.endpoint();
    }

    /** The uid of the account these clients sign for. */
    public String accountId() {
        return account.accountId();
    }

    public String keyId() {
        return account.accessKeyId();
    }

    public String secret() {
        return account.secret();
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

    /** A new client with STS credentials; the caller shuts it down. */
    public OSS client(SignVersion version, String keyId, String secret, String securityToken) {
        return build(version, new DefaultCredentialProvider(keyId, secret, securityToken));
    }

    /** A new client with other credentials; the caller shuts it down. */
    public OSS client(SignVersion version, String keyId, String secret) {
        return build(version, new DefaultCredentialProvider(keyId, secret));
    }

    private OSS build(SignVersion version, DefaultCredentialProvider credentials) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(version);
        // Errors are what the tests look at; the SDK must not retry them.
        conf.setMaxErrorRetry(0);
        return OSSClientBuilder.create()
                .endpoint(endpoint().toString())
                .credentialsProvider(credentials)
                .clientConfiguration(conf)
                .region(region())
                .build();
    }

    /** A bucket name no other test of the class uses. */
    public String bucketName(String hint) {
        return (hint + "-" + buckets.incrementAndGet()).toLowerCase();
    }

    @Override
    public synchronized void close() {
        v1.shutdown();
        v2.shutdown();
        v4.shutdown();
        if (other != null) {
            other.close();
        }
    }
}
