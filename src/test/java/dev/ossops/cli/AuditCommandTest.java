package dev.ossops.cli;

import dev.ossops.audit.AuditOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AuditCommandTest {
    @TempDir
    Path dir;

    @Test
    void exitCode_everyOutcome_documentedCode() {
        assertEquals(0, AuditCommand.exitCode(AuditOutcome.PASSED));
        assertEquals(1, AuditCommand.exitCode(AuditOutcome.INCOMPLETE));
        assertEquals(3, AuditCommand.exitCode(AuditOutcome.FINDINGS));
    }

    @Test
    void call_negativeObjects_errorBeforeConnecting() {
        CliRun run =
                CliRun.run(Map.of(), "audit", "-p", dir.resolve("absent.yaml").toString(), "--objects", "-1");

        assertEquals(1, run.exit());
        assertEquals("error: --objects must be 0 or more, got -1\n", run.err());
    }

    @Test
    void call_missingIgnoreFile_error() {
        Path ignore = dir.resolve("ignore.yaml");
        CliRun run = CliRun.run(
                Map.of(), "audit", "-p", dir.resolve("absent.yaml").toString(), "--ignore-file", ignore.toString());

        assertEquals(1, run.exit());
        assertEquals("error: the ignore file " + ignore + " does not exist\n", run.err());
    }

    @Test
    void call_unknownFormat_usageError() {
        CliRun run = CliRun.run(Map.of(), "audit", "-p", "p.yaml", "--format", "html");

        assertEquals(1, run.exit());
        assertEquals(
                "error: Invalid value for option '--format': expected one of [text, json, sarif] (case-sensitive) but was 'html'\n"
                        + "See 'ossops audit --help'.\n",
                run.err());
    }

    @Test
    void fixPath_liveNameThatLeavesTheFixDirectory_isRefused() {
        assertEquals(
                dir.resolve("policies/media-https-only.json"),
                AuditCommand.fixPath(dir, "policies/media-https-only.json"));
        assertEquals(
                "refusing to write fix file 'policies/../../.profile-https-only.json': '..' names a directory",
                assertThrows(
                                AuditCommand.FixException.class,
                                () -> AuditCommand.fixPath(dir, "policies/../../.profile-https-only.json"))
                        .getMessage());
        assertEquals(
                "refusing to write fix file 'policies/a\\b-https-only.json': it contains '\\', a path separator",
                assertThrows(
                                AuditCommand.FixException.class,
                                () -> AuditCommand.fixPath(dir, "policies/a\\b-https-only.json"))
                        .getMessage());
    }
}
