package dev.ossops.spec.schema;

import dev.ossops.spec.tree.ListNode;
import dev.ossops.spec.tree.Node;

/**
 * A list. With {@code singleAllowed} one item may stand alone for a one-item list, as OSS and RAM documents allow
 * ({@code "Action": "oss:GetObject"}).
 */
public record ListShape(String description, Shape items, int minItems, int maxItems, boolean singleAllowed)
        implements Shape {

    public static ListShape of(String description, Shape items) {
        return new ListShape(description, items, 0, Integer.MAX_VALUE, false);
    }

    public static ListShape oneOrMany(String description, Shape items) {
        return new ListShape(description, items, 0, Integer.MAX_VALUE, true);
    }

    public ListShape withItemLimits(int min, int max) {
        return new ListShape(description, items, min, max, singleAllowed);
    }

    @Override
    public String expected() {
        String list = "a list of " + plural(items.expected());
        return singleAllowed ? items.expected() + " or " + list : list;
    }

    private static String plural(String expected) {
        String bare = expected.replaceFirst("^an? ", "");
        int paren = bare.indexOf(" (");
        String head = paren < 0 ? bare : bare.substring(0, paren);
        String tail = paren < 0 ? "" : bare.substring(paren);
        return head + (head.endsWith("s") ? "" : "s") + tail;
    }

    @Override
    public boolean acceptsKind(Node node) {
        return node instanceof ListNode || (singleAllowed && items.acceptsKind(node));
    }
}
