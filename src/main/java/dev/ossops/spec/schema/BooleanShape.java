package dev.ossops.spec.schema;

import dev.ossops.spec.tree.Node;
import dev.ossops.spec.tree.ScalarNode;

/** {@code true} or {@code false}. */
public record BooleanShape(String description) implements Shape {

    @Override
    public String expected() {
        return "a boolean (true or false)";
    }

    @Override
    public boolean acceptsKind(Node node) {
        return node instanceof ScalarNode s && s.value() instanceof Boolean;
    }
}
