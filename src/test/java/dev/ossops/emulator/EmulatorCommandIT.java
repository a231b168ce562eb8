package dev.ossops.emulator;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import dev.ossops.emulator.datadir.RootKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ossops emulator} as a process: where its credentials are, fixed keys by flag, environment or file, a second account, clean stop on SIGTERM. */
class EmulatorCommandIT {

    private static OSS client(URI endpoint, String keyId, String secret) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setMaxErrorRetry(0);
        return OSSClientBuilder.create()
                .endpoint(endpoint.toString())
                .credentialsProvider(new DefaultCredentialProvider(keyId, secret))
                .clientConfiguration(conf)
                .build();
    }

    @Test
    void emulatorCommand_newDataDir_saysWhereTheRandomCredentialsAreAndNeverPrintsTheSecret(@TempDir Path dir)
            throws Exception {
        Path dataDir = dir.resolve("data");
        try (EmulatorProcess emulator = EmulatorProcess.start(dataDir)) {
            RootKey key = emulator.rootKey();
            assertTrue(emulator.firstLine().matches("listening on http://127\\.0\\.0\\.1:\\d+"), emulator.firstLine());
            assertEquals(
                    "root AccessKey " + key.id().substring(0, 4) + "…"
                            + key.id().substring(20) + "; its secret is in " + dataDir.resolve("credentials.json")
                            + " (print both: ossops emulator credentials --data-dir " + dataDir + ")",
                    emulator.secondLine());
            OSS oss = client(emulator.endpoint(), key.id(), key.secret());
            OSS wellKnown = client(emulator.endpoint(), "LTAI5tOssopsEmulatorRoot", "OssopsEmulatorLocalOnlySecret0");
            try {
                oss.createBucket("random-key");
                // The secret the README used to print opens nothing any more.
                OSSException e = assertThrows(OSSException.class, () -> wellKnown.listBuckets());
                assertEquals("InvalidAccessKeyId", e.getErrorCode());
            } finally {
                oss.shutdown();
                wellKnown.shutdown();
            }
            assertTrue(emulator.process().toHandle().destroy());
            assertTrue(emulator.process().waitFor(30, TimeUnit.SECONDS));
            assertEquals("", emulator.remainingOutput());
            assertFalse(emulator.firstLine().contains(key.secret())
                    || emulator.secondLine().contains(key.secret()));
        }
    }

    @Test
    void emulatorCommand_fixedKeyByFlags_servesItAndStopsOnSigterm(@TempDir Path dataDir) throws Exception {
        String secret = "MyLocalSecretValue0123456789ab";
        String otherSecret = "TheOtherAccountsSecret01234567";
        try (EmulatorProcess emulator = EmulatorProcess.start(
                dataDir,
                "--root-key-id",
                "LTAI5tCustomRootKeyId001",
                "--root-key-secret",
                secret,
                "--account-id",
                "1234567890123456",
                "--other-account",
                "6543210987654321:LTAI5tOtherAccountRoot01:" + otherSecret)) {
            assertEquals(new RootKey("LTAI5tCustomRootKeyId001", secret), emulator.rootKey());
            OSS oss = client(emulator.endpoint(), "LTAI5tCustomRootKeyId001", secret);
            OSS other = client(emulator.endpoint(), "LTAI5tOtherAccountRoot01", otherSecret);
            try {
                oss.createBucket("from-cli");
                assertEquals(
                        "1234567890123456",
                        oss.getBucketAcl("from-cli").getOwner().getId());
                other.createBucket("from-cli-other");
                assertEquals(
                        "6543210987654321",
                        other.getBucketAcl("from-cli-other").getOwner().getId());
                assertEquals(
                        "AccessDenied",
                        assertThrows(OSSException.class, () -> oss.getBucketAcl("from-cli-other"))
                                .getErrorCode());
            } finally {
                oss.shutdown();
                other.shutdown();
            }

            // SIGTERM through the handle: Process.destroy() would also close our end of stdout.
            assertTrue(emulator.process().toHandle().destroy());
            assertTrue(emulator.process().waitFor(30, TimeUnit.SECONDS));
            // The JVM's exit status after SIGTERM when shutdown hooks ran: 128 + 15.
            assertEquals(143, emulator.process().exitValue());
            assertEquals("", emulator.remainingOutput());
            assertFalse(emulator.firstLine().contains(secret)
                    || emulator.secondLine().contains(secret));
            assertFalse(emulator.firstLine().contains(otherSecret)
                    || emulator.secondLine().contains(otherSecret));
        }
    }

    @Test
    void emulatorCommand_fixedKeyFromTheEnvironmentOrAFile_keepsTheSecretOutOfTheProcessList(@TempDir Path dir)
            throws Exception {
        Map<String, String> env = Map.of(
                "OSSOPS_EMULATOR_ROOT_KEY_ID",
                "LTAI5tFromTheEnvironment",
                "OSSOPS_EMULATOR_ROOT_KEY_SECRET",
                "secret-from-the-environment");
        try (EmulatorProcess emulator = EmulatorProcess.start(env, List.of(), dir.resolve("env"))) {
            assertEquals(new RootKey("LTAI5tFromTheEnvironment", "secret-from-the-environment"), emulator.rootKey());
            assertFalse(emulator.process().info().commandLine().orElse("").contains("secret-from-the-environment"));
            OSS oss = client(emulator.endpoint(), "LTAI5tFromTheEnvironment", "secret-from-the-environment");
            try {
                oss.createBucket("from-env");
            } finally {
                oss.shutdown();
            }
        }
        Path secretFile = Files.writeString(dir.resolve("secret.txt"), "secret-from-a-file\n");
        try (EmulatorProcess emulator = EmulatorProcess.start(
                dir.resolve("file"),
                "--root-key-id",
                "LTAI5tFromAFile0001",
                "--root-key-secret-file",
                secretFile.toString())) {
            assertEquals(new RootKey("LTAI5tFromAFile0001", "secret-from-a-file"), emulator.rootKey());
            OSS oss = client(emulator.endpoint(), "LTAI5tFromAFile0001", "secret-from-a-file");
            try {
                oss.createBucket("from-file");
            } finally {
                oss.shutdown();
            }
        }
    }
}
