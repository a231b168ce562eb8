package dev.ossops.emulator.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;

/**
 * The store's crash-safe file operations: whole files replaced through {@link dev.ossops.common.AtomicFiles},
 * streamed bodies (already forced) renamed into place with their directory forced, and trees removed.
 */
final class AtomicFiles {
    private AtomicFiles() {}

    /** Replaces (or creates) {@code target} with {@code content}; missing parent directories are created. */
    static void write(Path target, byte[] content) {
        try {
            dev.ossops.common.AtomicFiles.replace(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Renames an already forced file onto {@code target} and forces the directory entry. */
    static void moveIntoPlace(Path source, Path target) throws IOException {
        Path dir = target.getParent();
        if (dir == null) {
            throw new IOException(target + " is a file system root, not a file");
        }
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            if (!Files.exists(source)) {
                throw e;
            }
            Files.createDirectories(dir);
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(dir);
    }

    static void forceDirectory(Path dir) throws IOException {
        dev.ossops.common.AtomicFiles.forceDirectory(dir);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
