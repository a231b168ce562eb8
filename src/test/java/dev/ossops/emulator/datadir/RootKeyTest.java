package dev.ossops.emulator.datadir;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RootKeyTest {
    @Test
    void random_isShapedLikeARealPairAndNeverRepeats() {
        RootKey first = RootKey.random();
        RootKey second = RootKey.random();
        assertTrue(first.id().matches("LTAI5t[A-Za-z0-9]{18}"), first.id());
        assertTrue(first.secret().matches("[A-Za-z0-9]{30}"), "the secret has another shape");
        assertNotEquals(first.id(), second.id());
        assertNotEquals(first.secret(), second.secret());
    }

    @Test
    void toString_masksTheIdAndOmitsTheSecret() {
        RootKey key = new RootKey("LTAI5tAbCdEfGhIjKlMnOpqr", "TheSecretValue");
        assertEquals("RootKey[LTAI…Opqr]", key.toString());
        assertFalse(key.toString().contains("TheSecretValue"));
    }

    @Test
    void constructor_unusableIdOrSecret_isRefused() {
        assertEquals(
                "the root AccessKey id must be 1 to 128 letters, digits, '.', '_' or '-'",
                assertThrows(IllegalArgumentException.class, () -> new RootKey("LTAI:colon", "secret"))
                        .getMessage());
        assertEquals(
                "the root AccessKey id must be 1 to 128 letters, digits, '.', '_' or '-'",
                assertThrows(IllegalArgumentException.class, () -> new RootKey("", "secret"))
                        .getMessage());
        assertEquals(
                "the root AccessKey secret must be 1 to 256 visible ASCII characters without spaces",
                assertThrows(IllegalArgumentException.class, () -> new RootKey("LTAI5tKey", "with space"))
                        .getMessage());
        assertEquals(
                "the root AccessKey secret must be 1 to 256 visible ASCII characters without spaces",
                assertThrows(IllegalArgumentException.class, () -> new RootKey("LTAI5tKey", "line\nbreak"))
                        .getMessage());
        assertEquals(
                "the root AccessKey secret must be 1 to 256 visible ASCII characters without spaces",
                assertThrows(IllegalArgumentException.class, () -> new RootKey("LTAI5tKey", null))
                        .getMessage());
    }
}
