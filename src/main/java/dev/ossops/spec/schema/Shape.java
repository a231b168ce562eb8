package dev.ossops.spec.schema;

import dev.ossops.spec.tree.Node;

/**
 * The shape of one value of the profile format. The same shapes drive the structural checks
 * ({@link ShapeValidator}) and the JSON Schema ({@link JsonSchemaGenerator}), so the two cannot drift apart.
 */
public sealed interface Shape
        permits ObjectShape,
                MapShape,
                ListShape,
                StringShape,
                IntegerShape,
                BooleanShape,
                ManagedShape,
                DocumentShape,
                AnyOfShape {

    String description();

    /** What is accepted, as messages say it: "a string", "a map", "a boolean (true or false)". */
    String expected();

    /** Whether a value of this node's kind can be of this shape (used to pick among alternatives). */
    boolean acceptsKind(Node node);
}
