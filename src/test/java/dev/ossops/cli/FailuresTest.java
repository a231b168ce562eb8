package dev.ossops.cli;

import dev.ossops.apply.export.ExportTargetException;
import dev.ossops.apply.lock.LockException;
import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.credentials.CredentialsException;
import dev.ossops.common.ErrorCode;
import dev.ossops.policy.PolicyParseException;
import dev.ossops.policy.PolicyParser;
import dev.ossops.policy.PolicyType;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected errors are one line with no --stacktrace hint; only an unexpected one (a bug) offers it. */
class FailuresTest {

    private static String report(Throwable failure, boolean stacktrace, int expectedExit) {
        StringWriter text = new StringWriter();
        int exit = Main.report(failure, new PrintWriter(text), stacktrace);
        assertEquals(expectedExit, exit);
        return text.toString();
    }

    @Test
    void report_cloudError_isOneLineWithoutHint() {
        CloudException e = new CloudException(
                "reading bucket b failed: NoSuchBucket: The specified bucket does not exist.", "NoSuchBucket", 1, null);

        assertEquals(
                "error: reading bucket b failed: NoSuchBucket: The specified bucket does not exist.\n",
                report(e, false, ExitCodes.ERROR));
        assertEquals(ErrorCode.CLOUD_REQUEST_FAILED, Failures.code(e));
    }

    @Test
    void report_credentialsAndLockErrors_areOneLineWithoutHint() {
        assertEquals(
                "error: no credentials: set OSS_ACCESS_KEY_ID\n",
                report(new CredentialsException("no credentials: set OSS_ACCESS_KEY_ID"), false, ExitCodes.ERROR));
        assertEquals(
                "error: the lock is held by run 7\n",
                report(new LockException("the lock is held by run 7"), false, ExitCodes.ERROR));
    }

    @Test
    void report_inputErrorsThatUsedToOfferTheHint_noLongerDo() {
        PolicyParseException policy = assertThrows(
                PolicyParseException.class, () -> PolicyParser.parse("{\"Version\": 1}", PolicyType.IDENTITY));

        assertEquals("error: " + policy.getMessage() + "\n", report(policy, false, ExitCodes.ERROR));
        assertEquals(ErrorCode.POLICY_INVALID, Failures.code(policy));
        assertEquals(
                "error: out/ is a file; name a directory\n",
                report(new ExportTargetException("out/ is a file; name a directory"), false, ExitCodes.ERROR));
    }

    @Test
    void report_expectedErrorWithoutMessage_namesTheClassWithoutHint() {
        assertEquals("error: LockException\n", report(new LockException(null), false, ExitCodes.ERROR));
    }

    @Test
    void report_unexpectedError_offersStacktrace() {
        IllegalStateException bug = new IllegalStateException("step 3 has no address");

        assertEquals(
                "error: step 3 has no address\n(run with --stacktrace for details)\n",
                report(bug, false, ExitCodes.ERROR));
        assertEquals(ErrorCode.INTERNAL, Failures.code(bug));
        assertEquals(Optional.empty(), Failures.explain(bug));
    }

    @Test
    void report_unexpectedErrorWithoutMessage_namesTheClass() {
        assertEquals(
                "error: NullPointerException\n(run with --stacktrace for details)\n",
                report(new NullPointerException(), false, ExitCodes.ERROR));
    }

    @Test
    void report_expectedErrorWithStacktrace_printsTheTraceAndNoHint() {
        String text = report(new LockException("the lock is held by run 7"), true, ExitCodes.ERROR);

        assertTrue(
                text.startsWith("error: the lock is held by run 7\ndev.ossops.apply.lock.LockException: "
                        + "the lock is held by run 7\n\tat "),
                text);
        assertFalse(text.contains("(run with --stacktrace"), text);
    }

    @Test
    void code_fileErrorFromTheJdk_isFileUnusable() {
        UncheckedIOException e = new UncheckedIOException(new NoSuchFileException("/p/x.yaml"));

        assertEquals(ErrorCode.FILE_UNUSABLE, Failures.code(e));
        assertEquals("error: /p/x.yaml: no such file or directory\n", report(e, false, ExitCodes.ERROR));
    }
}
