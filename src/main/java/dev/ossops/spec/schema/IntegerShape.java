package dev.ossops.spec.schema;

import dev.ossops.spec.tree.Node;
import dev.ossops.spec.tree.ScalarNode;
import org.jspecify.annotations.Nullable;

import java.math.BigInteger;

/** A whole number within {@code [min, max]}; {@code why} explains a limit that is not obvious. */
public record IntegerShape(
        String description, long min, long max, @Nullable String why) implements Shape {

    public static IntegerShape atLeast(String description, long min) {
        return new IntegerShape(description, min, Long.MAX_VALUE, null);
    }

    public static IntegerShape between(String description, long min, long max) {
        return new IntegerShape(description, min, max, null);
    }

    public IntegerShape because(String reason) {
        return new IntegerShape(description, min, max, reason);
    }

    /** The range as messages say it: "at least 1" or "between 1 and 604800 (7 days)". */
    public String range() {
        String range = max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
        return why == null ? range : range + " (" + why + ")";
    }

    @Override
    public String expected() {
        return "an integer";
    }

    @Override
    public boolean acceptsKind(Node node) {
        return node instanceof ScalarNode s && (s.value() instanceof Long || s.value() instanceof BigInteger);
    }
}
