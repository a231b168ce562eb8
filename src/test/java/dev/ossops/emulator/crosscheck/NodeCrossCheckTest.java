package dev.ossops.emulator.crosscheck;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NodeCrossCheckTest {
    @Test
    void run_withoutNodeModules_failsSayingHowToInstall(@TempDir Path dir) {
        NodeCrossCheck check = new NodeCrossCheck(dir, Duration.ofSeconds(5));

        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> check.run(Map.of(), "s3cr3t"));

        assertEquals(
                dir.resolve("node_modules") + " has no ali-oss: run `npm ci --prefix " + dir
                        + "` first (mvn verify does this before the integration tests)",
                error.getMessage());
    }

    @Test
    void steps_resultLineAfterOtherOutput_parsesEachStep() {
        String stdout = "a warning\n{\"mode\":\"v1\",\"ok\":false,\"steps\":[{\"name\":\"put\",\"ok\":true},"
                + "{\"name\":\"get\",\"ok\":false,\"error\":\"NoSuchKeyError NoSuchKey: gone\"}]}\n";

        assertEquals(
                List.of(
                        new NodeCrossCheck.Step("put", true, null),
                        new NodeCrossCheck.Step("get", false, "NoSuchKeyError NoSuchKey: gone")),
                NodeCrossCheck.steps(stdout));
    }

    @Test
    void steps_noResultLine_isEmpty() {
        assertEquals(List.of(), NodeCrossCheck.steps("crosscheck aborted: Error: boom\n"));
    }

    @Test
    void redact_removesTheSecretEverywhere() {
        assertEquals("key <secret> and <secret>", NodeCrossCheck.redact("key s3cr3t and s3cr3t", "s3cr3t"));
    }
}
