package dev.ossops.spec.schema;

import dev.ossops.spec.tree.MapNode;
import dev.ossops.spec.tree.Node;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A map with a fixed set of keys. A {@code name} makes it a shared definition ({@code $defs}) of the schema.
 * {@code refused} maps keys (lower case) that people bring from elsewhere to why they are refused, said instead of
 * "unknown key". {@code exclusive} lists pairs of keys that must not both be set (JSON Schema:
 * {@code not: {required: [a, b]}}), each with why.
 */
public record ObjectShape(
        @Nullable String name,
        String description,
        Map<String, Property> properties,
        Map<String, String> refused,
        List<Exclusive> exclusive)
        implements Shape {

    /** One key of an object; required keys must be present. */
    public record Property(String name, Shape shape, boolean required) {}

    /** Keys {@code first} and {@code second} contradict each other; {@code reason} says what to keep. */
    public record Exclusive(String first, String second, String reason) {}

    public ObjectShape {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        refused = Map.copyOf(refused);
        exclusive = List.copyOf(exclusive);
    }

    /** Why {@code key} is refused, when it is a known foreign key rather than a misspelling. */
    public Optional<String> refusal(String key) {
        return Optional.ofNullable(refused.get(key.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> definitionName() {
        return Optional.ofNullable(name);
    }

    public List<String> keys() {
        return new ArrayList<>(properties.keySet());
    }

    @Override
    public String expected() {
        return "a map";
    }

    @Override
    public boolean acceptsKind(Node node) {
        return node instanceof MapNode;
    }

    public static Builder builder(@Nullable String name, String description) {
        return new Builder(name, description);
    }

    /** Declares keys in the order the schema and messages list them. */
    public static final class Builder {
        private final @Nullable String name;
        private final String description;
        private final Map<String, Property> properties = new LinkedHashMap<>();
        private final Map<String, String> refused = new LinkedHashMap<>();
        private final List<Exclusive> exclusive = new ArrayList<>();

        private Builder(@Nullable String name, String description) {
            this.name = name;
            this.description = description;
        }

        public Builder required(String key, Shape shape) {
            properties.put(key, new Property(key, shape, true));
            return this;
        }

        public Builder optional(String key, Shape shape) {
            properties.put(key, new Property(key, shape, false));
            return this;
        }

        /** Refuses {@code key} (any case) with {@code reason} instead of calling it unknown. */
        public Builder refused(String key, String reason) {
            refused.put(key.toLowerCase(Locale.ROOT), reason);
            return this;
        }

        /**
         * Refuses {@code first} and {@code second} together (both declared before): setting both is contradictory
         * configuration, an error rather than one silently winning.
         */
        public Builder exclusive(String first, String second, String reason) {
            if (!properties.containsKey(first) || !properties.containsKey(second)) {
                throw new IllegalStateException(
                        "declare " + first + " and " + second + " before making them exclusive");
            }
            exclusive.add(new Exclusive(first, second, reason));
            return this;
        }

        public ObjectShape build() {
            return new ObjectShape(name, description, properties, refused, exclusive);
        }
    }
}
