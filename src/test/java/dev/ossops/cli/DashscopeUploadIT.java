package dev.ossops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorConfig;
import dev.ossops.emulator.EmulatorDefaults;
import dev.ossops.emulator.EmulatorExtension;
import dev.ossops.emulator.dashscope.DashscopeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ossops upload --to dashscope} through Main.run against the emulator's DashScope endpoint. */
@ExtendWith(EmulatorExtension.class)
class DashscopeUploadIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "dashscope-file-" + EmulatorDefaults.ACCOUNT_ID;
    private static final String NOTE =
            "note: requests that pass these oss:// URLs to a model must send the header X-DashScope-OssResourceResolve: enable";

    @Test
    void upload_toDashscope_printsOssUrlAndStoresFile(URI endpoint, EmulatorClients oss, @TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("cat.png"), "not really a png");

        // The key's date comes from the emulator's real clock (it signs the policy with the real time), the
        // expiry from the CLI's fixed clock: the test accepts either UTC date around the run, never a fixed day.
        LocalDate before = LocalDate.now(ZoneOffset.UTC);
        CliRun run = CliRun.run(
                Map.of("DASHSCOPE_API_KEY", DashscopeConfig.DEFAULT_API_KEY),
                "upload",
                "--to",
                "dashscope",
                "--model",
                "qwen-vl-plus",
                "--dashscope-endpoint",
                endpoint.toString(),
                file.toString());
        LocalDate after = LocalDate.now(ZoneOffset.UTC);

        assertEquals(0, run.exit(), run.all());
        JsonNode line = JSON.readTree(run.out());
        String url = line.get("url").asText();
        Matcher key = Pattern.compile(
                        "oss://dashscope-instant/qwen-vl-plus/(\\d{4}-\\d{2}-\\d{2})/[0-9a-f-]{36}/cat\\.png")
                .matcher(url);
        assertTrue(key.matches(), url);
        assertTrue(List.of(before, after).contains(LocalDate.parse(key.group(1))), url);
        assertEquals("2026-11-23T12:00:00Z", line.get("expires_at").asText());
        assertEquals("qwen-vl-plus", line.get("model").asText());
        assertEquals(16, line.get("size").asLong());
        assertEquals(NOTE + "\n", run.err());
        assertArrayEquals(
                Files.readAllBytes(file),
                oss.v4()
                        .getObject(BUCKET, url.substring("oss://".length()))
                        .getObjectContent()
                        .readAllBytes());
        assertFalse(run.all().contains(DashscopeConfig.DEFAULT_API_KEY));
    }

    @Test
    void upload_keyFromEnvFile_twoFilesTwoLines(URI endpoint, @TempDir Path dir) throws Exception {
        Path env =
                Files.writeString(dir.resolve(".env"), "DASHSCOPE_API_KEY=" + DashscopeConfig.DEFAULT_API_KEY + "\n");
        Path a = Files.writeString(dir.resolve("a.txt"), "a");
        Path b = Files.writeString(dir.resolve("b.txt"), "bb");

        CliRun run = CliRun.run(
                Map.of(),
                "upload",
                "--to",
                "dashscope",
                "--model",
                "qwen-vl-max",
                "--env-file",
                env.toString(),
                "--dashscope-endpoint",
                endpoint.toString(),
                a.toString(),
                b.toString());

        assertEquals(0, run.exit(), run.all());
        String[] lines = run.out().split("\n");
        assertEquals(2, lines.length, run.out());
        assertTrue(JSON.readTree(lines[0]).get("url").asText().endsWith("/a.txt"));
        assertEquals(2, JSON.readTree(lines[1]).get("size").asLong());
    }

    @Test
    void upload_wrongKey_failsWithMaskedKey(URI endpoint, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("cat.png"), "x");

        CliRun run = CliRun.run(
                Map.of("DASHSCOPE_API_KEY", "sk-wrong-secret-key-9876"),
                "upload",
                "--to",
                "dashscope",
                "--model",
                "qwen-vl-plus",
                "--dashscope-endpoint",
                endpoint.toString(),
                file.toString());

        assertEquals(1, run.exit());
        assertEquals("", run.out());
        assertEquals(
                "error: DashScope getPolicy for model qwen-vl-plus with key sk-…9876 failed: 401 InvalidApiKey:"
                        + " Invalid API-key provided.\n",
                run.err());
        assertFalse(run.all().contains("sk-wrong-secret-key-9876"));
    }

    @Test
    void upload_noKey_refused(URI endpoint, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("cat.png"), "x");

        CliRun run = CliRun.run(
                Map.of(),
                "upload",
                "--to",
                "dashscope",
                "--model",
                "qwen-vl-plus",
                "--dashscope-endpoint",
                endpoint.toString(),
                file.toString());

        assertEquals(1, run.exit());
        assertTrue(
                run.err()
                        .startsWith(
                                "error: no DashScope API key: set DASHSCOPE_API_KEY (in the environment or --env-file)\n"),
                run.err());
    }

    @Test
    void upload_ossOnlyOption_refused(URI endpoint, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("cat.png"), "x");

        CliRun run = CliRun.run(
                Map.of("DASHSCOPE_API_KEY", DashscopeConfig.DEFAULT_API_KEY),
                "upload",
                "--to",
                "dashscope",
                "--model",
                "qwen-vl-plus",
                "--prefix",
                "p",
                file.toString());

        assertEquals(1, run.exit());
        assertTrue(
                run.err()
                        .startsWith("error: --prefix does not apply to --to dashscope: DashScope's policy fixes bucket,"
                                + " key and lifetime\n"),
                run.err());
    }

    @Test
    void upload_quietThrottled_printsOnlyTheNote(@TempDir Path dir) throws Exception {
        EmulatorConfig config = EmulatorConfig.builder()
                .port(0)
                .dataDir(dir.resolve("data"))
                .dashscope(new DashscopeConfig(Set.of("sk-slow-key-12345678"), Map.of("qwen-vl-plus", 100), 1))
                .build();
        Path a = Files.writeString(dir.resolve("a.txt"), "a");
        Path b = Files.writeString(dir.resolve("b.txt"), "b");
        try (Emulator emulator = new Emulator(config).start()) {
            CliRun run = CliRun.run(
                    Map.of("DASHSCOPE_API_KEY", "sk-slow-key-12345678"),
                    "upload",
                    "-q",
                    "--to",
                    "dashscope",
                    "--model",
                    "qwen-vl-plus",
                    "--dashscope-endpoint",
                    emulator.endpoint().toString(),
                    a.toString(),
                    b.toString());

            assertEquals(0, run.exit(), run.all());
            assertEquals(NOTE + "\n", run.err());
        }
    }

    @Test
    void upload_modelWithoutDashscope_refused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("cat.png"), "x");

        CliRun run = CliRun.run(Map.of(), "upload", "--model", "qwen-vl-plus", file.toString());

        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("error: --model and --dashscope-endpoint need --to dashscope\n"), run.err());
    }

    @Test
    void upload_overModelLimit_refusedBeforeUpload(@TempDir Path dir) throws Exception {
        EmulatorConfig config = EmulatorConfig.builder()
                .port(0)
                .dataDir(dir.resolve("data"))
                .dashscope(new DashscopeConfig(Set.of("sk-tiny-key-12345678"), Map.of("tiny-model", 1), 100))
                .build();
        Path big = Files.write(dir.resolve("big.bin"), new byte[1024 * 1024 + 1]);
        Path small = Files.writeString(dir.resolve("small.txt"), "ok");
        try (Emulator emulator = new Emulator(config).start()) {
            CliRun run = CliRun.run(
                    Map.of("DASHSCOPE_API_KEY", "sk-tiny-key-12345678"),
                    "upload",
                    "--to",
                    "dashscope",
                    "--model",
                    "tiny-model",
                    "--dashscope-endpoint",
                    emulator.endpoint().toString(),
                    big.toString(),
                    small.toString());

            assertEquals(1, run.exit(), run.all());
            assertEquals(1, run.out().split("\n").length, run.out());
            assertEquals(
                    "error: " + big + " is 1048577 bytes, over the 1 MB that model tiny-model accepts\n" + NOTE + "\n",
                    run.err());
            // Only the small file reached the emulator: the big one was never posted.
            assertEquals(1, emulator.stats().snapshot().requests("PostObject"));
        }
    }

    @Test
    void upload_throttledPolicy_retriedWithBackoff(@TempDir Path dir) throws Exception {
        EmulatorConfig config = EmulatorConfig.builder()
                .port(0)
                .dataDir(dir.resolve("data"))
                .dashscope(new DashscopeConfig(Set.of("sk-slow-key-12345678"), Map.of("qwen-vl-plus", 100), 1))
                .build();
        Path a = Files.writeString(dir.resolve("a.txt"), "a");
        Path b = Files.writeString(dir.resolve("b.txt"), "b");
        try (Emulator emulator = new Emulator(config).start()) {
            CliRun run = CliRun.run(
                    Map.of("DASHSCOPE_API_KEY", "sk-slow-key-12345678"),
                    "upload",
                    "--to",
                    "dashscope",
                    "--model",
                    "qwen-vl-plus",
                    "--dashscope-endpoint",
                    emulator.endpoint().toString(),
                    a.toString(),
                    b.toString());

            assertEquals(0, run.exit(), run.all());
            assertEquals(2, run.out().split("\n").length, run.out());
            assertTrue(
                    run.err()
                            .startsWith(
                                    "DashScope getPolicy for model qwen-vl-plus throttled (429 Throttling.RateQuota:"
                                            + " Requests rate limit exceeded, please try again later.), retrying in 200 ms\n"),
                    run.err());
            assertTrue(run.err().endsWith(NOTE + "\n"), run.err());
            assertFalse(run.all().contains("sk-slow-key-12345678"));
        }
    }
}
