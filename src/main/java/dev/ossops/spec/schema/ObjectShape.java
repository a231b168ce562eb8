package dev.ossops.spec.schema;

import dev.ossops.spec.tree.MapNode;
import dev.ossops.spec.tree.Node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A map with a fixed set of keys. A {@code name} makes it a shared definition ({@code $defs}) of the schema.
 */
public record ObjectShape(String name, String description, Map<String, Property> properties) implements Shape {

    /** One key of an object; required keys must be present. */
    public record Property(String name, Shape shape, boolean required) {
    }

    public ObjectShape {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
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

        public ObjectShape build() {
            return new ObjectShape(name, description, properties);
        }
    }
}
