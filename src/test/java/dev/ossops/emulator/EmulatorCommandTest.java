package dev.ossops.emulator;

import dev.ossops.cli.Main;
import dev.ossops.emulator.datadir.RootKeyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ossops emulator} option handling that needs no server. */
class EmulatorCommandTest {

    private record Run(int exit, String out, String err) {}

    private static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), environment);
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void help_listsTheOptionsAndWhereTheCredentialsAreWithoutAnySecret() {
        Run run = run("emulator", "--help");
        assertEquals(0, run.exit());
        for (String option : new String[] {
            "--port",
            "--data-dir",
            "--root-key-id",
            "--root-key-secret",
            "--root-key-secret-file",
            "--account-id",
            "--allow-host",
            "--allow-origin",
            "--other-account",
            "credentials"
        }) {
            assertTrue(run.out().contains(option), option + " missing:\n" + run.out());
        }
        String text = run.out().replaceAll("\\s+", " ");
        assertTrue(
                text.contains(
                        "Each data dir has its own random root credentials, readable by its owner only: 'ossops emulator"
                                + " credentials' prints them. One emulator serves a data dir at a time."),
                run.out());
        assertFalse(run.out().contains("LTAI5tOssopsEmulatorRoot"), run.out());
        assertFalse(run.out().contains("OssopsEmulatorLocalOnlySecret0"), run.out());
    }

    @Test
    void badAccountId_isOneErrorLineAndExitOne() {
        Run run = run("emulator", "--account-id", "123", "--port", "0");
        assertEquals(1, run.exit());
        assertEquals("error: accountId must be 16 digits, was '123'\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void rootKey_secretWithoutId_isRefused(@TempDir Path dir) {
        Run flag = run("emulator", "--port", "0", "--data-dir", dir.toString(), "--root-key-secret", "s3cret-value");
        assertEquals(1, flag.exit());
        assertEquals(
                "error: a fixed root key secret needs its id: --root-key-id or OSSOPS_EMULATOR_ROOT_KEY_ID\n",
                flag.err());
        Run env = run(
                Map.of("OSSOPS_EMULATOR_ROOT_KEY_SECRET", "s3cret-value"),
                "emulator",
                "--port",
                "0",
                "--data-dir",
                dir.toString());
        assertEquals(
                "error: a fixed root key secret needs its id: --root-key-id or OSSOPS_EMULATOR_ROOT_KEY_ID\n",
                env.err());
        assertFalse(Files.exists(dir.resolve("credentials.json")), "a refused start wrote credentials");
    }

    @Test
    void rootKey_idWithoutSecret_isRefused(@TempDir Path dir) {
        Run run = run(
                Map.of("OSSOPS_EMULATOR_ROOT_KEY_ID", "LTAI5tMyFixedRootKeyId01"),
                "emulator",
                "--port",
                "0",
                "--data-dir",
                dir.toString());
        assertEquals(1, run.exit());
        assertEquals(
                "error: a fixed root key id needs its secret: --root-key-secret-file, OSSOPS_EMULATOR_ROOT_KEY_SECRET"
                        + " or --root-key-secret\n",
                run.err());
    }

    @Test
    void rootKey_secretTwice_isRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), "from-file\n");
        Run run = run(
                "emulator",
                "--port",
                "0",
                "--data-dir",
                dir.toString(),
                "--root-key-id",
                "LTAI5tMyFixedRootKeyId01",
                "--root-key-secret",
                "from-flag",
                "--root-key-secret-file",
                file.toString());
        assertEquals("error: give the root key secret once: --root-key-secret or --root-key-secret-file\n", run.err());
    }

    @Test
    void rootKey_emptySecretFileOrBadId_isRefusedWithoutEchoingTheSecret(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), "");
        Run noSecret = run(
                "emulator",
                "--port",
                "0",
                "--data-dir",
                dir.toString(),
                "--root-key-id",
                "LTAI5tMyFixedRootKeyId01",
                "--root-key-secret-file",
                empty.toString());
        assertEquals("error: --root-key-secret-file " + empty + " is empty\n", noSecret.err());
        Run badId = run(
                "emulator",
                "--port",
                "0",
                "--data-dir",
                dir.toString(),
                "--root-key-id",
                "LTAI:5t",
                "--root-key-secret",
                "s3cret value");
        assertEquals("error: the root AccessKey id must be 1 to 128 letters, digits, '.', '_' or '-'\n", badId.err());
        Run badSecret = run(
                "emulator",
                "--port",
                "0",
                "--data-dir",
                dir.toString(),
                "--root-key-id",
                "LTAI5tMyFixedRootKeyId01",
                "--root-key-secret",
                "s3cret value");
        assertEquals(
                "error: the root AccessKey secret must be 1 to 256 visible ASCII characters without spaces\n",
                badSecret.err());
    }

    @Test
    void allowHostAndOrigin_malformed_areRefused(@TempDir Path dir) {
        Run host =
                run("emulator", "--port", "0", "--data-dir", dir.toString(), "--allow-host", "http://oss.dev.internal");
        assertEquals(1, host.exit());
        assertEquals(
                "error: 'http://oss.dev.internal' is not a host name: give a DNS name or an IP address, without scheme or port\n",
                host.err());
        Run origin = run("emulator", "--port", "0", "--data-dir", dir.toString(), "--allow-origin", "localhost:3000");
        assertEquals(
                "error: 'localhost:3000' is not a web origin: give scheme, host and optional port, like http://localhost:3000\n",
                origin.err());
    }

    @Test
    void busyPort_namesTheCauseAndTheWayOut(@TempDir Path dir) throws Exception {
        try (java.net.ServerSocket taken =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            Run run = run(
                    "emulator",
                    "--port",
                    String.valueOf(port),
                    "--data-dir",
                    dir.resolve("data").toString());

            assertEquals(1, run.exit());
            assertEquals(
                    "error: cannot listen on 127.0.0.1:" + port
                            + ": address already in use; another process listens there: "
                            + "stop it, or pick another --port (0 takes a free one)\n",
                    run.err());
        }
    }

    @Test
    void otherAccount_withTheDataDirsOwnRootKey_isOneErrorLineAndServesNothing(@TempDir Path dir) {
        RootKeyFile.write(dir, TestRootKey.KEY);
        Run run = run(
                "emulator",
                "--port",
                "0",
                "--data-dir",
                dir.toString(),
                "--other-account",
                "1680000000000002:" + TestRootKey.ID + ":top-secret-value");
        assertEquals(1, run.exit());
        assertEquals("", run.out());
        assertEquals("error: root key LTAI…Key1 is given to two accounts\n", run.err());
        assertFalse(Files.exists(dir.resolve("emulator.json")), "a refused start recorded itself as serving");
    }

    @Test
    void otherAccount_withoutThreeParts_isOneErrorLineWithoutTheValue() {
        Run run = run("emulator", "--other-account", "1680000000000002:LTAI5tSecondAccountRoot0", "--port", "0");
        assertEquals(1, run.exit());
        assertEquals("error: --other-account takes UID:KEY_ID:SECRET\n", run.err());
    }

    @Test
    void otherAccount_badUid_isRefusedWithoutTheSecret() {
        Run run = run("emulator", "--other-account", "16800:LTAI5tSecondAccountRoot0:top-secret-value", "--port", "0");
        assertEquals(1, run.exit());
        assertEquals("error: account uid must be 16 digits: 16800\n", run.err());
        assertFalse(run.err().contains("top-secret-value"));
    }
}
