package dev.ossops.spec.check;

import dev.ossops.spec.Problems;
import dev.ossops.spec.schema.DocumentResolver;
import dev.ossops.spec.tree.MapNode;
import dev.ossops.spec.tree.Node;
import dev.ossops.spec.tree.PropertyPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** What every semantic check needs: the profile tree, the documents it references and where problems go. */
public record CheckContext(MapNode profile, DocumentResolver documents, Problems problems) {

    /** A map-valued section of the profile ({@code buckets}, {@code ram.roles}...), empty when absent or malformed. */
    public Map<String, MapNode.Entry> section(MapNode parent, String key) {
        return parent.get(key).flatMap(Node::asMap).map(MapNode::entries).orElse(Map.of());
    }

    /** Names defined in a map-valued section. */
    public List<String> names(MapNode parent, String key) {
        return new ArrayList<>(section(parent, key).keySet());
    }

    /** Calls {@code action} for each map value of a section with its property path. */
    public void forEachMap(MapNode parent, String key, String path, BiConsumer<MapNode, String> action) {
        for (MapNode.Entry entry : section(parent, key).values()) {
            Optional<MapNode> value = entry.value().asMap();
            value.ifPresent(map -> action.accept(map, PropertyPath.key(path, entry.key())));
        }
    }

    public Optional<MapNode> map(MapNode parent, String key) {
        return parent.get(key).flatMap(Node::asMap);
    }
}
