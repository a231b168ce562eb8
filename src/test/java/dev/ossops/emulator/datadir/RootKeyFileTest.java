package dev.ossops.emulator.datadir;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code credentials.json}: random on first use, owner-only, read from the data dir itself only. */
class RootKeyFileTest {
    @TempDir
    Path dir;

    @Test
    void readOrCreate_newDataDir_storesARandomKeyReadableByItsOwnerOnly() throws Exception {
        Path data = dir.resolve("data");
        assertEquals(Optional.empty(), RootKeyFile.read(data));

        RootKey created = RootKeyFile.readOrCreate(data);

        Path file = data.resolve("credentials.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(
                "{\n  \"accessKeyId\" : \"" + created.id() + "\",\n  \"accessKeySecret\" : \"" + created.secret()
                        + "\"\n}",
                Files.readString(file));
        assertEquals(Optional.of(created), RootKeyFile.read(data));
        assertEquals(created, RootKeyFile.readOrCreate(data));
        try (var files = Files.list(data)) {
            assertEquals(1, files.count(), "a temporary file was left behind");
        }
    }

    @Test
    void readOrCreate_twoDataDirs_getDifferentKeys() {
        assertFalse(RootKeyFile.readOrCreate(dir.resolve("a")).equals(RootKeyFile.readOrCreate(dir.resolve("b"))));
    }

    @Test
    void readOrCreate_widenedPermissions_areRestrictedAgain() throws Exception {
        RootKey key = RootKeyFile.readOrCreate(dir);
        Path file = dir.resolve("credentials.json");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertEquals(key, RootKeyFile.readOrCreate(dir));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void write_fixedKey_replacesTheStoredOne() {
        RootKeyFile.readOrCreate(dir);
        RootKey fixed = new RootKey("LTAI5tFixedForTheTests01", "fixed-secret-value");
        RootKeyFile.write(dir, fixed);
        assertEquals(Optional.of(fixed), RootKeyFile.read(dir));
    }

    @Test
    void read_linkAtTheFilesName_isRefusedAndWriteReplacesTheLinkNotItsTarget() throws Exception {
        Path elsewhere = Files.writeString(
                dir.resolve("elsewhere.json"), "{\"accessKeyId\":\"LTAI5tElsewhere\",\"accessKeySecret\":\"x\"}");
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.createSymbolicLink(data.resolve("credentials.json"), elsewhere);

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> RootKeyFile.read(data));
        assertTrue(
                e.getMessage()
                        .startsWith("cannot read the emulator's root credentials " + data.resolve("credentials.json")
                                + ": "),
                e.getMessage());

        RootKeyFile.write(data, new RootKey("LTAI5tWrittenInPlace01", "in-place"));
        assertFalse(Files.isSymbolicLink(data.resolve("credentials.json")));
        assertEquals("{\"accessKeyId\":\"LTAI5tElsewhere\",\"accessKeySecret\":\"x\"}", Files.readString(elsewhere));
    }

    @Test
    void read_notACredentialsFile_saysWhatIsWrongWithoutQuotingIt() throws Exception {
        Path file = dir.resolve("credentials.json");
        Files.writeString(file, "{\"accessKeyId\": \"LTAI5tX\", \"accessKeySecret\": leaked-secret-part");
        IllegalStateException notJson = assertThrows(IllegalStateException.class, () -> RootKeyFile.read(dir));
        assertEquals(file + " is not an emulator credentials file: not JSON", notJson.getMessage());

        Files.writeString(file, "{\"accessKeyId\": \"LTAI5tX\"}");
        assertEquals(
                file + " is not an emulator credentials file: it needs the strings accessKeyId and accessKeySecret",
                assertThrows(IllegalStateException.class, () -> RootKeyFile.read(dir))
                        .getMessage());

        Files.writeString(file, "{\"accessKeyId\": \"LTAI 5tX\", \"accessKeySecret\": \"s\"}");
        assertEquals(
                file
                        + " is not an emulator credentials file: the root AccessKey id must be 1 to 128 letters, digits, '.', '_' or '-'",
                assertThrows(IllegalStateException.class, () -> RootKeyFile.read(dir))
                        .getMessage());

        Files.write(file, new byte[16 * 1024 + 1]);
        assertEquals(
                file + " is not an emulator credentials file: larger than 16384 bytes",
                assertThrows(IllegalStateException.class, () -> RootKeyFile.read(dir))
                        .getMessage());
        assertFalse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).isEmpty());
    }
}
