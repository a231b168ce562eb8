package dev.ossops.spec.schema;

import dev.ossops.spec.tree.MapNode;
import dev.ossops.spec.tree.Node;

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
 * "unknown key".
 */
public record ObjectShape(
        String name, String description, Map<String, Property> properties, Map<String, String> refused)
        implements Shape {

    /** One key of an object; required keys must be present. */
    public record Property(String name, Shape shape, boolean required) {}

    public ObjectShape {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        refused = Map.copyOf(refused);
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

    public static Builder builder(String name, String description) {
        return new Builder(name, description);
    }

    /** Declares keys in the order the schema and messages list them. */
    public static final class Builder {
        private final String name;
        private final String description;
        private final Map<String, Property> properties = new LinkedHashMap<>();
        private final Map<String, String> refused = new LinkedHashMap<>();

        private Builder(String name, String description) {
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

        public ObjectShape build() {
            return new ObjectShape(name, description, properties, refused);
        }
    }
}
