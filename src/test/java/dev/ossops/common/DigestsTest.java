package dev.ossops.common;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DigestsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void sha256Hex_emptyText_isTheKnownDigest() {
        // FIPS 180-4 test value for the empty message.
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Digests.sha256Hex(""));
    }

    @Test
    void sha256Hex_utf8Text_hashesTheUtf8Bytes() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Digests.sha256Hex("abc"));
        assertEquals(Digests.sha256Hex("caf\u00e9"), HEX.formatHex(Digests.sha256("caf\u00e9")));
        assertEquals(32, Digests.sha256("caf\u00e9").length);
    }

    @Test
    void hmac_sha256_matchesRfc4231Case2() {
        byte[] mac = Digests.hmac(
                Digests.HMAC_SHA256, "Jefe".getBytes(StandardCharsets.UTF_8), "what do ya want for nothing?");
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", HEX.formatHex(mac));
    }

    @Test
    void hmac_sha1_matchesRfc2202Case2() {
        byte[] mac = Digests.hmac(
                Digests.HMAC_SHA1, "Jefe".getBytes(StandardCharsets.UTF_8), "what do ya want for nothing?");
        assertArrayEquals(HEX.parseHex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"), mac);
        assertEquals("7/zfauXrL6LSdBbV8YTfnCWafHk=", Base64.getEncoder().encodeToString(mac));
    }

    @Test
    void hmac_unknownAlgorithm_isAnIllegalState() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> Digests.hmac("HmacNone", new byte[1], "x"));
        assertEquals("HmacNone is not available", e.getMessage());
    }
}
