package dev.ossops.emulator;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.RequestMessage;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.OSSObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DNS rebinding: a page whose own name now resolves to 127.0.0.1 reaches the emulator with that
 * name in Host, and is refused before anything else; loopback names, their bucket forms and names
 * the operator allows are served. Forged Hosts go over a raw socket (HTTP clients set Host themselves).
 */
@ExtendWith(EmulatorExtension.class)
class HostCheckIT {
    private static final String REFUSED =
            "<Code>AccessDenied</Code><Message>This emulator answers only to the Host names 127.0.0.1,"
                    + " localhost and [::1], their bucket subdomains, names allowed with --allow-host, and CDN domains"
                    + " that are online.</Message>";
    private static final String SECRET_CONTENT = "private object content";

    private static String bucketWithObject(EmulatorClients clients, String hint) {
        String bucket = clients.bucketName(hint);
        clients.v4().createBucket(bucket);
        clients.v4()
                .putObject(
                        bucket,
                        "private.txt",
                        new ByteArrayInputStream(SECRET_CONTENT.getBytes(StandardCharsets.UTF_8)));
        return bucket;
    }

    /** A GetObject signed by the SDK's own signer with the root key, sent with {@code host} as the Host header. */
    private static String signedGet(
            EmulatorClients clients, SignVersion version, String bucket, String target, String host) {
        RequestMessage signed = RawRequests.sign(
                clients,
                version,
                clients.keyId(),
                clients.secret(),
                0,
                "GET",
                bucket,
                "private.txt",
                Map.of(),
                Map.of());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host);
        headers.putAll(signed.getHeaders());
        return RawRequests.wire(clients.endpoint(), "GET", target, headers);
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void getObject_signedRequestWithARebindingHost_isRefusedWithoutTheObject(
            SignVersion version, EmulatorClients clients) {
        String bucket = bucketWithObject(clients, "rebind-" + version.name().toLowerCase());
        int port = clients.endpoint().getPort();

        String rebound =
                signedGet(clients, version, bucket, "/" + bucket + "/private.txt", "rebind.attacker.example:" + port);

        assertTrue(rebound.startsWith("HTTP/1.1 403 Forbidden\r\n"), rebound);
        assertTrue(rebound.contains(REFUSED), rebound);
        assertTrue(rebound.contains("\r\nx-oss-ec: 0099-00000072\r\n"), rebound);
        assertFalse(rebound.contains(SECRET_CONTENT), rebound);
        assertFalse(rebound.contains("rebind.attacker.example"), "the refusal echoes the forged Host: " + rebound);

        // The same signed request under the emulator's own name is served: only the Host made the difference.
        String own = signedGet(clients, version, bucket, "/" + bucket + "/private.txt", "127.0.0.1:" + port);
        assertTrue(own.startsWith("HTTP/1.1 200 OK\r\n"), own);
        assertTrue(own.endsWith(SECRET_CONTENT), own);
    }

    @Test
    void anyRequest_hostsOfOtherMachines_areRefused(EmulatorClients clients) {
        String bucket = bucketWithObject(clients, "rebind-many");
        for (String host : new String[] {
            "rebind.attacker.example",
            "127.0.0.1.nip.io",
            "localhost.attacker.example",
            bucket + ".attacker.example",
            "192.168.1.5",
            "[::2]"
        }) {
            String answer = signedGet(clients, SignVersion.V1, bucket, "/" + bucket + "/private.txt", host);
            assertTrue(
                    answer.startsWith("HTTP/1.1 403 Forbidden\r\n") && answer.contains(REFUSED), host + ": " + answer);
        }
    }

    @Test
    void getObject_loopbackNamesAndVirtualHostForms_areServed(EmulatorClients clients) {
        String bucket = bucketWithObject(clients, "loopback-names");
        int port = clients.endpoint().getPort();
        for (String host : new String[] {"localhost:" + port, "[::1]:" + port, "LOCALHOST"}) {
            String answer = signedGet(clients, SignVersion.V1, bucket, "/" + bucket + "/private.txt", host);
            assertTrue(
                    answer.startsWith("HTTP/1.1 200 OK\r\n") && answer.endsWith(SECRET_CONTENT), host + ": " + answer);
        }
        for (String host : new String[] {bucket + ".localhost:" + port, bucket + ".127.0.0.1:" + port}) {
            String answer = signedGet(clients, SignVersion.V1, bucket, "/private.txt", host);
            assertTrue(
                    answer.startsWith("HTTP/1.1 200 OK\r\n") && answer.endsWith(SECRET_CONTENT), host + ": " + answer);
        }
    }

    @Test
    void officialSdk_throughTheLocalhostEndpoint_works(EmulatorClients clients) throws Exception {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(SignVersion.V4);
        conf.setMaxErrorRetry(0);
        // Path-style: a name under localhost need not resolve through this machine's resolver.
        conf.setSLDEnabled(true);
        OSS oss = OSSClientBuilder.create()
                .endpoint("http://localhost:" + clients.endpoint().getPort())
                .credentialsProvider(new DefaultCredentialProvider(clients.keyId(), clients.secret()))
                .clientConfiguration(conf)
                .region(clients.region())
                .build();
        try {
            String bucket = clients.bucketName("via-localhost");
            oss.createBucket(bucket);
            oss.putObject(bucket, "a.txt", new ByteArrayInputStream("via localhost".getBytes(StandardCharsets.UTF_8)));
            try (OSSObject object = oss.getObject(bucket, "a.txt");
                    InputStream in = object.getObjectContent()) {
                assertEquals("via localhost", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } finally {
            oss.shutdown();
        }
    }

    @Test
    void controlEndpoint_signedButWithARebindingHost_isRefusedByTheHostCheck(EmulatorClients clients) {
        String answer = RawRequests.wire(
                clients.endpoint(),
                "GET",
                "/-/ossops/stats",
                Map.of("Host", "rebind.attacker.example:" + clients.endpoint().getPort()));
        assertTrue(answer.startsWith("HTTP/1.1 403 Forbidden\r\n") && answer.contains(REFUSED), answer);
    }

    @Test
    void allowHost_namesTheOperatorGave_areServedWithTheirBucketForm(@TempDir Path dataDir) {
        EmulatorConfig config = EmulatorConfig.builder()
                .port(0)
                .dataDir(dataDir)
                .rootKey(TestRootKey.KEY)
                .allowedHosts(Set.of("oss.dev.internal"))
                .build();
        try (Emulator emulator = new Emulator(config).start();
                EmulatorClients clients = new EmulatorClients(emulator)) {
            String bucket = bucketWithObject(clients, "allowed");
            URI endpoint = emulator.endpoint();
            String pathStyle = signedGet(
                    clients,
                    SignVersion.V1,
                    bucket,
                    "/" + bucket + "/private.txt",
                    "oss.dev.internal:" + endpoint.getPort());
            assertTrue(pathStyle.startsWith("HTTP/1.1 200 OK\r\n") && pathStyle.endsWith(SECRET_CONTENT), pathStyle);
            String virtualHost =
                    signedGet(clients, SignVersion.V1, bucket, "/private.txt", bucket + ".oss.dev.internal");
            assertTrue(
                    virtualHost.startsWith("HTTP/1.1 200 OK\r\n") && virtualHost.endsWith(SECRET_CONTENT), virtualHost);
            String other = signedGet(clients, SignVersion.V1, bucket, "/" + bucket + "/private.txt", "dev.internal");
            assertTrue(other.startsWith("HTTP/1.1 403 Forbidden\r\n") && other.contains(REFUSED), other);
        }
    }
}
