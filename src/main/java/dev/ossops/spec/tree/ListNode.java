package dev.ossops.spec.tree;

import java.util.List;

/** A sequence in source order. */
public record ListNode(Location location, List<Node> items) implements Node {

    public ListNode {
        items = List.copyOf(items);
    }

    @Override
    public String kind() {
        return "a list";
    }
}
