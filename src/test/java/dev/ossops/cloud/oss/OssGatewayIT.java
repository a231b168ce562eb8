package dev.ossops.cloud.oss;

import com.aliyun.oss.model.CannedAccessControlList;
import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.Retry;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorDefaults;
import dev.ossops.emulator.EmulatorExtension;
import dev.ossops.emulator.TestRootKey;
import dev.ossops.spec.model.Bucket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway against the emulator: not found is Optional.empty(), writes read back, failures are named. */
@ExtendWith(EmulatorExtension.class)
class OssGatewayIT {
    private static final CredentialSource ROOT = new CredentialSource() {
        @Override
        public Credentials resolve() {
            return Credentials.of(TestRootKey.ID, TestRootKey.SECRET);
        }

        @Override
        public String describe() {
            return "emulator root";
        }
    };

    private OssGateway gateway;

    @BeforeEach
    void open(URI endpoint) {
        gateway = new OssGateway(CloudTarget.single(endpoint, EmulatorDefaults.REGION, ROOT), Retry.standard(), 4);
    }

    @AfterEach
    void close() {
        gateway.close();
    }

    @Test
    void reads_missingBucket_emptyNotException() {
        OssBucket missing = new OssBucket("it-gw-missing", EmulatorDefaults.REGION);

        assertEquals(Optional.empty(), gateway.bucket(missing));
        assertEquals(Optional.empty(), gateway.acl(missing));
        assertEquals(Optional.empty(), gateway.cors(missing));
        assertEquals(Optional.empty(), gateway.lifecycle(missing));
        assertEquals(Optional.empty(), gateway.tags(missing));
    }

    @Test
    void reads_newBucket_unsetConfigurationsEmpty() {
        OssBucket b = new OssBucket("it-gw-fresh", EmulatorDefaults.REGION);
        gateway.createBucket(b, Optional.of("IA"), Optional.of("LRS"), Optional.of("private"));

        assertEquals(Optional.of(new BucketInfo(EmulatorDefaults.REGION, "IA", "LRS")), gateway.bucket(b));
        assertEquals(Optional.of("private"), gateway.acl(b));
        assertEquals(Optional.empty(), gateway.versioning(b));
        assertEquals(Optional.empty(), gateway.encryption(b));
        assertEquals(Optional.empty(), gateway.cors(b));
        assertEquals(Optional.empty(), gateway.lifecycle(b));
        assertEquals(Optional.empty(), gateway.policy(b));
        assertEquals(Optional.empty(), gateway.tags(b));
        assertEquals(Optional.empty(), gateway.logging(b));
        assertEquals(Optional.of(new Bucket.Referer(true, true, List.of(), List.of())), gateway.referer(b));
    }

    @Test
    void writes_thenReads_sameValuesAndDeletesEmpty() {
        OssBucket b = new OssBucket("it-gw-write", EmulatorDefaults.REGION);
        gateway.createBucket(b, Optional.empty(), Optional.empty(), Optional.empty());
        gateway.putTags(b, Map.of("env", "it"));
        gateway.putLogging(b, new Bucket.Logging("it-gw-write", "logs/"));
        gateway.putEncryption(b, new Bucket.Encryption("KMS", Optional.of("key-1")));

        assertEquals(Optional.of(Map.of("env", "it")), gateway.tags(b));
        assertEquals(Optional.of(new Bucket.Logging("it-gw-write", "logs/")), gateway.logging(b));
        assertEquals(Optional.of(new Bucket.Encryption("KMS", Optional.of("key-1"))), gateway.encryption(b));

        gateway.deleteTags(b);
        gateway.deleteLogging(b);
        gateway.deleteEncryption(b);
        assertEquals(Optional.empty(), gateway.tags(b));
        assertEquals(Optional.empty(), gateway.logging(b));
        assertEquals(Optional.empty(), gateway.encryption(b));
    }

    @Test
    void write_refusedByService_namedCloudException() {
        OssBucket missing = new OssBucket("it-gw-nobucket", EmulatorDefaults.REGION);

        CloudException e = assertThrows(CloudException.class, () -> gateway.putTags(missing, Map.of("a", "b")));

        assertEquals(Optional.of("NoSuchBucket"), e.code());
        assertTrue(e.getMessage().startsWith("PutBucketTags it-gw-nobucket failed: NoSuchBucket: "), e.getMessage());
    }
    /** Keys XML 1.0 cannot carry made audit --objects report the bucket unknown: the listing is URL-encoded and decoded. */
    @Test
    void objectAcls_keysXmlCannotCarry_areListedAndDecoded(EmulatorClients clients) {
        String name = clients.bucketName("it-gw-odd-keys");
        clients.v4().createBucket(name);
        for (String key : List.of("a\0nul", "b\u0007bell", "c plain+%41")) {
            clients.v4().putObject(name, key, new ByteArrayInputStream(new byte[] {1}));
        }
        clients.v4().setObjectAcl(name, "a\0nul", CannedAccessControlList.PublicRead);
        OssBucket bucket = new OssBucket(name, EmulatorDefaults.REGION);

        ObjectAcls acls = gateway.objectAcls(bucket, 10).orElseThrow();

        assertEquals(Map.of("a\0nul", "public-read", "b\u0007bell", "default", "c plain+%41", "default"), acls.acls());
        assertEquals(
                List.of("a\0nul", "b\u0007bell", "c plain+%41"),
                List.copyOf(acls.acls().keySet()));
        assertFalse(acls.truncated());
    }

    @Test
    void inventory_keysXmlCannotCarry_areCounted(EmulatorClients clients) {
        String name = clients.bucketName("it-gw-odd-inventory");
        clients.v4().createBucket(name);
        for (String key : List.of("logs/\0a", "logs/\u0001b", "logs/c")) {
            clients.v4().putObject(name, key, new ByteArrayInputStream(new byte[] {1, 2}));
        }
        OssBucket bucket = new OssBucket(name, EmulatorDefaults.REGION);

        Inventory all = gateway.objects()
                .current(bucket, "logs/", 0, Optional.empty(), Instant.now().plusSeconds(60), 100);

        assertEquals(3, all.objects());
        assertEquals(6, all.bytes());
    }
}
