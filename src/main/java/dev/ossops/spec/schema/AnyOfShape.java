package dev.ossops.spec.schema;

import dev.ossops.spec.tree.Node;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** One of several shapes, chosen by the kind of the value (string, list or map). */
public record AnyOfShape(String description, List<Shape> alternatives) implements Shape {

    public AnyOfShape {
        alternatives = List.copyOf(alternatives);
    }

    public Optional<Shape> choose(Node node) {
        return alternatives.stream().filter(s -> s.acceptsKind(node)).findFirst();
    }

    @Override
    public String expected() {
        return alternatives.stream().map(Shape::expected).collect(Collectors.joining(" or "));
    }

    @Override
    public boolean acceptsKind(Node node) {
        return choose(node).isPresent();
    }
}
