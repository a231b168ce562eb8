package dev.ossops.common;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccessKeysTest {
    @Test
    void mask_longId_keepsFirstAndLastFour() {
        assertEquals("LTAI…abcd", AccessKeys.mask("LTAI5tXyz123abcd"));
        assertEquals("LTAI…6789", AccessKeys.mask("LTAI123456789"));
        assertEquals("STS.…wxyz", AccessKeys.mask("STS.NUexampletokenwxyz"));
    }

    @Test
    void mask_nineCharacters_showsEight() {
        assertEquals("LTAI…3456", AccessKeys.mask("LTAI23456"));
    }

    @Test
    void mask_eightOrFewer_hidesAll() {
        assertEquals("…", AccessKeys.mask("LTAI1234"));
        assertEquals("…", AccessKeys.mask("short"));
        assertEquals("…", AccessKeys.mask(""));
        assertEquals("…", AccessKeys.mask(null));
    }
}
