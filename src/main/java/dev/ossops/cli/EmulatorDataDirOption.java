package dev.ossops.cli;

import dev.ossops.emulator.EmulatorDefaults;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --data-dir DIR} of the commands that find an emulator's files by its data dir. */
final class EmulatorDataDirOption {
    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            // The default on a line of its own: help may break a path at its dots.
            description = {"The emulator's data dir", "(default: ${DEFAULT-VALUE})."})
    Path dataDir = Path.of(EmulatorDefaults.DATA_DIR);

    /** The data dir as an absolute, normalised path. */
    Path path() {
        return dataDir.toAbsolutePath().normalize();
    }
}
