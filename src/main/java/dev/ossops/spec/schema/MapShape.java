package dev.ossops.spec.schema;

import dev.ossops.spec.tree.MapNode;
import dev.ossops.spec.tree.Node;

/** A map whose keys are names (bucket, role, domain...) and whose values all share one shape. */
public record MapShape(String description, StringShape keys, Shape values, int maxEntries) implements Shape {

    public static MapShape of(String description, StringShape keys, Shape values) {
        return new MapShape(description, keys, values, Integer.MAX_VALUE);
    }

    @Override
    public String expected() {
        return "a map";
    }

    @Override
    public boolean acceptsKind(Node node) {
        return node instanceof MapNode;
    }
}
