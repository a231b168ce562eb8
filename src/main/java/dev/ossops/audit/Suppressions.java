package dev.ossops.audit;

import dev.ossops.spec.schema.Suggestions;
import dev.ossops.spec.tree.ListNode;
import dev.ossops.spec.tree.Location;
import dev.ossops.spec.tree.MapNode;
import dev.ossops.spec.tree.Node;
import dev.ossops.spec.tree.NodeParser;
import dev.ossops.spec.tree.PropertyPath;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ignore file ({@code --ignore-file}): YAML or JSON, a list of {@code {check, resource, reason, expires}}.
 * {@code check} and {@code resource} are globs; {@code reason} is required so every exception is explained;
 * {@code expires} (YYYY-MM-DD) is optional.
 */
public final class Suppressions {
    private static final List<String> KEYS = List.of("check", "resource", "reason", "expires");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final List<Suppression> entries;

    private Suppressions(List<Suppression> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Suppressions none() {
        return new Suppressions(List.of());
    }

    public static Suppressions of(List<Suppression> entries) {
        return new Suppressions(entries);
    }

    public List<Suppression> entries() {
        return entries;
    }

    /**
     * Parses an ignore file's text; {@code file} is the name messages print (and decides JSON vs YAML).
     *
     * @throws SuppressionsException listing every problem with its location
     */
    public static Suppressions parse(String file, String text) {
        NodeParser.Result parsed = new NodeParser().parse(file, text);
        List<String> problems = new ArrayList<>();
        parsed.problems().forEach(p -> problems.add(problem(p.location(), p.path(), p.message())));
        List<Suppression> entries = new ArrayList<>();
        parsed.root().ifPresent(root -> {
            if (!(root instanceof ListNode list)) {
                problems.add(problem(
                        root.location(),
                        "",
                        "expected a list of suppressions ({check, resource, reason, " + "expires}), found "
                                + root.kind()));
                return;
            }
            for (int i = 0; i < list.items().size(); i++) {
                entry(list.items().get(i), PropertyPath.index("", i), problems).ifPresent(entries::add);
            }
        });
        if (!problems.isEmpty()) {
            throw new SuppressionsException(problems);
        }
        return new Suppressions(entries);
    }

    /** The first entry that matches {@code finding} and has not expired on {@code today}. */
    public Optional<Suppression> suppressing(Finding finding, LocalDate today) {
        return entries.stream()
                .filter(s -> !s.expiredOn(today) && s.matches(finding))
                .findFirst();
    }

    /** Entries past their expiry date on {@code today}; they no longer suppress anything. */
    public List<Suppression> expired(LocalDate today) {
        return entries.stream().filter(s -> s.expiredOn(today)).toList();
    }

    private static Optional<Suppression> entry(Node node, String path, List<String> problems) {
        if (!(node instanceof MapNode map)) {
            problems.add(problem(
                    node.location(), path, "expected a map with check, resource and reason, found " + node.kind()));
            return Optional.empty();
        }
        int before = problems.size();
        map.entries().values().stream()
                .filter(e -> !KEYS.contains(e.key()))
                .forEach(e -> problems.add(problem(
                        e.keyLocation(),
                        PropertyPath.key(path, e.key()),
                        "unknown key"
                                + Suggestions.closest(e.key(), KEYS)
                                        .map(k -> "; did you mean " + k + "?")
                                        .orElse("")
                                + " (expected one of " + String.join(", ", KEYS) + ")")));
        Optional<String> check = requiredText(map, path, "check", problems);
        Optional<String> resource = requiredText(map, path, "resource", problems);
        Optional<String> reason = requiredText(map, path, "reason", problems);
        Optional<LocalDate> expires =
                map.get("expires").flatMap(value -> date(value, PropertyPath.key(path, "expires"), problems));
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Suppression(
                check.orElseThrow(), resource.orElseThrow(), reason.orElseThrow(), expires, map.location()));
    }

    private static Optional<String> requiredText(MapNode map, String path, String key, List<String> problems) {
        Optional<Node> value = map.get(key);
        if (value.isEmpty()) {
            problems.add(problem(map.location(), PropertyPath.key(path, key), "required; " + help(key)));
            return Optional.empty();
        }
        Optional<String> text = value.get().asString().map(String::strip);
        if (text.isEmpty() || text.get().isEmpty()) {
            problems.add(problem(
                    value.get().location(),
                    PropertyPath.key(path, key),
                    "expected a non-empty string, found "
                            + (text.isPresent()
                                    ? "an empty string"
                                    : value.get().kind()) + "; " + help(key)));
            return Optional.empty();
        }
        return text;
    }

    private static String help(String key) {
        return switch (key) {
            case "check" -> "a check id such as OSS-BUCKET-ACL-PUBLIC-READ (globs allowed)";
            case "resource" -> "a resource such as acs:oss:*:*:my-bucket (globs allowed)";
            default -> "say why the finding is accepted";
        };
    }

    private static Optional<LocalDate> date(Node value, String path, List<String> problems) {
        Optional<String> text = value.asString();
        if (text.isPresent() && DATE.matcher(text.get()).matches()) {
            try {
                return Optional.of(LocalDate.parse(text.get()));
            } catch (DateTimeParseException e) {
                problems.add(problem(value.location(), path, "\"" + text.get() + "\" is not a calendar date"));
                return Optional.empty();
            }
        }
        problems.add(problem(
                value.location(),
                path,
                "expected a date YYYY-MM-DD, found "
                        + text.map(t -> "\"" + t + "\"").orElse(value.kind())));
        return Optional.empty();
    }

    private static String problem(Location location, String path, String message) {
        return location + ": " + PropertyPath.display(path) + ": " + message;
    }
}
