package dev.ossops.emulator.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFilesTest {

    @Test
    void write_intoMissingDirectories_createsThemAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("a/b/record.json");
        AtomicFiles.write(target, "{}".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "{\"v\":2}".getBytes(StandardCharsets.UTF_8));

        assertEquals("{\"v\":2}", Files.readString(target));
        try (var files = Files.list(target.getParent())) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void moveIntoPlace_intoMissingDirectory_createsIt(@TempDir Path dir) throws IOException {
        Path source = Files.writeString(dir.resolve("staged"), "content");
        Path target = dir.resolve("blobs/id");
        AtomicFiles.moveIntoPlace(source, target);

        assertEquals("content", Files.readString(target));
        assertFalse(Files.exists(source));
    }

    @Test
    void moveIntoPlace_missingSource_failsWithoutCreatingTheTargetDirectory(@TempDir Path dir) {
        NoSuchFileException e = assertThrows(
                NoSuchFileException.class,
                () -> AtomicFiles.moveIntoPlace(dir.resolve("gone"), dir.resolve("blobs/id")));
        assertEquals(dir.resolve("gone").toString(), e.getFile());
        assertFalse(Files.exists(dir.resolve("blobs")));
    }
}
