package dev.ossops.emulator.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountSettingsTest {
    @TempDir
    Path dir;

    @Test
    void open_nothingStored_blockPublicAccessUnsetAndOff() {
        AccountSettings settings = AccountSettings.open(dir);

        assertEquals(Optional.empty(), settings.blockPublicAccess());
        assertFalse(settings.blocksPublicAccess());
        assertFalse(Files.exists(dir.resolve("oss-account.json")));
    }

    @Test
    void putBlockPublicAccess_reopened_valueSurvives() {
        AccountSettings.open(dir).putBlockPublicAccess(true);

        AccountSettings reopened = AccountSettings.open(dir);
        assertEquals(Optional.of(true), reopened.blockPublicAccess());
        assertTrue(reopened.blocksPublicAccess());

        reopened.putBlockPublicAccess(false);
        assertEquals(Optional.of(false), AccountSettings.open(dir).blockPublicAccess());
    }

    @Test
    void deleteBlockPublicAccess_reopened_unsetAgain() {
        AccountSettings settings = AccountSettings.open(dir);
        settings.putBlockPublicAccess(true);
        settings.deleteBlockPublicAccess();

        assertEquals(Optional.empty(), settings.blockPublicAccess());
        assertEquals(Optional.empty(), AccountSettings.open(dir).blockPublicAccess());
    }

    @Test
    void open_corruptFile_failsNamingIt() throws Exception {
        Path file = dir.resolve("oss-account.json");
        Files.writeString(file, "{not json");

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AccountSettings.open(dir));
        assertEquals("cannot read emulator state " + file, e.getMessage());
    }
}
