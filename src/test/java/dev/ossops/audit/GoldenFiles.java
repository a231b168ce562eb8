package dev.ossops.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Compares output with src/test/resources/audit/golden/NAME. Run with {@code -Daudit.golden.update=true} to rewrite
 * the files after an intended change, then review the diff.
 */
public final class GoldenFiles {
    private static final Path DIR = Path.of("src", "test", "resources", "audit", "golden");

    private GoldenFiles() {
    }

    public static void assertGolden(String name, String actual) {
        Path file = DIR.resolve(name);
        try {
            if (Boolean.getBoolean("audit.golden.update")) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading golden file " + file, e);
        }
    }
}
