package dev.ossops.spec.tree;

import java.util.regex.Pattern;

/** Property paths as messages print them: {@code buckets.media.lifecycle[1]}, {@code cdn.domains["a.example.com"]}. */
public final class PropertyPath {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_\\-/*:{}]+");

    private PropertyPath() {}

    public static String key(String parent, String key) {
        if (!PLAIN_KEY.matcher(key).matches()) {
            // Dots would make "cdn.domains.media.example.com" ambiguous.
            return parent + "[\"" + key.replace("\"", "\\\"") + "\"]";
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The root of a document prints as {@code (root)}, so no message starts with an empty path. */
    public static String display(String path) {
        return path.isEmpty() ? "(root)" : path;
    }
}
