package dev.ossops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The one place tests compare output with stored files: {@code src/test/resources/golden/PATH}. After an intended
 * change, run the tests with {@code -Dgolden.update=true} to rewrite the files, then review the diff.
 */
public final class GoldenFiles {
    /** The system property that rewrites golden files instead of only reading them. */
    public static final String UPDATE = "golden.update";

    private static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private GoldenFiles() {}

    /**
     * Asserts that {@code actual} is the content of the golden file at {@code path} (below the golden root). A file
     * ends with exactly one newline, so output without a final newline is compared as if it had one.
     */
    public static void assertGolden(String path, String actual) {
        Path file = ROOT.resolve(path);
        String expected = actual.endsWith("\n") ? actual : actual + "\n";
        try {
            if (Boolean.getBoolean(UPDATE)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, expected, StandardCharsets.UTF_8);
            }
            if (!Files.isRegularFile(file)) {
                fail("missing golden file " + file + " (run with -D" + UPDATE + "=true to write it)");
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), expected, "golden file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("golden file " + file, e);
        }
    }
}
