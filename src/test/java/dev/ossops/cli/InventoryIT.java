package dev.ossops.cli;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.BucketVersioningConfiguration;
import com.aliyun.oss.model.SetBucketVersioningRequest;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static dev.ossops.cli.CliRun.assertContains;
import static dev.ossops.cli.PlanApplyIT.ENV;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The plan's second pass: bounded object listings measure what a new expiration rule would delete. */
@ExtendWith(EmulatorExtension.class)
class InventoryIT {
    /** Thirty days from now, so the objects written by the test count as 30 days old. */
    private static final CliEnvironment LATER = new CliEnvironment(
            ENV, false, new BufferedReader(new StringReader("")), Clock.offset(Clock.systemUTC(), Duration.ofDays(30)));

    @TempDir
    Path dir;

    private Path profile(URI endpoint, String bucket, String versioning, String rule) throws IOException {
        Path file = dir.resolve(bucket + ".yaml");
        Files.writeString(
                file,
                PlanApplyIT.profile(
                        endpoint,
                        "  " + bucket + ":\n    acl: private\n    versioning: " + versioning + "\n"
                                + "    lifecycle: [{ Rules: [" + rule + "] }]\n"),
                StandardCharsets.UTF_8);
        return file;
    }

    private static void put(OSS oss, String bucket, String key, int size) {
        oss.putObject(bucket, key, new ByteArrayInputStream(new byte[size]));
    }

    @Test
    void plan_expirationAdded_measuresCurrentObjectsUnderPrefix(URI endpoint, OSS oss) throws IOException {
        oss.createBucket("it-inv-current");
        put(oss, "it-inv-current", "temp/a", 10);
        put(oss, "it-inv-current", "temp/b", 20);
        put(oss, "it-inv-current", "temp/c", 30);
        put(oss, "it-inv-current", "keep/d", 1000);
        Path p = profile(
                endpoint,
                "it-inv-current",
                "Suspended",
                "{ ID: temp, Prefix: temp/, Status: Enabled, Expiration: { Days: 7 } }");

        CliRun full = CliRun.run(LATER, "plan", "-p", p.toString(), "--no-color");
        CliRun bounded = CliRun.run(LATER, "plan", "-p", p.toString(), "--no-color", "--inventory-limit", "2");
        CliRun skipped = CliRun.run(LATER, "plan", "-p", p.toString(), "--no-color", "--no-inventory");

        assertContains(
                full.out(),
                "! expiration-added: lifecycle rule temp adds Expiration after 7 days: would expire 3 objects, 60 bytes, under temp/\n");
        assertContains(
                bounded.out(), "would expire at least 2 objects, 30 bytes, under temp/ (listing truncated at 2)\n");
        assertContains(
                skipped.out(),
                "! expiration-added: lifecycle rule temp adds Expiration after 7 days: impact not measured: inventory skipped\n");
        assertEquals(0, full.exit(), full.all());
    }

    @Test
    void plan_noncurrentExpirationAdded_measuresNoncurrentVersions(URI endpoint, OSS oss) throws IOException {
        oss.createBucket("it-inv-versions");
        oss.setBucketVersioning(
                new SetBucketVersioningRequest("it-inv-versions", new BucketVersioningConfiguration("Enabled")));
        put(oss, "it-inv-versions", "temp/a", 10);
        put(oss, "it-inv-versions", "temp/a", 20);
        put(oss, "it-inv-versions", "temp/a", 40);
        Path p = profile(
                endpoint,
                "it-inv-versions",
                "Enabled",
                "{ ID: old, Prefix: temp/, Status: Enabled, NoncurrentVersionExpiration: { NoncurrentDays: 1 } }");

        CliRun plan = CliRun.run(LATER, "plan", "-p", p.toString(), "--no-color");

        assertContains(plan.out(), "would expire 2 noncurrent versions, 30 bytes, under temp/\n");
    }
}
