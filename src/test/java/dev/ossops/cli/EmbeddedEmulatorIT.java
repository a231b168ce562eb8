package dev.ossops.cli;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.ram.model.v20150501.GetUserRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorConfig;
import dev.ossops.emulator.EmulatorProcess;
import dev.ossops.emulator.datadir.RootKey;
import dev.ossops.emulator.datadir.ServingRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.ossops.cli.CliRun.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One data dir, one emulator, with real {@code ossops emulator} child processes: a second emulator
 * is refused naming the first, a killed one's record is recognised as stale, and
 * {@code endpoint: embedded} uses the running emulator, so the URLs it prints keep working; without
 * one it says in one line that they will not.
 */
class EmbeddedEmulatorIT {
    private static final byte[] CONTENT = "shared through the running emulator".getBytes();

    @TempDir
    Path dir;

    private Path profile(Path dataDir) throws IOException {
        return Files.writeString(
                dir.resolve("embedded.yaml"),
                "apiVersion: ossops/v1\nkind: Profile\nname: embedded\nregion: cn-hangzhou\n"
                        + "endpoint: embedded\nemulator:\n  dataDir: " + dataDir
                        + "\nuploader:\n  bucket: media\n  prefix: uploads\n"
                        + "  keyLayout: \"{prefix}/{filename}\"\n  allowedContentTypes: [text/plain]\n");
    }

    private static void createBucket(URI endpoint, RootKey key, String bucket) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setMaxErrorRetry(0);
        OSS oss = OSSClientBuilder.create()
                .endpoint(endpoint.toString())
                .credentialsProvider(new DefaultCredentialProvider(key.id(), key.secret()))
                .clientConfiguration(conf)
                .build();
        try {
            oss.createBucket(bucket);
        } finally {
            oss.shutdown();
        }
    }

    private static HttpResponse<byte[]> get(URI url) {
        try {
            return HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String notice(Path dataDir) {
        return "note: URLs printed here stop working when this command ends, and the embedded emulator with it;"
                + " to keep them valid, start one first: ossops emulator --data-dir " + dataDir + "\n";
    }

    @Test
    void emulatorCommand_onADataDirInUse_isRefusedNamingTheFirstOnesPidAndPort() throws Exception {
        Path data = dir.resolve("data");
        try (EmulatorProcess first = EmulatorProcess.start(data)) {
            ServingRecord record = ServingRecord.read(data).orElseThrow();
            assertEquals(first.process().pid(), record.pid());

            CliRun second = CliRun.run(Map.of(), "emulator", "--port", "0", "--data-dir", data.toString());

            assertEquals(1, second.exit());
            assertEquals(
                    "error: data dir " + data + " is in use by ossops emulator pid "
                            + first.process().pid() + " on " + first.endpoint() + ", started " + record.startedAt()
                            + "; stop it, or give this one another --data-dir\n",
                    second.err());
            assertEquals("", second.out());
            assertTrue(first.process().isAlive());
        }
    }

    @Test
    void emulatorCommand_afterTheFirstWasKilled_takesTheDataDirOverWithItsKey() throws Exception {
        Path data = dir.resolve("data");
        RootKey key;
        try (EmulatorProcess first = EmulatorProcess.start(data)) {
            key = first.rootKey();
            first.kill();
            // kill -9 leaves the record behind; the lock went with the process.
            assertEquals(
                    first.process().pid(),
                    ServingRecord.read(data).orElseThrow().pid());
        }
        try (EmulatorProcess second = EmulatorProcess.start(data)) {
            ServingRecord record = ServingRecord.read(data).orElseThrow();
            assertEquals(second.process().pid(), record.pid());
            assertEquals(second.endpoint(), record.endpoint().orElseThrow());
            assertEquals(key, second.rootKey());
            createBucket(second.endpoint(), key, "after-kill");
        }
    }

    @Test
    void uploadAndPresign_withARunningEmulator_useItSoTheirUrlsWorkAfterTheCommand() throws Exception {
        Path data = dir.resolve("data");
        Path file = Files.write(dir.resolve("hello.txt"), CONTENT);
        try (EmulatorProcess running = EmulatorProcess.start(data)) {
            createBucket(running.endpoint(), running.rootKey(), "media");
            Path profile = profile(data);

            CliRun upload = CliRun.run(
                    Map.of(),
                    "upload",
                    "-p",
                    profile.toString(),
                    file.toString(),
                    "--quiet",
                    "--checkpoint-dir",
                    dir.resolve("cp").toString());

            assertEquals(0, upload.exit(), upload.all());
            assertEquals("", upload.err());
            URI url = URI.create(
                    new ObjectMapper().readTree(upload.out()).get("url").asText());
            assertEquals(running.endpoint().getPort(), url.getPort());
            HttpResponse<byte[]> fetched = get(url);
            assertEquals(200, fetched.statusCode());
            assertEquals(new String(CONTENT), new String(fetched.body()));

            CliRun presign = CliRun.run(Map.of(), "presign", "-p", profile.toString(), "uploads/hello.txt");
            assertEquals(0, presign.exit(), presign.all());
            assertEquals("", presign.err());
            JsonNode presigned = new ObjectMapper().readTree(presign.out());
            assertEquals(200, get(URI.create(presigned.get("url").asText())).statusCode());

            CliRun form = CliRun.run(Map.of(), "post-policy", "-p", profile.toString(), "--prefix", "browser/");
            assertEquals(0, form.exit(), form.all());
            assertEquals(
                    running.endpoint() + "/media",
                    new ObjectMapper().readTree(form.out()).get("url").asText());
            assertEquals("", form.err());
        }
    }

    @Test
    void uploadPresignAndPostPolicy_withoutARunningEmulator_sayInOneLineThatTheirUrlsDieWithThem() throws Exception {
        Path data = dir.resolve("data");
        try (Emulator setup =
                new Emulator(EmulatorConfig.builder().port(0).dataDir(data).build()).start()) {
            createBucket(setup.endpoint(), setup.rootKey(), "media");
        }
        Path profile = profile(data);
        Path file = Files.write(dir.resolve("hello.txt"), CONTENT);

        CliRun upload = CliRun.run(
                Map.of(),
                "upload",
                "-p",
                profile.toString(),
                file.toString(),
                "--quiet",
                "--checkpoint-dir",
                dir.resolve("cp").toString());
        assertEquals(0, upload.exit(), upload.all());
        assertEquals(notice(data), upload.err());

        CliRun presign = CliRun.run(Map.of(), "presign", "-p", profile.toString(), "uploads/hello.txt");
        assertEquals(0, presign.exit(), presign.all());
        assertEquals(notice(data), presign.err());

        CliRun form = CliRun.run(Map.of(), "post-policy", "-p", profile.toString(), "--prefix", "browser/");
        assertEquals(0, form.exit(), form.all());
        assertEquals(notice(data), form.err());
    }

    /** The README's flow: `ossops emulator` on local.yaml's data dir, then plan and apply with endpoint: embedded. */
    @Test
    void applyAndPlan_localProfileWhileTheReadmesEmulatorRuns_shareOneStateWithIt() throws Exception {
        Path home = dir.resolve("home");
        for (String tree : new String[] {"profiles", "cors", "lifecycle", "policies"}) {
            copyTree(Path.of(tree), home.resolve(tree));
        }
        String profile = home.resolve("profiles/local.yaml").toString();
        Path data = home.resolve(".ossops/emulator");
        try (EmulatorProcess standalone = EmulatorProcess.start(data)) {
            CliRun apply = CliRun.run(Map.of(), "apply", "-p", profile, "--auto-approve");

            assertEquals(0, apply.exit(), apply.all());
            assertContains(
                    apply.out(),
                    "Endpoint: ossops emulator pid " + standalone.process().pid() + " at " + standalone.endpoint()
                            + " (data " + data + ")");
            assertContains(apply.out(), "verified: live state matches the profile");
            // The user apply created is in the running emulator, as its own RAM API shows.
            IAcsClient ram = new DefaultAcsClient(DefaultProfile.getProfile(
                    "cn-beijing",
                    standalone.rootKey().id(),
                    standalone.rootKey().secret()));
            try {
                GetUserRequest user = new GetUserRequest();
                user.setUserName("app-oss-user");
                user.setSysEndpoint("127.0.0.1:" + standalone.endpoint().getPort());
                user.setSysProtocol(ProtocolType.HTTP);
                assertEquals("app-oss-user", ram.getAcsResponse(user).getUser().getUserName());
            } finally {
                ram.shutdown();
            }
            CliRun plan = CliRun.run(Map.of(), "plan", "-p", profile, "--detailed-exitcode");
            assertEquals(0, plan.exit(), plan.all());

            assertTrue(standalone.process().toHandle().destroy());
            assertTrue(standalone.process().waitFor(30, TimeUnit.SECONDS));
        }
        // With the emulator stopped, the command runs one in-process on the same state.
        CliRun plan = CliRun.run(Map.of(), "plan", "-p", profile, "--detailed-exitcode");
        assertEquals(0, plan.exit(), plan.all());
        assertContains(plan.out(), "Endpoint: embedded emulator at http://127.0.0.1:");
        assertTrue(plan.out().endsWith("No changes. Live state matches the profile.\n"), plan.out());
        assertFalse(Files.exists(data.resolve("emulator.json")), "the in-process emulator left its record behind");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.createDirectories(
                        to.resolve(from.relativize(p).toString()).getParent());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to.resolve(from.relativize(p).toString()));
                } else {
                    Files.copy(p, to.resolve(from.relativize(p).toString()));
                }
            }
        }
    }
}
