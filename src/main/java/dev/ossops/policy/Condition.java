package dev.ossops.policy;

import java.util.List;

/**
 * One key under one operator of a Condition block, e.g. {@code IpAddress: {acs:SourceIp: [...]}}.
 * The values are alternatives (OR); the conditions of a statement must all hold (AND).
 */
public record Condition(ConditionOperator operator, String key, List<String> values) {
    public Condition {
        values = List.copyOf(values);
    }
}
