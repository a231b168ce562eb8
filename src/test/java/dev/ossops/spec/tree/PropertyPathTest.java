package dev.ossops.spec.tree;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PropertyPathTest {

    @Test
    void key_plainNames_joinWithDots() {
        assertEquals(
                "buckets.my-bucket.lifecycle", PropertyPath.key(PropertyPath.key("buckets", "my-bucket"), "lifecycle"));
    }

    @Test
    void key_namesWithDots_areQuoted() {
        assertEquals(
                "cdn.domains[\"media.example.com\"].origin",
                PropertyPath.key(PropertyPath.key("cdn.domains", "media.example.com"), "origin"));
    }

    @Test
    void index_appendsBrackets() {
        assertEquals(
                "Rules[0].Transitions[1].Days",
                PropertyPath.key(
                        PropertyPath.index(PropertyPath.key(PropertyPath.index("Rules", 0), "Transitions"), 1),
                        "Days"));
    }

    @Test
    void display_root_isNamed() {
        assertEquals("(root)", PropertyPath.display(""));
    }
}
