package dev.ossops.cloud.oss;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ListingEncodingTest {
    @Test
    void decode_percentEscapes_areUtf8Bytes() {
        assertEquals("a\0b/c d", ListingEncoding.decode("a%00b%2Fc%20d"));
        assertEquals("Zürich/é", ListingEncoding.decode("Z%C3%BCrich%2F%C3%A9"));
    }

    @Test
    void decode_plus_staysAPlus() {
        assertEquals("a+b", ListingEncoding.decode("a+b"));
        assertEquals("a+b", ListingEncoding.decode("a%2Bb"));
    }

    @Test
    void decode_withoutEscapes_isTheSameString() {
        assertEquals("plain/key-1~x", ListingEncoding.decode("plain/key-1~x"));
        assertNull(ListingEncoding.decode(null));
    }

    @Test
    void decode_malformedEscape_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ListingEncoding.decode("a%2"));
        assertEquals("a listing sent a malformed percent escape at index 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ListingEncoding.decode("%zz"));
    }
}
