package dev.ossops.emulator.error;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OssErrorTest {
    @Test
    void ec_everyEntryHasAWellFormedValueAndEmulatorValuesAreUnique() {
        Set<String> seen = new HashSet<>();
        for (OssError e : OssError.values()) {
            assertTrue(e.ec().matches("\\d{4}-\\d{8}"), e + " " + e.ec());
            assertTrue(e.documentedEc() || seen.add(e.ec()), "duplicate EC " + e.ec());
        }
    }

    /**
     * OSS's page 0003-00000001 covers both messages of a missing permission, and page 0002-00000070 an invalid expiry of
     * V1 and of V2 presigned URLs; the other documented ECs stand for one entry each.
     */
    @Test
    void ec_documentedValueSharedOnlyWhereOnePageCoversSeveralEntries() {
        Map<String, List<OssError>> byEc = Arrays.stream(OssError.values())
                .filter(OssError::documentedEc)
                .collect(Collectors.groupingBy(OssError::ec));
        byEc.forEach((ec, entries) -> assertTrue(
                entries.size() == 1 || Set.of("0003-00000001", "0002-00000070").contains(ec), ec + " " + entries));
        assertEquals(List.of(OssError.NO_PERMISSION, OssError.BUCKET_NOT_OWNED), byEc.get("0003-00000001"));
        assertEquals(
                Set.of(OssError.V2_QUERY_EXPIRES_INVALID, OssError.INVALID_EXPIRES),
                Set.copyOf(byEc.get("0002-00000070")));
    }

    @Test
    void documentedEc_onlyForOssOwnValues() {
        assertTrue(OssError.SIGNATURE_DOES_NOT_MATCH.documentedEc());
        assertEquals("0002-00000040", OssError.SIGNATURE_DOES_NOT_MATCH.ec());
        assertFalse(OssError.INVALID_PART.documentedEc());
        assertEquals(
                58,
                Arrays.stream(OssError.values()).filter(OssError::documentedEc).count());
        assertTrue(OssError.POLICY_DENIED.documentedEc());
    }

    @Test
    void with_addsDetailsInOrderAndKeepsTheMessage() {
        OssException e = new OssException(OssError.NO_SUCH_KEY).with("Key", "a").with("VersionId", "v");
        assertEquals("The specified key does not exist.", e.getMessage());
        assertEquals("[Key, VersionId]", e.details().keySet().toString());
        assertEquals(
                Map.of("x-oss-delete-marker", "true"),
                e.withHeader("x-oss-delete-marker", "true").headers());
        assertEquals(Map.of(), e.headers());
    }
}
