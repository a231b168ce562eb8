package dev.ossops.readme;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every command line of README.md's code blocks that invokes {@code ./ossops}, as written, with bash, in README
 * order, in a copy of the repository's profiles and documents, against an emulator this test serves on the data dir
 * {@code profiles/local.yaml} names (so {@code endpoint: embedded} attaches to it). {@code ./ossops} there runs the
 * packaged jar directly: the real launcher would rebuild from a source tree the copy does not have.
 *
 * <p>What the examples assume exists is set up first (the table in {@link #setUp}); lines that cannot run offline or
 * never return are in {@link #EXCLUDED}, each with its reason; a line whose documented exit code is not 0 is in
 * {@link #EXIT_CODES}. A new README line that is in neither table must run with exit 0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeExamplesIT {
    /** Lines that are not run, by the start of the line, each with why. */
    static final Map<String, String> EXCLUDED = new LinkedHashMap<>();
    /** Lines whose documented exit code is not 0. */
    static final Map<String, Integer> EXIT_CODES = new LinkedHashMap<>();

    static {
        EXCLUDED.put(
                "./ossops get oss://my-bucket/uploads/a.png https://my-bucket.oss-cn-beijing.aliyuncs.com/",
                "downloads from the real OSS (my-bucket.oss-cn-beijing.aliyuncs.com, GetBucketLocation at oss-cn-hangzhou): not offline; "
                        + "GetCommandIT covers get against the emulator");
        EXCLUDED.put(
                "./ossops audit --region cn-hangzhou",
                "audits the default credentials' account on the real service (public endpoints): not offline; AuditIT "
                        + "runs an audit without a profile against the emulator");
        EXCLUDED.put(
                "./ossops export --region cn-hangzhou",
                "exports the default credentials' account from the real service (public endpoints): not offline; ExportIT "
                        + "runs an export without a profile against the emulator");
        EXCLUDED.put(
                "DASHSCOPE_API_KEY=sk-... ./ossops upload --to dashscope",
                "needs a real DashScope API key and dashscope.aliyuncs.com; DashscopeUploadIT covers it against the emulator's endpoint");
        EXCLUDED.put(
                "./ossops emulator --port 9000 --data-dir .ossops/serve-emulator",
                "serves until stopped, on the fixed port 9000 that another process on a shared machine may hold; EmulatorCommandIT covers it");
        EXCLUDED.put(
                "eval \"$(./ossops emulator credentials --data-dir .ossops/serve-emulator)\" && ./ossops apply -p profiles/serve-local.yaml",
                "needs the emulator of the line before on port 9000 (serve-local.yaml's endpoint)");
        EXCLUDED.put(
                "SERVE_KEY_U123=u123-local-key-0123456789 ./ossops serve", "serves until stopped; ServeIT covers it");
        EXCLUDED.put(
                "./ossops emulator --data-dir .ossops/emulator",
                "serves until stopped; this test serves the same data dir itself, so the lines after it run as they would then");
        EXCLUDED.put(
                "./ossops sts-token -p prod.yaml --role oss-upload-role",
                "prod.yaml here is an endpoint: embedded profile, whose commands sign with the emulator's root key, and STS "
                        + "refuses root keys (as the real service does; the README says to use a RAM user): StsTokenCommandIT and "
                        + "StsTokenE2eIT run it with a RAM user's key");
        // prod.yaml's buckets do not exist yet when it runs: the plan has changes.
        EXIT_CODES.put("./ossops plan -p prod.yaml --detailed-exitcode", 2);
        // The local environment keeps medium findings (no encryption on the logs bucket, no HTTPS-only policy): at or
        // above medium.
        EXIT_CODES.put("./ossops audit -p prod.yaml --format json --fail-on medium", 3);
    }

    @TempDir
    static Path work;

    private Emulator emulator;

    /** One command line of the README, with the number of the line it is on. */
    record Example(int line, String command) {}

    /** Every line of a fenced block (not yaml or json) that runs {@code ./ossops}, with its trailing comment removed. */
    static List<Example> examples(List<String> readme) {
        List<Example> found = new ArrayList<>();
        boolean inBlock = false;
        boolean shell = false;
        for (int i = 0; i < readme.size(); i++) {
            String line = readme.get(i);
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                shell = inBlock && line.substring(3).isBlank();
                continue;
            }
            if (inBlock && shell && line.contains("./ossops ")) {
                found.add(new Example(i + 1, line));
            }
        }
        return found;
    }

    /**
     * What the examples assume:
     * <table>
     * <tr><td>.ossops/emulator</td><td>served by this test (the README's "ossops emulator --data-dir .ossops/emulator")</td></tr>
     * <tr><td>prod.yaml</td><td>profiles/local.yaml with its buckets named myapp-prod-*, on its own embedded data dir</td></tr>
     * <tr><td>photo.jpg, report.pdf, assets/</td><td>the files the upload lines name (assets/ with a.png and sub/b.png)</td></tr>
     * <tr><td>.env, bucket my-bucket</td><td>the QWEN_TMP_OSS_* line's endpoint and key (the emulator's) and its bucket</td></tr>
     * <tr><td>.ossops-ignore.yaml</td><td>an ignore file with one entry for audit --ignore-file</td></tr>
     * </table>
     */
    @BeforeAll
    void setUp() throws IOException {
        Path repo = Path.of("").toAbsolutePath();
        for (String dir : List.of("profiles", "policies", "lifecycle", "cors")) {
            copyTree(repo.resolve(dir), work.resolve(dir));
        }
        Path jar = repo.resolve("target/ossops.jar");
        assertTrue(Files.isRegularFile(jar), "package the jar first (mvn verify does)");
        Path launcher = work.resolve("ossops");
        Files.writeString(launcher, "#!/usr/bin/env bash\nexec java -jar '" + jar + "' \"$@\"\n");
        launcher.toFile().setExecutable(true);

        emulator = new Emulator(EmulatorConfig.builder()
                        .port(0)
                        .dataDir(work.resolve(".ossops/emulator"))
                        .build())
                .start();
        String local = Files.readString(work.resolve("profiles/local.yaml"));
        Files.writeString(
                work.resolve("prod.yaml"),
                local.replace("name: local", "name: prod")
                        .replace("../.ossops/emulator", ".ossops/prod-emulator")
                        .replace("../", "")
                        .replace("myapp-local-", "myapp-prod-"));
        Files.write(
                work.resolve("photo.jpg"),
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0});
        Files.writeString(work.resolve("report.pdf"), "%PDF-1.4\n%%EOF\n");
        Files.createDirectories(work.resolve("assets/sub"));
        Files.write(work.resolve("assets/a.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        Files.write(work.resolve("assets/sub/b.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        Files.writeString(
                work.resolve(".env"),
                "QWEN_TMP_OSS_ENDPOINT=" + emulator.endpoint() + "\nQWEN_TMP_OSS_AK_ID="
                        + emulator.rootKey().id() + "\nQWEN_TMP_OSS_AK_SECRET="
                        + emulator.rootKey().secret() + "\n");
        OSS oss = new OSSClientBuilder()
                .build(
                        emulator.endpoint().toString(),
                        new DefaultCredentialProvider(
                                emulator.rootKey().id(), emulator.rootKey().secret()),
                        null);
        try {
            oss.createBucket("my-bucket");
        } finally {
            oss.shutdown();
        }
        Files.writeString(
                work.resolve(".ossops-ignore.yaml"),
                "- check: OSS-BUCKET-LOGGING-DISABLED\n  resource: acs:oss:*:*:myapp-prod-logs\n"
                        + "  reason: the logs bucket does not log itself\n  expires: 2099-01-01\n");
        Files.createDirectories(work.resolve("home"));
    }

    @AfterAll
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> readme_everyOssopsLine_runsAsWritten() throws IOException {
        List<Example> all = examples(Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8));
        assertTrue(all.size() > 20, "the README has its examples: " + all);
        for (String excluded : EXCLUDED.keySet()) {
            assertTrue(
                    all.stream().anyMatch(e -> e.command().startsWith(excluded)),
                    "an exclusion matches no README line: " + excluded);
        }
        return all.stream()
                .filter(e -> EXCLUDED.keySet().stream().noneMatch(e.command()::startsWith))
                .map(e -> DynamicTest.dynamicTest("README.md:" + e.line() + ": " + e.command(), () -> run(e)));
    }

    private void run(Example example) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", example.command())
                .directory(work.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet()
                .removeIf(name -> name.startsWith("ALIBABA_CLOUD_")
                        || name.startsWith("OSS_")
                        || name.startsWith("QWEN_TMP_OSS_"));
        env.put("HOME", work.resolve("home").toString());
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        boolean done = process.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            process.destroyForcibly();
        }
        int expected = EXIT_CODES.entrySet().stream()
                .filter(c -> example.command().startsWith(c.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(0);
        assertEquals(
                expected,
                done ? process.exitValue() : -1,
                "README.md:" + example.line() + ": " + example.command() + "\n"
                        + new String(output, StandardCharsets.UTF_8));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
