package dev.ossops.common;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Crash-safe replacement of a whole file: the content goes to a temporary file in the target's directory, is forced
 * to disk, is renamed over the target atomically, and the directory is forced so the rename itself survives a power
 * loss. A reader, or a restart after a crash, sees the old file or the new one, never a torn one.
 */
public final class AtomicFiles {
    /** Temporary files are {@code .tmp-<random>.part}: hidden, and never taken for a file of the target's kind. */
    private static final String TEMP_PREFIX = ".tmp-";

    private static final String TEMP_SUFFIX = ".part";

    /** Something done to the temporary file before the content goes in, such as narrowing its permissions. */
    @FunctionalInterface
    public interface TempFileSetup {
        void prepare(Path temp) throws IOException;
    }

    private AtomicFiles() {}

    /** Replaces (or creates) {@code target} with {@code content}; missing parent directories are created. */
    public static void replace(Path target, byte[] content) throws IOException {
        replace(target, content, temp -> {});
    }

    /** The directory holding {@code target}; a file system root holds no file to replace. */
    private static Path parentOf(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null) {
            throw new IOException(target + " is a file system root, not a file");
        }
        return dir;
    }

    /**
     * As {@link #replace(Path, byte[])}, with {@code setup} applied to the temporary file before it is written.
     * A link at {@code target} is replaced itself, never the file it points to. The temporary file is gone
     * afterwards whether or not the replacement succeeded.
     */
    public static void replace(Path target, byte[] content, TempFileSetup setup) throws IOException {
        Path dir = parentOf(target);
        Path temp = createTempFile(dir);
        boolean moved = false;
        try {
            setup.prepare(temp);
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
        forceDirectory(dir);
    }

    /** Forces {@code dir}'s entries (a rename or a new file in it) to disk. */
    public static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * Directories are created only when missing: {@link Files#createDirectories} on an existing one costs a failed
     * mkdir and an exception built inside, which the emulator's store would pay on every small write.
     */
    private static Path createTempFile(Path dir) throws IOException {
        try {
            return Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX);
        } catch (NoSuchFileException e) {
            Files.createDirectories(dir);
            return Files.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX);
        }
    }
}
