package dev.ossops.emulator.store;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store's crash-safe file operations: whole files replaced (a forced temporary file renamed over the target,
 * then its directory forced, as {@link dev.ossops.common.AtomicFiles} does), streamed bodies (already forced)
 * renamed into place with their directory forced, and trees removed.
 */
final class AtomicFiles {
    /**
     * Temporary names are unique in this process by a counter and across processes by a prefix drawn once.
     * {@link Files#createTempFile} drew a secure random number per file (a read of the kernel's random source)
     * and created the file only to close it and open it again: two of the six opens of every small PUT.
     */
    private static final String RUN = Long.toHexString(new SecureRandom().nextLong());

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private static final Set<OpenOption> CREATE_NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    /** Owner only, as {@link Files#createTempFile} made them: the data dir holds other accounts' objects. */
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /** A temporary file just created, and open for writing. */
    record TempFile(Path path, FileChannel channel) {}

    private AtomicFiles() {}

    /** Replaces (or creates) {@code target} with {@code content}; missing parent directories are created. */
    static void write(Path target, byte[] content) {
        try {
            replace(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static void replace(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null) {
            throw new IOException(target + " is a file system root, not a file");
        }
        TempFile temp;
        try {
            temp = createTemp(dir, ".tmp-", ".part");
        } catch (NoSuchFileException e) {
            // Created only when missing: createDirectories on an existing one costs a failed mkdir per write.
            Files.createDirectories(dir);
            temp = createTemp(dir, ".tmp-", ".part");
        }
        boolean moved = false;
        try {
            try (FileChannel channel = temp.channel()) {
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

    /**
     * Creates a file named {@code prefix}, a name unused in {@code dir}, {@code suffix}, readable by the owner only,
     * and opens it for writing, in one system call. A name an earlier run left behind is skipped.
     */
    static TempFile createTemp(Path dir, String prefix, String suffix) throws IOException {
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
