package dev.ossops.spec.schema;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RedactionTest {

    @Test
    void quote_ordinaryValue_isQuoted() {
        assertEquals("'public-read'", Redaction.quote("public-read"));
    }

    @Test
    void quote_accessKeyId_isMasked() {
        assertEquals("'LTAI…wxyz'", Redaction.quote("LTAI5tAbCdEfGhIjKlwxyz"));
    }

    @Test
    void quote_stsAccessKeyId_isMasked() {
        assertEquals("'STS.…9abc'", Redaction.quote("STS.NUgYrLnoC9abc"));
    }

    @Test
    void quote_accessKeySecret_isHidden() {
        assertEquals(
                "(a value that looks like a secret, not shown)", Redaction.quote("Ab3dEf7hIj1lMn0pQr5tUv9xYz2bC4"));
    }

    @Test
    void quote_securityToken_isHidden() {
        assertEquals(
                "(a value that looks like a secret, not shown)",
                Redaction.quote("CAISabcdefghijklmnopqrstuvwxyz0123456789+/="));
    }

    @Test
    void quote_thirtyCharacterBucketName_isShown() {
        assertEquals("'abcdefghijklmnopqrstuvwxyz0123'", Redaction.quote("abcdefghijklmnopqrstuvwxyz0123"));
    }
}
