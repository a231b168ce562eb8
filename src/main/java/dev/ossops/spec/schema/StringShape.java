package dev.ossops.spec.schema;

import dev.ossops.spec.tree.Node;
import dev.ossops.spec.tree.ScalarNode;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A string: free text, one of fixed {@code values} (an enumeration named {@code noun} in messages), or text that
 * passes a {@link Format}.
 */
public record StringShape(
        String description,
        @Nullable String noun,
        List<String> values,
        @Nullable Format format) implements Shape {

    /**
     * A syntax rule for strings: the test, what is accepted (for messages) and, when JSON Schema can express it,
     * the equivalent regular expression.
     */
    public record Format(String noun, Predicate<String> test, String accepted, String pattern) {
        public Optional<String> jsonPattern() {
            return Optional.ofNullable(pattern);
        }
    }

    public StringShape {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public static StringShape text(String description) {
        return new StringShape(description, null, List.of(), null);
    }

    public static StringShape oneOf(String description, String noun, List<String> values) {
        return new StringShape(description, noun, values, null);
    }

    public static StringShape formatted(String description, Format format) {
        return new StringShape(description, format.noun(), List.of(), format);
    }

    public Optional<Format> formatRule() {
        return Optional.ofNullable(format);
    }

    @Override
    public String expected() {
        return "a string";
    }

    @Override
    public boolean acceptsKind(Node node) {
        return node instanceof ScalarNode s && s.value() instanceof String;
    }
}
