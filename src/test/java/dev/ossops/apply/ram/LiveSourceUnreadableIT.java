package dev.ossops.apply.ram;

import dev.ossops.apply.cdn.CdnLiveSource;
import dev.ossops.cloud.CloudErrors;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.PopClient;
import dev.ossops.cloud.PopProduct;
import dev.ossops.cloud.Retry;
import dev.ossops.cloud.cdn.CdnGateway;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.emulator.rpc.MutableClock;
import dev.ossops.emulator.rpc.RpcFixture;
import dev.ossops.plan.Address;
import dev.ossops.plan.Observed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.random.RandomGenerator;

import static dev.ossops.plan.Address.Kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A read that fails is Unreadable with a message naming the call and holding no secret. */
class LiveSourceUnreadableIT {
    private static final String WRONG_SECRET = "wrongSecretThatMustNeverBePrinted0";

    @TempDir
    Path dir;

    private static CredentialSource keys(String id, String secret) {
        return new CredentialSource() {
            @Override
            public Credentials resolve() {
                return Credentials.of(id, secret);
            }

            @Override
            public String describe() {
                return "test keys";
            }
        };
    }

    private static Retry once() {
        return new Retry(
                1, Duration.ZERO, Duration.ZERO, CloudErrors::isRetryable, d -> {}, RandomGenerator.getDefault());
    }

    @Test
    void read_wrongSecret_unreadableNamingTheCall() throws IOException {
        try (RpcFixture fixture = new RpcFixture(dir, MutableClock.system())) {
            CloudTarget target = CloudTarget.single(
                    URI.create("http://127.0.0.1:" + fixture.port()),
                    "cn-beijing",
                    keys(RpcFixture.ROOT_ID, WRONG_SECRET));
            PopClient ram = new PopClient(target, PopProduct.RAM, once());
            PopClient cdn = new PopClient(target, PopProduct.CDN, once());
            try {
                Observed<?> policy = new RamLiveSource(new RamGateway(ram)).read(Address.of(Kind.RAM_POLICY, "AppRW"));
                Observed<?> domain =
                        new CdnLiveSource(new CdnGateway(cdn)).read(Address.of(Kind.CDN_DOMAIN, "media.example.com"));

                String reason =
                        assertInstanceOf(Observed.Unreadable.class, policy).reason();
                // The SDK turns the service's SignatureDoesNotMatch into its own code and message.
                assertEquals(
                        "GetPolicy AppRW failed: SDK.InvalidAccessKeySecret: Specified Access Key Secret is not valid.",
                        reason);
                assertEquals(
                        "DescribeCdnDomainDetail media.example.com failed: SDK.InvalidAccessKeySecret: Specified Access Key "
                                + "Secret is not valid.",
                        assertInstanceOf(Observed.Unreadable.class, domain).reason());
            } finally {
                ram.shutdown();
                cdn.shutdown();
            }
        }
    }

    @Test
    void read_nothingListening_unreadableWithoutSignatureOrKeyId() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        PopClient ram = new PopClient(
                CloudTarget.single(
                        URI.create("http://127.0.0.1:" + port),
                        "cn-beijing",
                        keys("LTAI5tSomeKeyId00001234", WRONG_SECRET)),
                PopProduct.RAM,
                once());
        try {
            Observed<?> role = new RamLiveSource(new RamGateway(ram)).read(Address.of(Kind.RAM_ROLE, "app-role"));

            String reason = assertInstanceOf(Observed.Unreadable.class, role).reason();
            assertTrue(reason.startsWith("GetRole app-role failed: SDK.ServerUnreachable: "), reason);
            assertFalse(reason.contains(WRONG_SECRET), reason);
            assertFalse(reason.contains("LTAI5tSomeKeyId00001234"), reason);
            assertFalse(reason.matches(".*Signature=[^&…]+.*"), reason);
        } finally {
            ram.shutdown();
        }
    }

    @Test
    void read_unknownAddressKind_refused() {
        assertEquals(false, new RamLiveSource(null).reads(Address.of(Kind.CDN_DOMAIN, "d.example.com")));
        assertEquals(false, new CdnLiveSource(null).reads(Address.of(Kind.RAM_ROLE, "r")));
        assertEquals(true, new CdnLiveSource(null).reads(Address.of(Kind.CDN_CACHE_TTL, "d.example.com")));
    }
}
