package dev.ossops.spec.tree;

import java.util.List;
import java.util.Optional;

/**
 * One value of a parsed YAML or JSON document, with the place it was written. Jackson's tree model drops
 * locations, so ossops keeps its own tree and every check reads it.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

    Location location();

    /** What this value is, as an error message names it ("a string", "a list", ...). */
    String kind();

    default Optional<String> asString() {
        return this instanceof ScalarNode s && s.value() instanceof String str ? Optional.of(str) : Optional.empty();
    }

    default Optional<Long> asLong() {
        return this instanceof ScalarNode s && s.value() instanceof Long l ? Optional.of(l) : Optional.empty();
    }

    default Optional<Boolean> asBoolean() {
        return this instanceof ScalarNode s && s.value() instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    default Optional<MapNode> asMap() {
        return this instanceof MapNode m ? Optional.of(m) : Optional.empty();
    }

    /** The items of a list, or this node alone when one value stands for a one-item list. */
    default List<Node> asItems() {
        return this instanceof ListNode l ? l.items() : List.of(this);
    }
}
