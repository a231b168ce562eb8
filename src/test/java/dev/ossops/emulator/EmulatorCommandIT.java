package dev.ossops.emulator;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ossops emulator} as a process: one line on stdout, custom root key, clean stop on SIGTERM. */
class EmulatorCommandIT {

    @Test
    void emulatorCommand_printsOneLineServesCustomRootAndStopsOnSigterm(@TempDir Path dataDir) throws Exception {
        String secret = "MyLocalSecretValue0123456789ab";
        try (EmulatorProcess emulator = EmulatorProcess.start(dataDir, "--root-key-id", "LTAI5tCustomRootKeyId001",
                "--root-key-secret", secret, "--account-id", "1234567890123456")) {
            assertTrue(emulator.firstLine().matches("listening on http://127\\.0\\.0\\.1:\\d+"), emulator.firstLine());
            ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
            conf.setMaxErrorRetry(0);
            OSS oss = OSSClientBuilder.create().endpoint(emulator.endpoint().toString())
                    .credentialsProvider(new DefaultCredentialProvider("LTAI5tCustomRootKeyId001", secret))
                    .clientConfiguration(conf).build();
            try {
                oss.createBucket("from-cli");
                assertEquals("1234567890123456", oss.getBucketAcl("from-cli").getOwner().getId());
            } finally {
                oss.shutdown();
            }

            // SIGTERM through the handle: Process.destroy() would also close our end of stdout.
            assertTrue(emulator.process().toHandle().destroy());
            assertTrue(emulator.process().waitFor(30, TimeUnit.SECONDS));
            // The JVM's exit status after SIGTERM when shutdown hooks ran: 128 + 15.
            assertEquals(143, emulator.process().exitValue());
            String rest = emulator.remainingOutput();
            assertEquals("", rest);
            assertFalse(emulator.firstLine().contains(secret));
        }
    }
}
