package dev.ossops.emulator.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

    @Test
    void createTemp_createsDistinctOwnerOnlyFilesOpenForWriting(@TempDir Path dir) throws IOException {
        AtomicFiles.TempFile first = AtomicFiles.createTemp(dir, "body-", ".data");
        AtomicFiles.TempFile second = AtomicFiles.createTemp(dir, "body-", ".data");
        try (var a = first.channel()) {
            a.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        }
        second.channel().close();

        assertNotEquals(first.path(), second.path());
        assertEquals(3, Files.size(first.path()));
        String name = first.path().getFileName().toString();
        assertTrue(name.startsWith("body-") && name.endsWith(".data"), name);
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.path())));
    }
}
