package dev.ossops.emulator.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Pins rendered documents to {@code src/test/resources/golden/emulator-config/NAME}. Run with
 * {@code -Dgolden.update=true} to rewrite the files after an intended change, then review the diff.
 */
final class Golden {
    private static final String DIR = "golden/emulator-config/";

    private Golden() {
    }

    static void assertGolden(String name, String actual) {
        if (Boolean.getBoolean("golden.update")) {
            try {
                Path file = Path.of("src/test/resources", DIR, name);
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        try (InputStream in = Golden.class.getClassLoader().getResourceAsStream(DIR + name)) {
            assertNotNull(in, "missing golden file " + DIR + name);
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(expected.stripTrailing(), actual);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
