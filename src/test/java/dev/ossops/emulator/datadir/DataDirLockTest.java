package dev.ossops.emulator.datadir;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One data dir, one emulator: the lock, the record of who serves, and records left by killed processes. */
class DataDirLockTest {
    private static final Instant STARTED = Instant.parse("2030-01-02T03:04:05Z");
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void acquire_heldByAnotherEmulator_namesItsPidEndpointAndStart() {
        try (DataDirLock first = DataDirLock.acquire(dir, STARTED)) {
            DataDirInUseException starting =
                    assertThrows(DataDirInUseException.class, () -> DataDirLock.acquire(dir, STARTED));
            assertEquals(
                    "data dir " + dir + " is in use by ossops emulator pid " + PID
                            + " (starting), started 2030-01-02T03:04:05Z",
                    starting.getMessage());

            first.serving(URI.create("http://127.0.0.1:9123"));
            DataDirInUseException serving =
                    assertThrows(DataDirInUseException.class, () -> DataDirLock.acquire(dir, STARTED));
            assertEquals(
                    "data dir " + dir + " is in use by ossops emulator pid " + PID + " on http://127.0.0.1:9123,"
                            + " started 2030-01-02T03:04:05Z",
                    serving.getMessage());
            assertEquals(Optional.of(9123), serving.holder().flatMap(ServingRecord::port));
        }
    }

    @Test
    void close_releasesTheDataDirAndRemovesTheRecord() {
        DataDirLock first = DataDirLock.acquire(dir, STARTED);
        first.serving(URI.create("http://127.0.0.1:9123"));
        assertEquals(
                Optional.of(new ServingRecord(PID, Optional.of(URI.create("http://127.0.0.1:9123")), STARTED)),
                ServingRecord.read(dir));
        first.close();

        assertFalse(Files.exists(dir.resolve("emulator.json")));
        try (DataDirLock second = DataDirLock.acquire(dir, STARTED)) {
            assertEquals(Optional.empty(), second.replaced());
        }
    }

    @Test
    void acquire_recordOfAKilledEmulator_isRecognisedAsStaleAndReplaced() throws Exception {
        // What a kill -9 leaves: the record, but no process holding the lock.
        Files.writeString(
                dir.resolve("emulator.json"),
                "{\"pid\":2147483000,\"endpoint\":\"http://127.0.0.1:9555\",\"startedAt\":\"2030-01-01T00:00:00Z\"}");

        try (DataDirLock lock = DataDirLock.acquire(dir, STARTED)) {
            assertEquals(
                    Optional.of(new ServingRecord(
                            2147483000L,
                            Optional.of(URI.create("http://127.0.0.1:9555")),
                            Instant.parse("2030-01-01T00:00:00Z"))),
                    lock.replaced());
            assertEquals(Optional.of(new ServingRecord(PID, Optional.empty(), STARTED)), ServingRecord.read(dir));
        }
    }

    @Test
    void acquire_missingDataDir_isCreatedForItsOwnerOnly() throws Exception {
        Path data = dir.resolve("new/data");
        DataDirLock lock = DataDirLock.acquire(data, STARTED);
        try (lock) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        }
    }

    @Test
    void acquire_linkAtTheLocksName_isRefusedWithoutTouchingItsTarget() throws Exception {
        Path target = dir.resolve("elsewhere");
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.createSymbolicLink(data.resolve("emulator.lock"), target);

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> DataDirLock.acquire(data, STARTED));
        assertTrue(e.getMessage().startsWith("cannot open " + data.resolve("emulator.lock") + ": "), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void read_unreadableRecord_isNoRecord() throws Exception {
        Files.writeString(dir.resolve("emulator.json"), "{\"pid\":\"x\"}");
        assertEquals(Optional.empty(), ServingRecord.read(dir));
        Files.writeString(dir.resolve("emulator.json"), "not json");
        assertEquals(Optional.empty(), ServingRecord.read(dir));
    }
}
