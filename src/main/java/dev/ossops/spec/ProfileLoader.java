package dev.ossops.spec;

import dev.ossops.spec.check.CheckContext;
import dev.ossops.spec.check.ProfileChecks;
import dev.ossops.spec.model.Profile;
import dev.ossops.spec.schema.ProfileSchema;
import dev.ossops.spec.schema.ShapeValidator;
import dev.ossops.spec.tree.Location;
import dev.ossops.spec.tree.MapNode;
import dev.ossops.spec.tree.Node;
import dev.ossops.spec.tree.NodeParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads a profile and every document it references, checks all of it and, when there is no error, binds the
 * model. This is the one way later code gets a {@link Profile}:
 * <pre>{@code
 * ProfileLoader.Result result = new ProfileLoader().load(Path.of("profiles/prod.yaml"));
 * result.problems().forEach(p -> System.err.println(p.format()));
 * Profile profile = result.profile().orElseThrow(); // present only when valid
 * }</pre>
 */
public final class ProfileLoader {

    /** The outcome of a load: every problem found, and the profile when none of them is an error. */
    public record Result(Path file, Optional<Profile> profile, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.stream().noneMatch(p -> p.severity() == Severity.ERROR);
        }

        public long count(Severity severity) {
            return problems.stream().filter(p -> p.severity() == severity).count();
        }
    }

    private final NodeParser parser = new NodeParser();

    /** Loads {@code file}; messages name it as given and referenced files relative to its directory. */
    public Result load(Path file) {
        Problems problems = new Problems();
        String display = file.toString();
        String text;
        if (Files.isDirectory(file)) {
            problems.error(
                    ProblemCode.FILE,
                    new Location(display, 1, 1),
                    "",
                    "is a directory; pass a profile file (YAML or JSON)");
            return new Result(file, Optional.empty(), problems.sorted());
        }
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            problems.error(ProblemCode.FILE, new Location(display, 1, 1), "", "profile file not found");
            return new Result(file, Optional.empty(), problems.sorted());
        } catch (IOException e) {
            problems.error(
                    ProblemCode.FILE,
                    new Location(display, 1, 1),
                    "",
                    "cannot read the profile: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()));
            return new Result(file, Optional.empty(), problems.sorted());
        }
        NodeParser.Result parsed = parser.parse(display, text);
        parsed.problems().forEach(p -> problems.error(ProblemCode.SYNTAX, p.location(), p.path(), p.message()));
        if (parsed.root().isEmpty()) {
            return new Result(file, Optional.empty(), problems.sorted());
        }
        Node root = parsed.root().get();
        Path directory = file.getParent() == null ? Path.of("") : file.getParent();
        FileDocuments documents = new FileDocuments(directory, parser, problems);
        new ShapeValidator(documents, problems).validate(root, ProfileSchema.PROFILE, "");
        if (!(root instanceof MapNode map)) {
            return new Result(file, Optional.empty(), problems.sorted());
        }
        new ProfileChecks(new CheckContext(map, documents, problems)).run();
        Optional<Profile> profile =
                problems.hasErrors() ? Optional.empty() : Optional.of(new ProfileBinder(documents, file).bind(map));
        return new Result(file, profile, problems.sorted());
    }
}
