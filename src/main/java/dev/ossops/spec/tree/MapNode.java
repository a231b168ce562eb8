package dev.ossops.spec.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A mapping in source order; each entry keeps the location of its key. */
public record MapNode(Location location, Map<String, Entry> entries) implements Node {

    /** One key of a mapping and its value. */
    public record Entry(String key, Location keyLocation, Node value) {}

    public MapNode {
        // Map.copyOf would lose the source order, which messages and plans keep.
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Optional<Node> get(String key) {
        Entry entry = entries.get(key);
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    public Optional<String> string(String key) {
        return get(key).flatMap(Node::asString);
    }

    public Optional<Long> integer(String key) {
        return get(key).flatMap(Node::asLong);
    }

    public Optional<Boolean> bool(String key) {
        return get(key).flatMap(Node::asBoolean);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public String kind() {
        return "a map";
    }
}
