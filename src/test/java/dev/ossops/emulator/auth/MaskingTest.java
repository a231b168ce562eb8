package dev.ossops.emulator.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MaskingTest {
    @Test
    void keyId_longId_keepsFirstAndLastFour() {
        assertEquals("LTAI…Root", Masking.keyId("LTAI5tOssopsEmulatorRoot"));
    }

    @Test
    void keyId_shortOrMissing_revealsNothing() {
        assertEquals("…", Masking.keyId("12345678"));
        assertEquals("null", Masking.keyId(null));
    }

    @Test
    void accessKey_toString_hidesSecretAndToken() {
        AccessKey key = new AccessKey("STS.NAbcdefghijklmnop", "very-secret", Principal.root("1680000000000001"),
                java.util.Optional.of("token-x"), java.util.Optional.empty());
        assertEquals("AccessKey[STS.…mnop, principal=1680000000000001]", key.toString());
    }
}
