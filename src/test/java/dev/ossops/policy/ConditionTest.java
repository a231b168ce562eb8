package dev.ossops.policy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conditions built in code are checked like parsed ones; operators over several request values. */
class ConditionTest {

    @Test
    void new_rejectsValuesTheOperatorCannotRead() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Condition(ConditionOperator.IP_ADDRESS, "acs:SourceIp", List.of("10.0.0.0/8", "intranet")));
        assertEquals(
                "IpAddress acs:SourceIp: \"intranet\" is not an IPv4 or IPv6 address or CIDR block", e.getMessage());
    }

    @Test
    void new_rejectsNoValues() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Condition(ConditionOperator.STRING_EQUALS, "oss:Prefix", List.of()));
        assertEquals("StringEquals oss:Prefix needs at least one value", e.getMessage());
    }

    @Test
    void holds_anyRequestValueMatchesForPositiveOperators() {
        assertTrue(ConditionOperator.STRING_EQUALS.holds(List.of("a", "b"), List.of("b")));
        assertFalse(ConditionOperator.STRING_EQUALS.holds(List.of("a", "c"), List.of("b")));
    }

    @Test
    void holds_noRequestValueMayMatchForNegatedOperators() {
        assertFalse(ConditionOperator.STRING_NOT_EQUALS.holds(List.of("a", "b"), List.of("b")));
        assertTrue(ConditionOperator.STRING_NOT_EQUALS.holds(List.of("a", "c"), List.of("b")));
    }

    @Test
    void holds_cidrInTheRequestIsNotAnAddress() {
        assertFalse(ConditionOperator.NOT_IP_ADDRESS.holds(List.of("10.0.0.0/8"), List.of("192.168.0.0/16")));
        assertFalse(ConditionOperator.IP_ADDRESS.holds(List.of("10.0.0.0/8"), List.of("10.0.0.0/8")));
    }

    @Test
    void fromJson_exactSpellingOnly() {
        assertEquals(
                ConditionOperator.NUMERIC_LESS_THAN_EQUALS,
                ConditionOperator.fromJson("NumericLessThanEquals").orElseThrow());
        assertTrue(ConditionOperator.fromJson("numericlessthanequals").isEmpty());
        assertTrue(ConditionOperator.fromJson("StringEqualsIfExists").isEmpty());
    }
}
