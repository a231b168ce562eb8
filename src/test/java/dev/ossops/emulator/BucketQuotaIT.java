package dev.ossops.emulator;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import dev.ossops.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each account's bucket quota: OSS's default of 100 unless the emulator is told the quota was raised. */
class BucketQuotaIT {

    @TempDir
    Path dataDir;

    @Test
    void putBucket_beyondTheQuota_isTooManyBuckets() {
        try (Emulator emulator = new Emulator(EmulatorConfig.builder()
                        .port(0)
                        .dataDir(dataDir)
                        .maxBuckets(2)
                        .build())
                .start()) {
            ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
            conf.setMaxErrorRetry(0);
            OSS oss = OSSClientBuilder.create()
                    .endpoint(emulator.endpoint().toString())
                    .credentialsProvider(new DefaultCredentialProvider(
                            emulator.rootKey().id(), emulator.rootKey().secret()))
                    .clientConfiguration(conf)
                    .region(EmulatorDefaults.REGION)
                    .build();
            try {
                oss.createBucket("quota-a");
                oss.createBucket("quota-b");
                OSSException e = assertThrows(OSSException.class, () -> oss.createBucket("quota-c"));
                assertEquals("TooManyBuckets", e.getErrorCode());
                oss.deleteBucket("quota-a");
                oss.createBucket("quota-c");
            } finally {
                oss.shutdown();
            }
        }
    }

    /** The quota is each account's: the second account creates its own buckets while the first is at its limit. */
    @Test
    void putBucket_quota_isPerAccount() {
        try (Emulator emulator = new Emulator(EmulatorConfig.builder()
                                .port(0)
                                .dataDir(dataDir)
                                .maxBuckets(1)
                                .otherAccount(
                                        EmulatorClients.OTHER_ACCOUNT_ID,
                                        EmulatorClients.OTHER_ROOT_KEY_ID,
                                        EmulatorClients.OTHER_ROOT_KEY_SECRET)
                                .build())
                        .start();
                EmulatorClients first = EmulatorClients.of(emulator)) {
            first.v4().createBucket("quota-first");
            assertEquals(
                    "TooManyBuckets",
                    assertThrows(OSSException.class, () -> first.v4().createBucket("quota-first-2"))
                            .getErrorCode());
            first.otherAccount().v4().createBucket("quota-second");
            assertEquals(
                    "TooManyBuckets",
                    assertThrows(
                                    OSSException.class,
                                    () -> first.otherAccount().v4().createBucket("quota-second-2"))
                            .getErrorCode());
        }
    }

    @Test
    void emulatorCommand_maxBucketsBelowOne_isRefused() {
        StringWriter err = new StringWriter();
        int exit = Main.run(
                new String[] {"emulator", "--port", "0", "--data-dir", dataDir.toString(), "--max-buckets", "0"},
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true),
                Map.of());
        assertEquals(1, exit);
        assertEquals("error: maxBuckets must be at least 1, was 0\n", err.toString());
    }
}
