package dev.ossops.audit.collect;

import dev.ossops.spec.tree.ListNode;
import dev.ossops.spec.tree.Location;
import dev.ossops.spec.tree.MapNode;
import dev.ossops.spec.tree.Node;
import dev.ossops.spec.tree.NodeParser;
import dev.ossops.spec.tree.PropertyPath;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each property of a profile is written ({@code buckets.media} to the line of the key {@code media}), so SARIF
 * and text reports can point at the line a remediation changes. Paths are spelled as {@link PropertyPath} spells them,
 * the way findings name them.
 */
public final class ProfileLocations {
    private ProfileLocations() {}

    /** {@code file} as the user named it (reports print it); {@code text} the profile, already validated. */
    public static Map<String, Location> of(String file, String text) {
        Map<String, Location> out = new LinkedHashMap<>();
        new NodeParser().parse(file, text).root().ifPresent(root -> walk(root, "", out));
        return out;
    }

    private static void walk(Node node, String path, Map<String, Location> out) {
        if (node instanceof MapNode map) {
            for (MapNode.Entry e : map.entries().values()) {
                String child = PropertyPath.key(path, e.key());
                out.put(child, e.keyLocation());
                walk(e.value(), child, out);
            }
        } else if (node instanceof ListNode list) {
            for (int i = 0; i < list.items().size(); i++) {
                String child = PropertyPath.index(path, i);
                out.put(child, list.items().get(i).location());
                walk(list.items().get(i), child, out);
            }
        }
    }
}
