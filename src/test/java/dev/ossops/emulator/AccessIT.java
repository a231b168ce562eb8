package dev.ossops.emulator;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.CannedAccessControlList;
import dev.ossops.emulator.rpc.Credential;
import dev.ossops.emulator.rpc.Principal;
import dev.ossops.emulator.service.BucketConfigRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Anonymous access by ACL, STS security tokens, and virtual-host addressing. */
@ExtendWith(EmulatorExtension.class)
class AccessIT {
    private static final byte[] DATA = "public?".getBytes(StandardCharsets.UTF_8);

    private static RawRequests.Response anonymous(
            EmulatorClients clients, String method, String bucket, String key, byte[] body) {
        return RawRequests.sendSigned(clients.endpoint(), method, bucket, key, Map.of(), Map.of(), body);
    }

    @Test
    void anonymousRead_followsBucketAndObjectAcl(EmulatorClients clients) {
        OSS oss = clients.v4();
        String b = clients.bucketName("anon-read");
        oss.createBucket(b);
        oss.putObject(b, "private", new ByteArrayInputStream(DATA));
        oss.putObject(b, "open", new ByteArrayInputStream(DATA));
        oss.setObjectAcl(b, "open", CannedAccessControlList.PublicRead);

        RawRequests.Response denied = anonymous(clients, "GET", b, "private", null);
        assertEquals(403, denied.status());
        assertEquals("AccessDenied", denied.element("Code"));
        assertEquals("You have no right to access this object because of bucket acl.", denied.element("Message"));
        assertEquals(200, anonymous(clients, "GET", b, "open", null).status());
        assertEquals(403, anonymous(clients, "GET", b, "missing", null).status());
        assertEquals(403, anonymous(clients, "GET", b, null, null).status());

        oss.setBucketAcl(b, CannedAccessControlList.PublicRead);
        RawRequests.Response read = anonymous(clients, "GET", b, "private", null);
        assertEquals(200, read.status());
        assertEquals("public?", read.body());
        assertEquals(404, anonymous(clients, "GET", b, "missing", null).status());
        assertEquals(200, anonymous(clients, "GET", b, null, null).status());
        assertEquals(403, anonymous(clients, "PUT", b, "new", DATA).status());
        RawRequests.Response acl = RawRequests.sendSigned(
                clients.endpoint(),
                "GET",
                b,
                "private",
                java.util.Collections.singletonMap("acl", null),
                Map.of(),
                null);
        assertEquals(403, acl.status());
    }

    @Test
    void anonymousWrite_onlyWithPublicReadWrite(EmulatorClients clients) {
        OSS oss = clients.v1();
        String b = clients.bucketName("anon-write");
        oss.createBucket(b);
        oss.setBucketAcl(b, CannedAccessControlList.PublicReadWrite);
        assertEquals(200, anonymous(clients, "PUT", b, "dropped", DATA).status());
        assertTrue(oss.doesObjectExist(b, "dropped"));
        assertEquals(204, anonymous(clients, "DELETE", b, "dropped", null).status());
        RawRequests.Response acl = RawRequests.sendSigned(
                clients.endpoint(),
                "PUT",
                b,
                null,
                java.util.Collections.singletonMap("acl", null),
                Map.of("x-oss-acl", "private"),
                null);
        assertEquals(403, acl.status());
        RawRequests.Response delete = anonymous(clients, "DELETE", b, null, null);
        assertEquals(403, delete.status());
    }

    @Test
    void anonymousListBuckets_isAccessDenied(EmulatorClients clients) {
        RawRequests.Response response = anonymous(clients, "GET", null, null, null);
        assertEquals(403, response.status());
        assertEquals("AccessDenied", response.element("Code"));
        assertEquals("Anonymous access is forbidden for this operation.", response.element("Message"));
    }

    @Test
    void virtualHostStyle_bucketInHost_servesTheBucket(EmulatorClients clients) throws Exception {
        OSS oss = clients.v4();
        String b = clients.bucketName("vhost");
        oss.createBucket(b);
        oss.putObject(b, "dir/v.txt", new ByteArrayInputStream(DATA));
        oss.setBucketAcl(b, CannedAccessControlList.PublicRead);
        int port = clients.endpoint().getPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /dir/v.txt HTTP/1.1\r\nHost: " + b + ".localhost:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
            assertTrue(response.contains("\r\nx-oss-request-id: "), response);
            assertTrue(response.endsWith("\r\n\r\npublic?"), response);
        }
    }

    @Test
    void putWithoutLengthOrChunking_isMissingContentLength_tooLargeIsEntityTooLarge(EmulatorClients clients)
            throws Exception {
        OSS oss = clients.v4();
        String b = clients.bucketName("length");
        oss.createBucket(b);
        oss.setBucketAcl(b, CannedAccessControlList.PublicReadWrite);
        int port = clients.endpoint().getPort();
        String missing = raw(port, "PUT /" + b + "/k HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertTrue(missing.startsWith("HTTP/1.1 411 Length Required\r\n"), missing);
        assertTrue(missing.contains("<Code>MissingContentLength</Code>"), missing);
        String huge = raw(
                port,
                "PUT /" + b + "/k HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5368709121\r\n"
                        + "Expect: 100-continue\r\nConnection: close\r\n\r\n");
        // Refused before the body was read: no 100 Continue, so the client never uploads the 5 GiB.
        assertTrue(huge.startsWith("HTTP/1.1 400 Bad Request\r\n"), huge);
        assertTrue(huge.contains("\r\nConnection: close\r\n"), huge);
        assertTrue(huge.contains("<Code>EntityTooLarge</Code>"), huge);
        assertFalse(oss.doesObjectExist(b, "k"));
    }

    private static String raw(int port, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void stsKey_requiresItsSecurityToken(SignVersion version, @TempDir Path dir) throws Exception {
        Principal role = new Principal.AssumedRole(
                EmulatorDefaults.ACCOUNT_ID, "uploader-role", "300000000000000001", "s1", Optional.empty());
        Credential sts = new Credential(
                "STS.NTestKeyForTheEmulator",
                "sts-secret",
                role,
                true,
                Optional.of("token-value-123"),
                Optional.of(Instant.now().plusSeconds(3600)),
                List.of());
        Credential expired = new Credential(
                "STS.NExpiredKeyForTests",
                "sts-secret",
                role,
                true,
                Optional.of("old-token"),
                Optional.of(Instant.now().minusSeconds(1)),
                List.of());
        EmulatorConfig config = EmulatorConfig.builder().port(0).dataDir(dir).build();
        try (Emulator emulator = new Emulator(
                        config,
                        id -> id.equals(sts.accessKeyId())
                                ? Optional.of(sts)
                                : id.equals(expired.accessKeyId()) ? Optional.of(expired) : Optional.empty(),
                        BucketConfigRegistry.defaults(),
                        Clock.systemUTC())
                .start()) {
            EmulatorClients root = new EmulatorClients(emulator);
            try {
                String b = "sts-bucket";
                root.client(version).createBucket(b);
                root.client(version).putObject(b, "k", new ByteArrayInputStream(DATA));
                root.client(version).setBucketAcl(b, CannedAccessControlList.PublicReadWrite);

                OSS withToken = client(emulator, version, sts.accessKeyId(), "sts-secret", "token-value-123");
                OSS wrongToken = client(emulator, version, sts.accessKeyId(), "sts-secret", "token-value-999");
                OSS noToken = client(emulator, version, sts.accessKeyId(), "sts-secret", null);
                OSS old = client(emulator, version, expired.accessKeyId(), "sts-secret", "old-token");
                try {
                    // A role without policies gets what the public-read-write ACL grants (policies come with RAM).
                    withToken.putObject(b, "by-role", new ByteArrayInputStream(DATA));
                    assertTrue(withToken.doesObjectExist(b, "by-role"));
                    URL presigned =
                            withToken.generatePresignedUrl(b, "k", new Date(System.currentTimeMillis() + 60_000));
                    var fetched = SignatureIT.fetch(presigned);
                    assertEquals(200, fetched.statusCode(), fetched.body());

                    OSSException wrong = assertThrows(OSSException.class, () -> wrongToken.getObject(b, "k"));
                    assertEquals("InvalidSecurityToken", wrong.getErrorCode());
                    assertFalse(wrong.getRawResponseError().contains("token-value-999"));
                    assertEquals(
                            "InvalidSecurityToken",
                            assertThrows(OSSException.class, () -> noToken.getObject(b, "k"))
                                    .getErrorCode());
                    OSSException stale = assertThrows(OSSException.class, () -> old.getObject(b, "k"));
                    assertEquals("SecurityTokenExpired", stale.getErrorCode());
                    assertEquals("The security token you provided has expired.", stale.getErrorMessage());
                    assertEquals(
                            "AccessDenied",
                            assertThrows(OSSException.class, withToken::listBuckets)
                                    .getErrorCode());
                } finally {
                    withToken.shutdown();
                    wrongToken.shutdown();
                    noToken.shutdown();
                    old.shutdown();
                }
            } finally {
                root.close();
            }
        }
    }

    private static OSS client(Emulator emulator, SignVersion version, String id, String secret, String token) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSignatureVersion(version);
        conf.setMaxErrorRetry(0);
        DefaultCredentialProvider credentials = token == null
                ? new DefaultCredentialProvider(id, secret)
                : new DefaultCredentialProvider(id, secret, token);
        return OSSClientBuilder.create()
                .endpoint(emulator.endpoint().toString())
                .credentialsProvider(credentials)
                .clientConfiguration(conf)
                .region(emulator.config().region())
                .build();
    }
}
