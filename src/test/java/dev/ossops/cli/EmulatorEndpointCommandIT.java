package dev.ossops.cli;

import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code ossops emulator endpoint}: where the emulator serving a data dir listens, and a clear error when none does. */
class EmulatorEndpointCommandIT {
    @TempDir
    Path dataDir;

    @Test
    void endpoint_whileServed_isPrinted_afterwardsAnError() {
        try (Emulator emulator =
                new Emulator(EmulatorConfig.builder().port(0).dataDir(dataDir).build()).start()) {
            CliRun run = CliRun.run(Map.of(), "emulator", "endpoint", "--data-dir", dataDir.toString());
            assertEquals(0, run.exit(), run.err());
            assertEquals(emulator.endpoint() + "\n", run.out());
        }
        CliRun stopped = CliRun.run(Map.of(), "emulator", "endpoint", "--data-dir", dataDir.toString());
        assertEquals(1, stopped.exit());
        assertEquals(
                "error: no emulator serves " + dataDir + " now; start one: ossops emulator --data-dir " + dataDir
                        + "\n",
                stopped.err());
        assertEquals("", stopped.out());
    }
}
