package dev.ossops.spec.schema;

import dev.ossops.spec.tree.MapNode;
import dev.ossops.spec.tree.Node;
import dev.ossops.spec.tree.ScalarNode;

/**
 * A document in the exact shape OSS or RAM uses (lifecycle, CORS, policy): either a path to a JSON or YAML file,
 * relative to the profile, or the same structure written inline.
 */
public record DocumentShape(String what, ObjectShape document) implements Shape {

    @Override
    public String description() {
        return "A " + what
                + " document: a path to a JSON or YAML file relative to the profile, or the same structure inline.";
    }

    @Override
    public String expected() {
        return "a path to a " + what + " file or an inline " + what + " document";
    }

    @Override
    public boolean acceptsKind(Node node) {
        return node instanceof MapNode || (node instanceof ScalarNode s && s.value() instanceof String);
    }
}
