package dev.ossops.common;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Crash-safe replacement of a whole file: the content goes to a temporary file in the target's directory, is forced
 * to disk, is renamed over the target atomically, and the directory is forced so the rename itself survives a power
 * loss. A reader, or a restart after a crash, sees the old file or the new one, never a torn one.
 */
public final class AtomicFiles {
    /** Temporary files are {@code .tmp-<unique>.part}: hidden, and never taken for a file of the target's kind. */
    private static final String TEMP_PREFIX = ".tmp-";

    private static final String TEMP_SUFFIX = ".part";

    /**
     * Temporary names are unique in this process by a counter and across processes by a prefix drawn once.
     * {@link Files#createTempFile} drew a secure random number per file (a read of the kernel's random source)
     * and created the file only to close it and open it again: two of the six opens of every small PUT the
     * emulator's store took.
     */
    private static final String RUN = Long.toHexString(new SecureRandom().nextLong());

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private static final Set<OpenOption> CREATE_NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    /** Owner only, as {@link Files#createTempFile} made them: what is written may be a secret or another's data. */
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /** A temporary file just created, and open for writing. */
    public record TempFile(Path path, FileChannel channel) {}

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
        TempFile temp = createTempIn(dir);
        boolean moved = false;
        try {
            try (FileChannel channel = temp.channel()) {
                setup.prepare(temp.path());
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp.path(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp.path());
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
    private static TempFile createTempIn(Path dir) throws IOException {
        try {
            return createTemp(dir, TEMP_PREFIX, TEMP_SUFFIX);
        } catch (NoSuchFileException e) {
            Files.createDirectories(dir);
            return createTemp(dir, TEMP_PREFIX, TEMP_SUFFIX);
        }
    }

    /**
     * Creates a file named {@code prefix}, a name unused in {@code dir}, {@code suffix}, readable by the owner only,
     * and opens it for writing, in one system call. A name an earlier run left behind is skipped.
     */
    public static TempFile createTemp(Path dir, String prefix, String suffix) throws IOException {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        while (true) {
            Path path = dir.resolve(prefix + RUN + "-" + SEQUENCE.incrementAndGet() + suffix);
            try {
                FileChannel channel =
                        posix ? FileChannel.open(path, CREATE_NEW, OWNER_ONLY) : FileChannel.open(path, CREATE_NEW);
                return new TempFile(path, channel);
            } catch (FileAlreadyExistsException e) {
                // Left by an earlier process that drew the same prefix; the next number is free.
            }
        }
    }
}
