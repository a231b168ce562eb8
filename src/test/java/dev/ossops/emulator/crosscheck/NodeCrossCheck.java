package dev.ossops.emulator.crosscheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs {@code node crosscheck.js} from a directory holding the pinned ali-oss install and reads
 * back its one JSON result line. The script's environment carries the secret; its output is
 * redacted again here before it is ever shown.
 */
final class NodeCrossCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path nodeDir;
    private final Duration timeout;

    NodeCrossCheck(Path nodeDir, Duration timeout) {
        this.nodeDir = nodeDir;
        this.timeout = timeout;
    }

    /** One step of the script as it reported it. */
    record Step(String name, boolean ok, String error) {}

    /** What one run printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr, List<Step> steps) {
        String transcript() {
            return "exit code " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /** Fails (never skips) when ali-oss is not installed: CI installs it, a developer must too. */
    void requireInstalled() {
        if (!Files.isDirectory(nodeDir.resolve("node_modules/ali-oss"))) {
            fail(nodeDir.resolve("node_modules") + " has no ali-oss: run `npm ci --prefix " + nodeDir
                    + "` first (mvn verify does this before the integration tests)");
        }
    }

    Result run(Map<String, String> env, String secret) throws IOException, InterruptedException {
        requireInstalled();
        Path out = Files.createTempFile("crosscheck-", ".out");
        Path err = Files.createTempFile("crosscheck-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder("node", "crosscheck.js")
                    .directory(nodeDir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                fail("node crosscheck.js did not finish within " + timeout + "\n--- stdout\n"
                        + redact(Files.readString(out), secret) + "--- stderr\n"
                        + redact(Files.readString(err), secret));
            }
            String stdout = redact(Files.readString(out), secret);
            String stderr = redact(Files.readString(err), secret);
            return new Result(process.exitValue(), stdout, stderr, steps(stdout));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The steps of the last non-empty stdout line, or none when the script printed no result. */
    static List<Step> steps(String stdout) {
        String[] lines = stdout.strip().split("\n");
        String last = lines[lines.length - 1];
        if (!last.startsWith("{")) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(last);
        } catch (IOException e) {
            throw new UncheckedIOException("the result line is not JSON: " + last, e);
        }
        List<Step> steps = new ArrayList<>();
        for (JsonNode step : root.path("steps")) {
            steps.add(new Step(
                    step.path("name").asText(),
                    step.path("ok").asBoolean(),
                    step.hasNonNull("error") ? step.get("error").asText() : null));
        }
        return steps;
    }

    static String redact(String text, String secret) {
        return text.replace(secret, "<secret>");
    }
}
