package dev.ossops.emulator.datadir;

import dev.ossops.common.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;

/**
 * One data dir, one emulator: an exclusive lock on {@code <data dir>/emulator.lock}, held for as
 * long as the emulator serves the data dir, plus the {@link ServingRecord} saying where. The
 * operating system releases the lock when the process ends however it ends, so after a
 * {@code kill -9} the next emulator gets the lock and recognises the record left behind as stale.
 */
public final class DataDirLock implements AutoCloseable {
    public static final String NAME = "emulator.lock";
    private static final System.Logger LOG = System.getLogger(DataDirLock.class.getName());

    private final Path dataDir;
    private final FileChannel channel;
    private final FileLock lock;
    private final Optional<ServingRecord> replaced;
    private ServingRecord record;

    /** {@code starting} is this emulator's first record, which the caller writes at once. */
    private DataDirLock(
            Path dataDir,
            FileChannel channel,
            FileLock lock,
            Optional<ServingRecord> replaced,
            ServingRecord starting) {
        this.dataDir = dataDir;
        this.channel = channel;
        this.lock = lock;
        this.replaced = replaced;
        this.record = starting;
    }

    public static Path of(Path dataDir) {
        return dataDir.resolve(NAME);
    }

    /**
     * Takes {@code dataDir} (created, owner-only, when missing) for this process and records it as
     * starting at {@code now}.
     *
     * @throws DataDirInUseException when another emulator, in this JVM or another process, holds it
     */
    public static DataDirLock acquire(Path dataDir, Instant now) {
        createOwnerOnly(dataDir);
        Path file = of(dataDir);
        FileChannel channel;
        try {
            // NOFOLLOW_LINKS: a link planted at the lock's name cannot make us create or lock a file elsewhere.
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Another emulator of this JVM holds it.
            lock = null;
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            close(channel);
            throw new DataDirInUseException(dataDir, ServingRecord.read(dataDir));
        }
        Optional<ServingRecord> stale = ServingRecord.read(dataDir);
        stale.ifPresent(s -> LOG.log(
                System.Logger.Level.INFO,
                "data dir " + dataDir + " was last served by " + s.describe()
                        + ", which ended without stopping; this emulator takes it over"));
        ServingRecord starting = new ServingRecord(ProcessHandle.current().pid(), Optional.empty(), now);
        DataDirLock held = new DataDirLock(dataDir, channel, lock, stale, starting);
        try {
            held.write(starting);
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
        return held;
    }

    /** Records the endpoint the emulator now answers on. */
    public void serving(URI endpoint) {
        write(new ServingRecord(record.pid(), Optional.of(endpoint), record.startedAt()));
    }

    /** The record of this emulator. */
    public ServingRecord record() {
        return record;
    }

    /** The record of an emulator that ended without releasing the data dir (killed), replaced by this one's. */
    public Optional<ServingRecord> replaced() {
        return replaced;
    }

    private void write(ServingRecord next) {
        Path target = ServingRecord.of(dataDir);
        try {
            AtomicFiles.replace(target, next.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        record = next;
    }

    /** Removes the record and releases the data dir. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(ServingRecord.of(dataDir));
        } catch (IOException e) {
            // A record left behind is recognised as stale by the next emulator, so releasing the lock matters more.
            LOG.log(System.Logger.Level.WARNING, "cannot remove " + ServingRecord.of(dataDir) + ": " + e.getMessage());
        }
        try {
            lock.release();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot release " + of(dataDir) + ": " + e.getMessage());
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot close a data dir lock file: " + e.getMessage());
        }
    }

    /** A missing data dir is created readable by its owner only: it holds the root credentials and every object. */
    private static void createOwnerOnly(Path dataDir) {
        try {
            if (Files.isDirectory(dataDir)) {
                return;
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(
                        dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dataDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data dir " + dataDir + ": " + e.getMessage(), e);
        }
    }
}
