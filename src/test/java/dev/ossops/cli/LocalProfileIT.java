package dev.ossops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static dev.ossops.cli.CliRun.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documented quick start: apply profiles/local.yaml on the embedded emulator, then plan shows no changes. */
class LocalProfileIT {

    @TempDir
    Path home;

    @Test
    void applyThenPlan_embeddedLocalProfile_convergesForBuckets() throws IOException {
        for (String dir : new String[] {"profiles", "cors", "lifecycle", "policies"}) {
            copyTree(Path.of(dir), home.resolve(dir));
        }
        String profile = home.resolve("profiles/local.yaml").toString();

        CliRun apply = CliRun.run(Map.of(), "apply", "-p", profile, "--auto-approve");

        assertEquals(0, apply.exit(), apply.all());
        assertContains(apply.out(), "Credentials: the emulator's root key LTAI…Root; the profile's credentials are ignored for endpoint: embedded");
        // RAM and CDN have live sources and steps now, so the whole profile is planned and applied.
        assertFalse(apply.out().contains("Not planned"), apply.out());
        assertContains(apply.out(), "  applied  ram.role.oss-upload-role: CreateRole oss-upload-role");
        assertContains(apply.out(), "  applied  cdn.domain.media.myapp.test: AddCdnDomain media.myapp.test");
        assertContains(apply.out(), "Apply: 28 applied, 0 failed, 0 skipped.");
        assertContains(apply.out(), "  applied  bucket.myapp-local-media: PutBucket myapp-local-media");
        assertContains(apply.out(), "verified: live state matches the profile");
        assertTrue(Files.isDirectory(home.resolve(".ossops/emulator")));

        CliRun plan = CliRun.run(Map.of(), "plan", "-p", profile, "--detailed-exitcode");

        assertEquals(0, plan.exit(), plan.all());
        assertTrue(plan.out().endsWith("No changes. Live state matches the profile.\n"), plan.out());
        assertFalse(plan.all().contains("OssopsEmulatorLocalOnlySecret0"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(p -> {
                try {
                    Files.copy(p, to.resolve(from.relativize(p).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
