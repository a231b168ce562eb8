package dev.ossops.spec.tree;

import org.jspecify.annotations.Nullable;

import java.math.BigInteger;

/** A leaf value: String, Long, BigInteger, Double, Boolean or null (YAML {@code ~} or an empty value). */
public record ScalarNode(Location location, @Nullable Object value) implements Node {

    public ScalarNode {
        if (value != null
                && !(value instanceof String
                        || value instanceof Long
                        || value instanceof BigInteger
                        || value instanceof Double
                        || value instanceof Boolean)) {
            throw new IllegalArgumentException(
                    "not a scalar: " + value.getClass().getName());
        }
    }

    @Override
    public String kind() {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Double) {
            return "a number";
        }
        return "an integer";
    }

    /** The value as it was written, for messages. */
    public String text() {
        return String.valueOf(value);
    }
}
