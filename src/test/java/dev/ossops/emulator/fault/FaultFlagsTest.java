package dev.ossops.emulator.fault;

import dev.ossops.cli.Main;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code --fault-*} options of {@code ossops emulator}, checked before any server starts. */
class FaultFlagsTest {

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void help_listsTheFaultOptions() {
        Run run = run("emulator", "--help");
        for (String option : new String[] {
            "--fault-latency-ms",
            "--fault-503-rate",
            "--fault-500-rate",
            "--fault-qps",
            "--fault-reset-rate",
            "--fault-seed",
            "--fault-connection-bandwidth",
            "--fault-total-bandwidth"
        }) {
            assertTrue(run.out().contains(option), run.out());
        }
    }

    @Test
    void faultRate_outOfRange_isOneErrorLineAndExitOne() {
        Run run = run("emulator", "--port", "0", "--fault-503-rate", "1.5");
        assertEquals(1, run.exit());
        assertEquals("error: slowDownRate must be between 0 and 1, was 1.5\n", run.err());
    }

    @Test
    void faultRates_summingAboveOne_areRefused() {
        Run run = run("emulator", "--port", "0", "--fault-500-rate", "0.7", "--fault-reset-rate", "0.7");
        assertEquals(1, run.exit());
        assertEquals("error: slowDownRate + internalErrorRate + resetRate must not exceed 1, was 1.4\n", run.err());
    }

    @Test
    void connectionBandwidth_notASize_isOneErrorLineAndExitOne() {
        Run run = run("emulator", "--port", "0", "--fault-connection-bandwidth", "fast");
        assertEquals(1, run.exit());
        assertEquals(
                "error: invalid size 'fast': use bytes or a number with K, M, G or T (binary units, e.g. 8MiB)\n",
                run.err());
    }
}
