package dev.ossops.spec.schema;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SuggestionsTest {

    @Test
    void closest_typo_isSuggested() {
        assertEquals(
                Optional.of("Transitions"),
                Suggestions.closest("Transitons", List.of("Expiration", "Transitions", "Tag")));
    }

    @Test
    void closest_caseDifference_isSuggested() {
        assertEquals(Optional.of("Enabled"), Suggestions.closest("enabled", List.of("Enabled", "Disabled")));
    }

    @Test
    void closest_unrelatedWord_isNotSuggested() {
        assertEquals(Optional.empty(), Suggestions.closest("colour", List.of("acl", "versioning", "tags")));
    }

    @Test
    void distance_countsEdits() {
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(0, Suggestions.distance("", ""));
        assertEquals(4, Suggestions.distance("", "abcd"));
    }
}
