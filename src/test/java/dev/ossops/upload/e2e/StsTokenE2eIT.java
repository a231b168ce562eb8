package dev.ossops.upload.e2e;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.OSSObject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorConfig;
import dev.ossops.emulator.EmulatorExtension;
import dev.ossops.emulator.rpc.MutableClock;
import dev.ossops.emulator.service.BucketConfigRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.ossops.upload.e2e.E2e.assertDenied;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proof 1: {@code ossops sts-token --prefix} vends credentials that the official OSS client can use
 * to write under the prefix and for nothing else, although the role itself may do anything to the bucket.
 */
@ExtendWith(EmulatorExtension.class)
class StsTokenE2eIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tells apart the RAM users the tests create on the class's one emulator. */
    private static final AtomicInteger VENDORS = new AtomicInteger();

    private final EmulatorClients clients;
    private final String bucket;
    private final String roleArn;

    StsTokenE2eIT(EmulatorClients clients) {
        this.clients = clients;
        this.bucket = clients.bucketName("sts");
        clients.v4().createBucket(bucket);
        clients.v4().putObject(bucket, "uploads/u1/existing.txt", data("existing"));
        this.roleArn = E2e.roleWithFullBucketAccess(clients.emulator(), bucket, "uploader-" + bucket);
    }

    private static ByteArrayInputStream data(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code ossops sts-token} as a RAM user allowed sts:AssumeRole, for PutObject under uploads/u1. */
    private static JsonNode stsToken(Emulator emulator, String bucketName, String role, String duration)
            throws Exception {
        Map<String, String> env = E2e.stsVendorEnv(
                emulator,
                bucketName,
                "vendor-" + role.substring(role.lastIndexOf('/') + 1) + "-" + VENDORS.incrementAndGet());
        E2e.Run r = E2e.ossops(
                env,
                "sts-token",
                "--role",
                role,
                "--prefix",
                "uploads/u1",
                "--actions",
                "PutObject",
                "--duration",
                duration);
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertFalse(r.out().contains(env.get("QWEN_TMP_OSS_AK_SECRET")), "the caller's secret leaked");
        return JSON.readTree(r.out());
    }

    private static OSS client(Emulator emulator, SignVersion version, JsonNode token, long tickOffsetMillis) {
        return E2e.oss(
                emulator,
                version,
                token.get("AccessKeyId").asText(),
                token.get("AccessKeySecret").asText(),
                token.get("SecurityToken").asText(),
                tickOffsetMillis);
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void stsToken_prefixPutObject_writesUnderThePrefixOnly(SignVersion version) throws Exception {
        JsonNode token = stsToken(clients.emulator(), bucket, roleArn, "900");
        OSS oss = client(clients.emulator(), version, token, 0);
        try {
            String key = "uploads/u1/" + version + ".txt";
            oss.putObject(bucket, key, data("inside " + version));
            try (OSSObject o = clients.v4().getObject(bucket, key);
                    InputStream in = o.getObjectContent()) {
                assertArrayEquals(("inside " + version).getBytes(StandardCharsets.UTF_8), in.readAllBytes());
            }

            assertDenied(() -> oss.putObject(bucket, "uploads/u2/" + version + ".txt", data("x")));
            assertDenied(() -> oss.putObject(bucket, "uploads/u1.txt", data("x")));
            assertDenied(() -> oss.putObject(bucket, "top-" + version + ".txt", data("x")));
            assertDenied(() -> oss.getObject(bucket, "uploads/u1/existing.txt"));
            assertDenied(() -> oss.deleteObject(bucket, "uploads/u1/existing.txt"));
            assertDenied(() -> oss.listObjects(bucket));
            assertDenied(() -> oss.getBucketAcl(bucket));
            assertDenied(() -> oss.setBucketAcl(bucket, CannedAccessControlList.PublicRead));
            assertDenied(() -> oss.deleteBucket(bucket));
            assertTrue(clients.v4().doesObjectExist(bucket, "uploads/u1/existing.txt"));
            assertFalse(clients.v4().doesObjectExist(bucket, "top-" + version + ".txt"));
            assertEquals(
                    CannedAccessControlList.Private,
                    clients.v4().getBucketAcl(bucket).getCannedACL());
        } finally {
            oss.shutdown();
        }
    }

    @Test
    void stsToken_minimumDuration_expiresIn900Seconds() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonNode token = stsToken(clients.emulator(), bucket, roleArn, "900");
        Instant after = Instant.now();
        Instant expiration = Instant.parse(token.get("Expiration").asText());
        assertFalse(expiration.isBefore(before.plusSeconds(900)), expiration + " is before " + before.plusSeconds(900));
        assertFalse(expiration.isAfter(after.plusSeconds(900)), expiration + " is after " + after.plusSeconds(900));
    }

    /**
     * The extension's emulator runs on the system clock, so expiry is shown on a second emulator
     * whose clock moves; the clients' clocks move with it (tick offset) so that only the token is late.
     */
    @Test
    void stsToken_afterExpiration_isRefusedWithSecurityTokenExpired(@TempDir Path dir) throws Exception {
        MutableClock clock = MutableClock.system();
        try (Emulator emulator = new Emulator(
                        EmulatorConfig.builder().port(0).dataDir(dir).build(),
                        id -> Optional.empty(),
                        BucketConfigRegistry.defaults(),
                        clock)
                .start()) {
            OSS root = E2e.root(emulator, SignVersion.V4);
            try {
                root.createBucket("expiring");
                String arn = E2e.roleWithFullBucketAccess(emulator, "expiring", "expiring-uploader");
                JsonNode token = stsToken(emulator, "expiring", arn, "900");
                OSS fresh = client(emulator, SignVersion.V4, token, 0);
                try {
                    fresh.putObject("expiring", "uploads/u1/early.txt", data("early"));
                } finally {
                    fresh.shutdown();
                }

                Duration late = Duration.ofSeconds(901);
                clock.advance(late);
                for (SignVersion version : new SignVersion[] {SignVersion.V1, SignVersion.V4}) {
                    OSS expired = client(emulator, version, token, late.toMillis());
                    try {
                        OSSException e = assertThrows(
                                OSSException.class,
                                () -> expired.putObject("expiring", "uploads/u1/late.txt", data("late")));
                        assertEquals("SecurityTokenExpired", e.getErrorCode(), e.getRawResponseError());
                    } finally {
                        expired.shutdown();
                    }
                }
                OSS lateRoot = E2e.oss(
                        emulator,
                        SignVersion.V4,
                        emulator.rootKey().id(),
                        emulator.rootKey().secret(),
                        null,
                        late.toMillis());
                try {
                    assertTrue(lateRoot.doesObjectExist("expiring", "uploads/u1/early.txt"));
                    assertFalse(lateRoot.doesObjectExist("expiring", "uploads/u1/late.txt"));
                } finally {
                    lateRoot.shutdown();
                }
            } finally {
                root.shutdown();
            }
        }
    }
}
