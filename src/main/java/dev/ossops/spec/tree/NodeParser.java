package dev.ossops.spec.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Builds a located {@link Node} tree from YAML or JSON text with Jackson's streaming parser. Duplicate keys are
 * reported (the first value is kept) rather than silently overwritten, as the tree model would do.
 */
public final class NodeParser {

    /** A duplicate key, or the place and reason where the text stopped being YAML/JSON. */
    public record SyntaxProblem(Location location, String path, String message) {}

    /** The parsed document (absent when the text is malformed) and every syntax problem found. */
    public record Result(Optional<Node> root, List<SyntaxProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private final JsonFactory yaml = new YAMLFactory();
    private final JsonFactory json = new JsonFactory();

    /** Parses {@code text}; JSON when the file name ends in .json, YAML (a superset of JSON) otherwise. */
    public Result parse(String file, String text) {
        boolean isJson = file.toLowerCase(Locale.ROOT).endsWith(".json");
        List<SyntaxProblem> problems = new ArrayList<>();
        try (JsonParser parser = (isJson ? json : yaml).createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new SyntaxProblem(new Location(file, 1, 1), "", "the document is empty"));
                return new Result(Optional.empty(), problems);
            }
            Node root = read(parser, file, "", problems::add);
            if (parser.nextToken() != null) {
                // A second YAML document would silently be ignored; say so instead.
                problems.add(new SyntaxProblem(
                        location(parser, file),
                        "",
                        "a file holds one document; remove the second "
                                + "document (after ---) or move it to a file of its own"));
            }
            return new Result(Optional.of(root), problems);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            Location location = where == null
                    ? new Location(file, 1, 1)
                    : new Location(file, Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()));
            problems.add(new SyntaxProblem(
                    location, "", "malformed " + (isJson ? "JSON" : "YAML") + ": " + describe(e.getOriginalMessage())));
            return new Result(Optional.empty(), problems);
        } catch (IOException e) {
            // Parsing an in-memory string cannot fail on I/O; if it does, it is a bug worth a loud failure.
            throw new IllegalStateException("reading " + file + " from memory failed", e);
        }
    }

    private Node read(JsonParser parser, String file, String path, Consumer<SyntaxProblem> problems)
            throws IOException {
        JsonToken token = parser.currentToken();
        Location location = location(parser, file);
        switch (token) {
            case START_OBJECT -> {
                Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Location keyLocation = location(parser, file);
                    parser.nextToken();
                    String childPath = PropertyPath.key(path, key);
                    Node value = read(parser, file, childPath, problems);
                    MapNode.Entry previous = entries.get(key);
                    if (previous != null) {
                        problems.accept(new SyntaxProblem(
                                keyLocation,
                                childPath,
                                "duplicate key '" + key + "' (first defined at line "
                                        + previous.keyLocation().line() + "); keys must be unique"));
                    } else {
                        entries.put(key, new MapNode.Entry(key, keyLocation, value));
                    }
                }
                return new MapNode(location, entries);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, file, PropertyPath.index(path, items.size()), problems));
                }
                return new ListNode(location, items);
            }
            case VALUE_STRING -> {
                if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
                    // Jackson reports an alias as its anchor name; taking that as the value would mislead every check.
                    problems.accept(new SyntaxProblem(
                            location,
                            path,
                            "YAML aliases (*" + parser.getText() + ") are not supported; write the value out"));
                }
                return new ScalarNode(location, parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return new ScalarNode(
                        location,
                        parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                                ? parser.getBigIntegerValue()
                                : Long.valueOf(parser.getLongValue()));
            }
            case VALUE_NUMBER_FLOAT -> {
                return new ScalarNode(location, parser.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return new ScalarNode(location, true);
            }
            case VALUE_FALSE -> {
                return new ScalarNode(location, false);
            }
            case VALUE_NULL -> {
                return new ScalarNode(location, null);
            }
            default ->
                // Embedded objects and other tokens do not occur in YAML or JSON text.
                throw new IllegalStateException("unexpected token " + token + " at " + location);
        }
    }

    private static Location location(JsonParser parser, String file) {
        JsonLocation where = parser.currentTokenLocation();
        return new Location(file, Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()));
    }

    /** SnakeYAML's messages quote the source with carets after each "in 'reader'" line; keep only the reasons. */
    static String describe(String message) {
        if (message == null) {
            return "unreadable input";
        }
        List<String> reasons = new ArrayList<>();
        List<String> lines = message.lines().collect(Collectors.toList());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("in '")) {
                i += 2; // the quoted source line and the caret under it
            } else if (!line.isEmpty()) {
                reasons.add(line);
            }
        }
        return String.join("; ", reasons);
    }
}
