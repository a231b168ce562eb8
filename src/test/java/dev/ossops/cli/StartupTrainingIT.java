package dev.ossops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StartupTrainingIT {
    @TempDir
    Path dir;

    /** A run that failed would leave its classes out of the AppCDS archive, silently: each must succeed. */
    @Test
    void train_versionValidateAndUpload_allSucceed() throws Exception {
        assertEquals(0, StartupTraining.train(dir));
    }
}
