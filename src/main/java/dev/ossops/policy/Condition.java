package dev.ossops.policy;

import java.util.List;

/**
 * One key under one operator of a Condition block, e.g. {@code IpAddress: {acs:SourceIp: [...]}}.
 * The values are alternatives (OR); the conditions of a statement must all hold (AND).
 */
public record Condition(ConditionOperator operator, String key, List<String> values) {
    public Condition {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(operator.json() + " " + key + " needs at least one value");
        }
        for (String value : values) {
            // The parser reports these with their path; this guards conditions built in code.
            operator.problemWith(value).ifPresent(problem -> {
                throw new IllegalArgumentException(operator.json() + " " + key + ": \"" + value + "\" " + problem);
            });
        }
    }
}
