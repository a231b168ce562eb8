package dev.ossops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.common.Digests;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Model values as JSON trees: record components in declaration order, empty optionals left out, sets sorted.
 * The canonical text (object keys sorted, no whitespace) is what fingerprints hash.
 */
final class JsonValues {
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private JsonValues() {}

    static JsonNode of(Object value) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String s) {
            return JSON.textNode(s);
        }
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return JSON.numberNode(i);
        }
        if (value instanceof Long l) {
            return JSON.numberNode(l);
        }
        if (value instanceof Path || value instanceof URI) {
            return JSON.textNode(value.toString());
        }
        if (value instanceof Enum<?> e) {
            return JSON.textNode(e.name());
        }
        if (value instanceof Optional<?> o) {
            return o.map(JsonValues::of).orElse(JSON.nullNode());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = JSON.objectNode();
            map.forEach((k, v) -> node.set(String.valueOf(k), of(v)));
            return node;
        }
        if (value instanceof Set<?> set) {
            List<JsonNode> items = new ArrayList<>();
            set.forEach(v -> items.add(of(v)));
            items.sort((a, b) -> canonical(a).compareTo(canonical(b)));
            ArrayNode array = JSON.arrayNode();
            items.forEach(array::add);
            return array;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode array = JSON.arrayNode();
            list.forEach(v -> array.add(of(v)));
            return array;
        }
        if (value instanceof Record record) {
            return record(record);
        }
        throw new IllegalArgumentException(
                "no JSON form for " + value.getClass().getName());
    }

    private static ObjectNode record(Record record) {
        ObjectNode node = JSON.objectNode();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object v;
            try {
                v = component.getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(
                        "cannot read " + component.getName() + " of "
                                + record.getClass().getSimpleName(),
                        e);
            }
            if (v instanceof Optional<?> o && o.isEmpty()) {
                continue;
            }
            node.set(component.getName(), of(v));
        }
        return node;
    }

    /** Compact JSON with object keys sorted at every level. */
    static String canonical(JsonNode node) {
        return sorted(node).toString();
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
            ObjectNode out = JSON.objectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.arrayNode();
            node.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return node;
    }

    static String sha256(String text) {
        return Digests.sha256Hex(text);
    }
}
