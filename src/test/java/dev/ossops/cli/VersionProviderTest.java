package dev.ossops.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VersionProviderTest {
    @Test
    void commit_fromThePropertiesTheBuildWrites() {
        assertEquals("abc1234", VersionProvider.commit("/version/ossops-git.properties"));
    }

    @Test
    void commit_withoutTheFile_isUnknown() {
        assertEquals("unknown", VersionProvider.commit("/version/no-such.properties"));
    }

    @Test
    void commit_emptyAsTheBuildWritesItWithoutGit_isUnknown() {
        assertEquals("unknown", VersionProvider.commit("/version/no-commit.properties"));
    }

    @Test
    void line_namesVersionAndCommit() {
        assertEquals("ossops 1.2.3 (commit abc1234)", VersionProvider.line("1.2.3", "abc1234"));
        assertEquals("ossops development build (commit unknown)", VersionProvider.line(null, "unknown"));
    }

    @Test
    void version_run_printsTheCommitOfThisBuild() {
        // The build writes the file from this checkout, so the line carries a commit id (or "unknown" without .git).
        CliRun run = CliRun.run(java.util.Map.of(), "--version");
        assertEquals(0, run.exit());
        assertEquals(
                VersionProvider.line(null, VersionProvider.commit(VersionProvider.GIT_PROPERTIES)) + "\n",
                run.out().replace("\r\n", "\n"));
    }
}
