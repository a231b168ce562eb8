package dev.ossops.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replace_newFile_writesContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("state.json");
        AtomicFiles.replace(target, bytes("{\"a\":1}"));
        assertEquals("{\"a\":1}", Files.readString(target));
        assertEquals(List.of("state.json"), names(dir));
    }

    @Test
    void replace_existingFile_replacesItWhole() throws IOException {
        Path target = dir.resolve("state.json");
        Files.writeString(target, "a much longer old content than the new one");
        AtomicFiles.replace(target, bytes("new"));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("state.json"), names(dir));
    }

    @Test
    void replace_missingParents_createsThem() throws IOException {
        Path target = dir.resolve("a").resolve("b").resolve("c.json");
        AtomicFiles.replace(target, bytes("x"));
        assertEquals("x", Files.readString(target));
    }

    @Test
    void replace_linkAtTarget_replacesTheLinkNotItsTarget() throws IOException {
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.txt"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), elsewhere);
        AtomicFiles.replace(link, bytes("new"));
        assertFalse(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(link));
        assertEquals("keep", Files.readString(elsewhere));
    }

    @Test
    void replace_setup_runsOnTheTemporaryFileBeforeTheContent() throws IOException {
        Path target = dir.resolve("credentials.json");
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        AtomicFiles.replace(target, bytes("secret"), temp -> {
            assertEquals(dir, temp.getParent());
            assertEquals(0, Files.size(temp));
            Files.setPosixFilePermissions(temp, ownerOnly);
        });
        assertEquals("secret", Files.readString(target));
        assertEquals(ownerOnly, Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void replace_setupFails_keepsTheOldFileAndRemovesTheTemporaryOne() throws IOException {
        Path target = Files.writeString(dir.resolve("state.json"), "old");
        IOException e = assertThrows(
                IOException.class,
                () -> AtomicFiles.replace(target, bytes("new"), temp -> {
                    throw new IOException("refused");
                }));
        assertEquals("refused", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("state.json"), names(dir));
    }

    @Test
    void replace_targetIsANonEmptyDirectory_failsAndRemovesTheTemporaryFile() throws IOException {
        Path target = Files.createDirectory(dir.resolve("taken"));
        Files.writeString(target.resolve("inside"), "x");
        assertThrows(IOException.class, () -> AtomicFiles.replace(target, bytes("new")));
        assertEquals(List.of("taken"), names(dir));
        assertTrue(Files.isDirectory(target));
    }

    @Test
    void createTemp_createsDistinctOwnerOnlyFilesOpenForWriting() throws IOException {
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

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
