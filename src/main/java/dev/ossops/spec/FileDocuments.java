package dev.ossops.spec;

import dev.ossops.spec.schema.DocumentResolver;
import dev.ossops.spec.tree.Node;
import dev.ossops.spec.tree.NodeParser;
import dev.ossops.spec.tree.ScalarNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves document references relative to the profile's directory, parsing each file once. Messages name a file
 * as the profile's directory (as the user gave it) joined with the reference.
 */
final class FileDocuments implements DocumentResolver {

    private final Path profileDirectory;
    private final NodeParser parser;
    private final Problems problems;
    private final Map<String, Optional<Node>> parsed = new HashMap<>();

    FileDocuments(Path profileDirectory, NodeParser parser, Problems problems) {
        this.profileDirectory = profileDirectory;
        this.parser = parser;
        this.problems = problems;
    }

    @Override
    public Optional<Document> resolve(Node value, String path) {
        if (!(value instanceof ScalarNode reference) || reference.asString().isEmpty()) {
            return Optional.of(new Document(value, path));
        }
        String ref = reference.asString().get();
        if (ref.isBlank()) {
            problems.error(ProblemCode.FILE, reference, path, "expected a file path, got an empty string");
            return Optional.empty();
        }
        Path file = profileDirectory.resolve(ref).normalize();
        String display = file.toString().isEmpty() ? ref : file.toString();
        // Reported at every reference, so each place that names a missing file is flagged.
        if (!Files.exists(file)) {
            problems.error(
                    ProblemCode.FILE, reference, path, "file '" + ref + "' not found (looked for " + display + ")");
            return Optional.empty();
        }
        if (Files.isDirectory(file)) {
            problems.error(ProblemCode.FILE, reference, path, "'" + ref + "' is a directory; name a JSON or YAML file");
            return Optional.empty();
        }
        return parsed.computeIfAbsent(display, key -> read(file, key, reference, path))
                .map(node -> new Document(node, ""));
    }

    private Optional<Node> read(Path file, String display, ScalarNode reference, String path) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            problems.error(
                    ProblemCode.FILE,
                    reference,
                    path,
                    "cannot read " + display + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()));
            return Optional.empty();
        }
        NodeParser.Result result = parser.parse(display, text);
        result.problems().forEach(p -> problems.error(ProblemCode.SYNTAX, p.location(), p.path(), p.message()));
        return result.root();
    }
}
