package dev.ossops.cli;

import dev.ossops.emulator.datadir.RootKey;
import dev.ossops.emulator.datadir.RootKeyFile;
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
    void applyThenPlan_embeddedLocalProfile_converges() throws IOException {
        for (String dir : new String[] {"profiles", "cors", "lifecycle", "policies"}) {
            copyTree(Path.of(dir), home.resolve(dir));
        }
        String profile = home.resolve("profiles/local.yaml").toString();

        CliRun apply = CliRun.run(Map.of(), "apply", "-p", profile, "--auto-approve");

        assertEquals(0, apply.exit(), apply.all());
        Path data = home.resolve(".ossops/emulator");
        RootKey key = RootKeyFile.read(data).orElseThrow();
        assertContains(
                apply.out(),
                "Credentials: the emulator's root key " + key.id().substring(0, 4) + "…"
                        + key.id().substring(key.id().length() - 4) + " (" + data.resolve("credentials.json")
                        + "); the profile's credentials are ignored for endpoint: embedded");
        assertFalse(apply.all().contains(key.secret()), "the root secret leaked");
        assertFalse(apply.out().contains("Not planned"), apply.out());
        assertContains(apply.out(), "  applied  ram.role.oss-upload-role: CreateRole oss-upload-role");
        assertContains(apply.out(), "  applied  ram.policy.UploaderMinimal: CreatePolicy UploaderMinimal");
        assertContains(
                apply.out(),
                "  applied  cdn.domain.media.myapp.test.private_oss_auth: SetPrivateOssAuth media.myapp.test on");
        assertContains(apply.out(), "  applied  bucket.myapp-local-media: PutBucket myapp-local-media");
        assertContains(apply.out(), "verified: live state matches the profile");
        assertTrue(Files.isDirectory(home.resolve(".ossops/emulator")));

        CliRun plan = CliRun.run(Map.of(), "plan", "-p", profile, "--detailed-exitcode");

        assertEquals(0, plan.exit(), plan.all());
        assertTrue(plan.out().endsWith("No changes. Live state matches the profile.\n"), plan.out());
        assertFalse(plan.all().contains(key.secret()), "the root secret leaked");
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
