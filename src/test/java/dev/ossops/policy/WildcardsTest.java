package dev.ossops.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WildcardsTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
        "'*', '', true",
        "a*, a, true",
        "a*b, axxb, true",
        "a*b, axxbc, false",
        "a?c, abc, true",
        "a?c, ac, false",
        "*.jpg, photos/2026/x.jpg, true",
        "**, anything, true",
        "a*b*c, abxbxc, true",
        "a*b*c, acb, false",
        "'', '', true",
        "'', a, false",
    })
    void matches_globs(String pattern, String value, boolean expected) {
        assertEquals(expected, Wildcards.matches(pattern, value, false));
    }

    @ParameterizedTest(name = "{0} with prefix {1}: some={2} all={3}")
    @CsvSource({
        "media/*, media/, true, true",
        "media/private/*, media/, true, false",
        "media*, media/, true, true",
        "archive/*, media/, false, false",
        "*, media/, true, true",
        "m?dia/a, media/, true, false",
        "media, media/, false, false",
    })
    void prefixQuestions(String pattern, String prefix, boolean some, boolean all) {
        assertEquals(some, Wildcards.canMatchSomethingStartingWith(pattern, prefix, false));
        assertEquals(all, Wildcards.matchesEverythingStartingWith(pattern, prefix, false));
    }
}
