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
    void call_neitherProfileNorRegion_saysWhatToGive() {
        CliRun run = CliRun.run(Map.of(), "audit");

        assertEquals(1, run.exit());
        assertEquals(
                "error: audit needs -p PROFILE, or --region REGION to audit the account of the default credentials"
                        + " (the environment, then ~/.aliyun/config.json)\n",
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void call_profileAndRegion_refused() {
        CliRun run = CliRun.run(Map.of(), "audit", "-p", "p.yaml", "--region", "cn-hangzhou");

        assertEquals(1, run.exit());
        assertEquals(
                "error: --region and --endpoint are for runs without -p; the profile names its region and endpoint\n",
                run.err());
    }

    @Test
    void call_unknownRegionWithLineBreak_refusedPrintably() {
        CliRun run = CliRun.run(Map.of(), "audit", "--region", "cn-x\r\nerror: forged");

        assertEquals(1, run.exit());
        assertEquals(
                "error: --region must be an Alibaba Cloud region id such as cn-hangzhou, got 'cn-x??error: forged'\n",
                run.err());
    }

    @Test
    void call_endpointNotHttp_refused() {
        CliRun run = CliRun.run(Map.of(), "export", "--region", "cn-hangzhou", "--endpoint", "file:///etc/passwd");

        assertEquals(1, run.exit());
        assertEquals(
                "error: --endpoint must be an http:// or https:// URL with a host, got 'file:///etc/passwd'\n",
                run.err());
    }

    @Test
    void call_exportWithoutProfileOrRegion_saysWhatToGive() {
        CliRun run = CliRun.run(Map.of(), "export", "--out", dir.resolve("out").toString());

        assertEquals(1, run.exit());
        assertEquals(
                "error: export needs -p PROFILE, or --region REGION to export the account of the default credentials"
                        + " (the environment, then ~/.aliyun/config.json)\n",
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
