package dev.ossops.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ApiKeysTest {
    private static final String ALICE = "alice-key-0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void principal_keysFromEnvironmentAndFile_mapToTheirPrincipals() throws IOException {
        Path file = dir.resolve("keys.txt");
        Files.writeString(
                file,
                "# rotated keys\n\nbob " + ApiKeys.fileDigest("bob-key-0123456789abcdef") + "\nbob "
                        + ApiKeys.fileDigest("bob-new-key-0123456789") + "\n");
        ApiKeys keys = ApiKeys.load(Map.of("alice", "ALICE"), Optional.of(file), Map.of("ALICE", ALICE));

        assertEquals(Optional.of("alice"), keys.principal(ALICE));
        assertEquals(Optional.of("bob"), keys.principal("bob-key-0123456789abcdef"));
        assertEquals(Optional.of("bob"), keys.principal("bob-new-key-0123456789"));
        assertEquals(Optional.empty(), keys.principal(ALICE + "x"));
        assertEquals(Optional.empty(), keys.principal(""));
        assertEquals(Set.of("alice", "bob"), keys.principals());
    }

    @Test
    void fileDigest_isTheSha256OfTheKey() {
        // printf %s abc | sha256sum
        assertEquals(
                "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeys.fileDigest("abc"));
    }

    @Test
    void load_unsetOrShortVariable_refusedWithoutTheKey() {
        assertEquals(
                "API key of principal 'alice': environment variable ALICE is not set",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ApiKeys.load(Map.of("alice", "ALICE"), Optional.empty(), Map.of()))
                        .getMessage());
        IllegalArgumentException shortKey = assertThrows(
                IllegalArgumentException.class,
                () -> ApiKeys.load(Map.of("alice", "ALICE"), Optional.empty(), Map.of("ALICE", "short key")));
        assertEquals(
                "API key of principal 'alice' (ALICE) must be at least 16 printable ASCII characters without spaces",
                shortKey.getMessage());
    }

    @Test
    void load_fileWithAPastedKey_namesTheLineNotTheKey() throws IOException {
        Path file = dir.resolve("keys.txt");
        Files.writeString(file, "alice " + ApiKeys.fileDigest(ALICE) + "\nbob my-literal-secret-key-123\n");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ApiKeys.load(Map.of(), Optional.of(file), Map.of()));
        assertEquals(
                "apiKeysFile " + file + ":2: expected '<principal> sha256:<64 lowercase hex digits>'", e.getMessage());
        assertFalse(e.getMessage().contains("my-literal-secret"));
    }

    @Test
    void load_oneKeyForTwoPrincipals_refused() throws IOException {
        Path file = dir.resolve("keys.txt");
        Files.writeString(file, "bob " + ApiKeys.fileDigest(ALICE) + "\n");
        assertEquals(
                "the API key of " + file + ":1 also belongs to principal 'alice'; one key must stand for one principal",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ApiKeys.load(Map.of("alice", "ALICE"), Optional.of(file), Map.of("ALICE", ALICE)))
                        .getMessage());
    }

    @Test
    void load_noKeysAtAll_refused() throws IOException {
        Path file = dir.resolve("keys.txt");
        Files.writeString(file, "# nothing yet\n");
        assertEquals(
                "no API keys: set serve.apiKeys or put keys in serve.apiKeysFile",
                assertThrows(IllegalArgumentException.class, () -> ApiKeys.load(Map.of(), Optional.of(file), Map.of()))
                        .getMessage());
    }
}
