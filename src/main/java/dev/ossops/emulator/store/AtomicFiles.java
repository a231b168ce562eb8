package dev.ossops.emulator.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;

/**
 * Crash-safe file writes: data goes to a temporary file in the target's directory, is forced to
 * disk, then renamed over the target atomically and the directory entry forced too. A reader or
 * a restart sees the old file or the new one, never a torn one.
 */
final class AtomicFiles {
    private AtomicFiles() {
    }

    static void write(Path target, byte[] content) {
        try {
            Path tmp = createTempFile(target.getParent());
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // fdatasync: the content and the size, all a reader after a crash needs.
                channel.force(false);
            }
            moveIntoPlace(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /**
     * Directories are created only when missing: {@link Files#createDirectories} on an existing one
     * fails a mkdir and builds an exception inside, a cost every small request used to pay.
     */
    private static Path createTempFile(Path dir) throws IOException {
        try {
            return Files.createTempFile(dir, ".tmp-", ".part");
        } catch (NoSuchFileException e) {
            Files.createDirectories(dir);
            return Files.createTempFile(dir, ".tmp-", ".part");
        }
    }

    /** Renames an already forced file onto {@code target} and forces the directory entry. */
    static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            if (!Files.exists(source)) {
                throw e;
            }
            Files.createDirectories(target.getParent());
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(target.getParent());
    }

    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
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
