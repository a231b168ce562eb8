package dev.ossops.emulator.error;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OssErrorTest {
    @Test
    void ec_everyEntryHasAUniqueWellFormedValue() {
        Set<String> seen = new HashSet<>();
        for (OssError e : OssError.values()) {
            assertTrue(e.ec().matches("\\d{4}-\\d{8}"), e + " " + e.ec());
            assertTrue(seen.add(e.ec()), "duplicate EC " + e.ec());
        }
    }

    @Test
    void documentedEc_onlyForOssOwnValues() {
        assertTrue(OssError.SIGNATURE_DOES_NOT_MATCH.documentedEc());
        assertEquals("0002-00000040", OssError.SIGNATURE_DOES_NOT_MATCH.ec());
        assertFalse(OssError.INVALID_PART.documentedEc());
        assertEquals(50, Arrays.stream(OssError.values()).filter(OssError::documentedEc).count());
        assertTrue(OssError.POLICY_DENIED.documentedEc());
    }

    @Test
    void with_addsDetailsInOrderAndKeepsTheMessage() {
        OssException e = new OssException(OssError.NO_SUCH_KEY).with("Key", "a").with("VersionId", "v");
        assertEquals("The specified key does not exist.", e.getMessage());
        assertEquals("[Key, VersionId]", e.details().keySet().toString());
        assertEquals(Map.of("x-oss-delete-marker", "true"), e.withHeader("x-oss-delete-marker", "true").headers());
        assertEquals(Map.of(), e.headers());
    }
}
