package dev.ossops.spec.tree;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeParserTest {

    private final NodeParser parser = new NodeParser();

    @Test
    void parse_yaml_keepsOneBasedLocationsOfKeysAndValues() {
        MapNode root = (MapNode) parser.parse("p.yaml", "a: 1\nb:\n  - x\n  - {c: true}\n")
                .root()
                .orElseThrow();

        assertEquals(new Location("p.yaml", 1, 1), root.location());
        assertEquals(new Location("p.yaml", 1, 1), root.entries().get("a").keyLocation());
        assertEquals(
                new ScalarNode(new Location("p.yaml", 1, 4), 1L), root.get("a").orElseThrow());
        ListNode list = (ListNode) root.get("b").orElseThrow();
        assertEquals(new Location("p.yaml", 3, 3), list.location());
        assertEquals(
                new ScalarNode(new Location("p.yaml", 3, 5), "x"), list.items().get(0));
        MapNode inner = (MapNode) list.items().get(1);
        assertEquals(
                new ScalarNode(new Location("p.yaml", 4, 9), true),
                inner.get("c").orElseThrow());
    }

    @Test
    void parse_json_typesScalars() {
        MapNode root = (MapNode) parser.parse(
                        "d.json",
                        "{\"s\": \"1\", \"i\": 2, \"big\": 99999999999999999999, "
                                + "\"f\": 1.5, \"n\": null, \"b\": false}")
                .root()
                .orElseThrow();

        assertEquals("1", root.get("s").orElseThrow().asString().orElseThrow());
        assertEquals(2L, root.integer("i").orElseThrow());
        assertEquals(
                new BigInteger("99999999999999999999"),
                ((ScalarNode) root.get("big").orElseThrow()).value());
        assertEquals("a number", root.get("f").orElseThrow().kind());
        assertEquals("null", root.get("n").orElseThrow().kind());
        assertEquals(false, root.bool("b").orElseThrow());
        assertEquals(
                List.of("s", "i", "big", "f", "n", "b"),
                List.copyOf(root.entries().keySet()));
    }

    @Test
    void parse_duplicateKey_reportsSecondAndKeepsFirst() {
        NodeParser.Result result = parser.parse("p.yaml", "a:\n  b: 1\n  b: 2\n");

        assertEquals(
                List.of(new NodeParser.SyntaxProblem(
                        new Location("p.yaml", 3, 3),
                        "a.b",
                        "duplicate key 'b' (first defined at line 2); keys must be unique")),
                result.problems());
        MapNode a = (MapNode) ((MapNode) result.root().orElseThrow()).get("a").orElseThrow();
        assertEquals(1L, a.integer("b").orElseThrow());
    }

    @Test
    void parse_malformedJson_locatesTheParserError() {
        NodeParser.Result result = parser.parse("d.json", "{\"a\": [1, 2\n\"b\": 3}");

        assertTrue(result.root().isEmpty());
        assertEquals(
                List.of(
                        new NodeParser.SyntaxProblem(
                                new Location("d.json", 2, 1),
                                "",
                                "malformed JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate Array entries")),
                result.problems());
    }

    @Test
    void parse_yamlAlias_isReported() {
        NodeParser.Result result = parser.parse("p.yaml", "a: &x 1\nb: *x\n");

        assertEquals(
                List.of(new NodeParser.SyntaxProblem(
                        new Location("p.yaml", 2, 4), "b", "YAML aliases (*x) are not supported; write the value out")),
                result.problems());
    }

    @Test
    void parse_secondYamlDocument_isReported() {
        NodeParser.Result result = parser.parse("p.yaml", "a: 1\n---\nb: 2\n");

        assertEquals(
                List.of(
                        new NodeParser.SyntaxProblem(
                                new Location("p.yaml", 3, 1),
                                "",
                                "a file holds one document; remove the second document (after ---) or move it to a file of its own")),
                result.problems());
    }

    @Test
    void describe_snakeYamlMessage_keepsReasonsOnly() {
        String message = "while parsing a flow sequence\n in 'reader', line 1, column 4:\n    a: [1, 2\n       ^\n"
                + "expected ',' or ']', but got :\n in 'reader', line 2, column 2:\n    b: c\n     ^\n";

        assertEquals("while parsing a flow sequence; expected ',' or ']', but got :", NodeParser.describe(message));
    }
}
