package dev.ossops.audit;

import dev.ossops.spec.tree.Location;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuppressionsTest {
    private static final CheckRule RULE =
            new CheckRule("OSS-BUCKET-ACL-PUBLIC-READ", Severity.HIGH, "t", "h", Optional.empty(), Optional.empty());

    private static Finding finding(String resource) {
        return new Finding(RULE, resource, Optional.empty(), "m", new Evidence("p", "a", "e"), "r", List.of());
    }

    @Test
    void parse_yamlList_entriesWithLocations() {
        Suppressions s = Suppressions.parse("audit-ignore.yaml", """
                - check: OSS-BUCKET-ACL-PUBLIC-READ
                  resource: "acs:oss:*:*:site-*"
                  reason: public website
                  expires: 2026-12-31
                - check: "*"
                  resource: "ram:user/ci"
                  reason: CI user, tracked in OPS-9
                """);
        assertEquals(
                List.of(
                        new Suppression(
                                "OSS-BUCKET-ACL-PUBLIC-READ",
                                "acs:oss:*:*:site-*",
                                "public website",
                                Optional.of(LocalDate.of(2026, 12, 31)),
                                new Location("audit-ignore.yaml", 1, 3)),
                        new Suppression(
                                "*",
                                "ram:user/ci",
                                "CI user, tracked in OPS-9",
                                Optional.empty(),
                                new Location("audit-ignore.yaml", 5, 3))),
                s.entries());
    }

    @Test
    void parse_json_accepted() {
        Suppressions s = Suppressions.parse(
                "ignore.json",
                "[{\"check\": \"RAM-ROOT-ACCESS-KEY\", \"resource\": \"*\", \"reason\": \"break-glass key\"}]");
        assertEquals("break-glass key", s.entries().get(0).reason());
    }

    @Test
    void parse_missingReasonUnknownKeyAndBadDate_everyProblemLocated() {
        SuppressionsException e =
                assertThrows(SuppressionsException.class, () -> Suppressions.parse("ignore.yaml", """
                - check: OSS-BUCKET-ACL-PUBLIC-READ
                  resource: "acs:oss:*:*:site"
                  expiry: 2026-12-31
                - check: OSS-BUCKET-ACL-PUBLIC-READ
                  resource: x
                  reason: "  "
                  expires: 2026-02-30
                - check: A
                  resource: b
                  reason: c
                  expires: next week
                """));
        assertEquals(
                List.of(
                        "ignore.yaml:3:3: [0].expiry: unknown key; did you mean expires? (expected one of check, resource, reason, "
                                + "expires)",
                        "ignore.yaml:1:3: [0].reason: required; say why the finding is accepted",
                        "ignore.yaml:6:11: [1].reason: expected a non-empty string, found an empty string; say why the finding "
                                + "is accepted",
                        "ignore.yaml:7:12: [1].expires: \"2026-02-30\" is not a calendar date",
                        "ignore.yaml:11:12: [2].expires: expected a date YYYY-MM-DD, found \"next week\""),
                e.problems());
    }

    @Test
    void parse_notAList_locatedError() {
        SuppressionsException e =
                assertThrows(SuppressionsException.class, () -> Suppressions.parse("ignore.yaml", "check: A\n"));
        assertEquals(
                "ignore.yaml:1:1: (root): expected a list of suppressions ({check, resource, reason, expires}), "
                        + "found a map",
                e.getMessage());
    }

    @Test
    void parse_malformedYaml_locatedError() {
        SuppressionsException e =
                assertThrows(SuppressionsException.class, () -> Suppressions.parse("ignore.json", "[{\"check\": }]"));
        assertTrue(e.getMessage().startsWith("ignore.json:1:12: (root): malformed JSON: "), e.getMessage());
    }

    @Test
    void matches_globOnResourceAndCheck() {
        Suppression s = new Suppression(
                "OSS-BUCKET-ACL-*", "acs:oss:*:*:site-?", "r", Optional.empty(), new Location("f", 1, 1));
        assertTrue(s.matches(finding("acs:oss:*:*:site-a")));
        assertFalse(s.matches(finding("acs:oss:*:*:site-ab")));
        assertFalse(s.matches(finding("acs:oss:*:*:media")));
    }

    @Test
    void expiredOn_dayAfterExpiry_expired() {
        Suppression s =
                new Suppression("*", "*", "r", Optional.of(LocalDate.of(2026, 12, 31)), new Location("f", 1, 1));
        assertFalse(s.expiredOn(LocalDate.of(2026, 12, 31)));
        assertTrue(s.expiredOn(LocalDate.of(2027, 1, 1)));
    }

    @Test
    void suppressing_expiredEntry_doesNotSuppress() {
        Suppressions s = Suppressions.of(List.of(
                new Suppression("*", "*", "r", Optional.of(LocalDate.of(2026, 1, 1)), new Location("f", 1, 1))));
        assertEquals(Optional.empty(), s.suppressing(finding("x"), LocalDate.of(2026, 1, 2)));
        assertEquals(1, s.expired(LocalDate.of(2026, 1, 2)).size());
        assertTrue(s.suppressing(finding("x"), LocalDate.of(2026, 1, 1)).isPresent());
    }
}
