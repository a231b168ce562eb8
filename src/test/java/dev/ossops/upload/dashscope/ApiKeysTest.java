package dev.ossops.upload.dashscope;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ApiKeysTest {

    @Test
    void mask_skKey_showsPrefixAndLastFour() {
        assertEquals("sk-…abcd", ApiKeys.mask("sk-0123456789abcd"));
    }

    @Test
    void mask_otherKey_showsLastFourOnly() {
        assertEquals("…wxyz", ApiKeys.mask("tok_0123456789wxyz"));
    }

    @Test
    void mask_shortKey_showsNothing() {
        assertEquals("…", ApiKeys.mask("sk-abcdefg"));
        assertEquals("…", ApiKeys.mask(null));
    }
}
