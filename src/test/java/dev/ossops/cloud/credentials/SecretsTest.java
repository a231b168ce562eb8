package dev.ossops.cloud.credentials;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class SecretsTest {

    @Test
    void maskAccessKeyId_keepsFirstAndLastFour() {
        assertEquals("LTAI…abcd", Secrets.maskAccessKeyId("LTAI5tXyZ1234abcd"));
    }

    @Test
    void maskAccessKeyId_shortIdShowsNothing() {
        assertEquals("…", Secrets.maskAccessKeyId("LTAIabcd"));
    }

    @Test
    void maskAccessKeyId_missingId() {
        assertEquals("(none)", Secrets.maskAccessKeyId(null));
        assertEquals("(none)", Secrets.maskAccessKeyId(""));
    }

    @Test
    void credentialsToString_neverShowsSecretOrToken() {
        Credentials c = Credentials.temporary("STS.NUxyz0123456789", "s3cr3t-value", "token-value", Instant.parse("2026-01-01T00:00:00Z"));
        String text = c.toString();
        assertEquals("Credentials[STS.…6789, sts, expires 2026-01-01T00:00:00Z]", text);
        assertFalse(text.contains("s3cr3t-value"));
        assertFalse(text.contains("token-value"));
    }
}
