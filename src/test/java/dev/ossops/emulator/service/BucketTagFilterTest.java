package dev.ossops.emulator.service;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BucketTagFilterTest {
    private static final Map<String, String> TAGS = Map.of("a", "1", "b", "2");

    @Test
    void of_noParameters_filtersNothingAndListsNoTags() {
        BucketTagFilter filter = BucketTagFilter.of(null, null, null);
        assertEquals(BucketTagFilter.NONE, filter);
        assertFalse(filter.filters());
        assertFalse(filter.withTags());
    }

    @Test
    void matches_tagKeyAlone_anyValue() {
        assertTrue(BucketTagFilter.of("a", null, null).matches(TAGS));
        assertFalse(BucketTagFilter.of("c", null, null).matches(TAGS));
    }

    @Test
    void matches_tagKeyAndValue_exactPair() {
        assertTrue(BucketTagFilter.of("a", "1", null).matches(TAGS));
        assertFalse(BucketTagFilter.of("a", "2", null).matches(TAGS));
        assertFalse(BucketTagFilter.of("a", "1", null).matches(Map.of()));
    }

    @Test
    void matches_tagging_everyPairMustMatch() {
        BucketTagFilter both = BucketTagFilter.of(null, null, "\"a\":\"1\",\"b\":\"2\"");
        assertEquals(Map.of("a", "1", "b", "2"), both.allOf());
        assertTrue(both.withTags());
        assertTrue(both.matches(TAGS));
        assertFalse(both.matches(Map.of("a", "1")));
        assertFalse(BucketTagFilter.of(null, null, "\"a\":\"2\"").matches(TAGS));
        assertTrue(BucketTagFilter.of(null, null, "\"k\":\"\"").matches(Map.of("k", "")));
    }

    @Test
    void of_emptyTagging_listsTagsWithoutFiltering() {
        BucketTagFilter filter = BucketTagFilter.of(null, null, "");
        assertTrue(filter.withTags());
        assertFalse(filter.filters());
    }

    @Test
    void of_malformedTagging_isInvalidArgument() {
        for (String bad : new String[] {"a:1", "\"a\":\"1\";\"b\":\"2\"", "\"a\":\"1\",", "\"a\"", ",\"a\":\"1\""}) {
            OssException e = assertThrows(OssException.class, () -> BucketTagFilter.of(null, null, bad), bad);
            assertEquals(OssError.INVALID_ARGUMENT, e.error());
            assertEquals("tagging must be a list of \"key\":\"value\" pairs.", e.getMessage());
            assertEquals(Map.of("ArgumentName", "tagging", "ArgumentValue", bad), e.details());
        }
    }

    @Test
    void of_tagValueWithoutKey_isInvalidArgument() {
        OssException e = assertThrows(OssException.class, () -> BucketTagFilter.of(null, "1", null));
        assertEquals(OssError.INVALID_ARGUMENT, e.error());
        assertEquals("tag-value requires tag-key.", e.getMessage());
        assertEquals(
                "tag-key must not be empty.",
                assertThrows(OssException.class, () -> BucketTagFilter.of("", "1", null))
                        .getMessage());
    }
}
