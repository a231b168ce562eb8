package dev.ossops.emulator;

import dev.ossops.cli.Main;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ossops emulator} option handling that needs no server. */
class EmulatorCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void help_listsTheOptionsWithoutTheSecret() {
        Run run = run("emulator", "--help");
        assertEquals(0, run.exit());
        for (String option : new String[] {"--port", "--data-dir", "--root-key-id", "--root-key-secret", "--account-id"}) {
            assertTrue(run.out().contains(option), run.out());
        }
        assertTrue(run.out().contains("LTAI5tOssopsEmulatorRoot"), run.out());
        assertFalse(run.out().contains(EmulatorDefaults.ROOT_KEY_SECRET), run.out());
    }

    @Test
    void badAccountId_isOneErrorLineAndExitOne() {
        Run run = run("emulator", "--account-id", "123", "--port", "0");
        assertEquals(1, run.exit());
        assertEquals("error: accountId must be 16 digits, was '123'\n", run.err());
        assertEquals("", run.out());
    }
}
