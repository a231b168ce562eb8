package dev.ossops.policy;

import java.util.List;
import java.util.Optional;

/**
 * One statement of a policy. {@code resources} is empty only in trust policies, which may omit
 * Resource; {@code principals} is present only in bucket and trust policies.
 */
public record Statement(
        Effect effect,
        Patterns actions,
        Optional<Patterns> resources,
        Optional<Principals> principals,
        List<Condition> conditions) {
    public Statement {
        conditions = List.copyOf(conditions);
    }
}
