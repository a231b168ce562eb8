package dev.ossops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Per-field differences of two normalised values: objects field by field, anything else as a whole. */
final class Diffs {

    private Diffs() {}

    static List<FieldDiff> between(JsonNode before, JsonNode after) {
        List<FieldDiff> out = new ArrayList<>();
        walk("", before, after, out);
        return out;
    }

    private static void walk(String path, JsonNode before, JsonNode after, List<FieldDiff> out) {
        if (before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            after.fieldNames().forEachRemaining(keys::add);
            before.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                walk(path.isEmpty() ? key : path + "." + key, orNull(before.get(key)), orNull(after.get(key)), out);
            }
            return;
        }
        out.add(new FieldDiff(path, before, after));
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? NullNode.getInstance() : node;
    }
}
