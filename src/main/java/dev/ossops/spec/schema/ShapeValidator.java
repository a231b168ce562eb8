package dev.ossops.spec.schema;

import dev.ossops.spec.ProblemCode;
import dev.ossops.spec.Problems;
import dev.ossops.spec.tree.ListNode;
import dev.ossops.spec.tree.Location;
import dev.ossops.spec.tree.MapNode;
import dev.ossops.spec.tree.Node;
import dev.ossops.spec.tree.PropertyPath;
import dev.ossops.spec.tree.ScalarNode;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Structural checks of a located tree against a {@link Shape}: kinds, unknown keys (with a suggestion), required
 * keys, enumerations, formats, ranges and sizes. Reports every problem it finds and keeps going.
 */
public final class ShapeValidator {

    /** Keys that only a literal credential would use; they get a specific error instead of "unknown key". */
    private static final Set<String> SECRET_KEYS = Set.of(
            "accesskeyid",
            "accesskeysecret",
            "accesskey",
            "secretkey",
            "securitytoken",
            "ststoken",
            "secret",
            "password",
            "token",
            "ak",
            "sk");

    private static final int MAX_LISTED_VALUES = 12;

    private final DocumentResolver documents;
    private final Problems problems;

    public ShapeValidator(DocumentResolver documents, Problems problems) {
        this.documents = documents;
        this.problems = problems;
    }

    public void validate(Node node, Shape shape, String path) {
        if (shape instanceof ObjectShape object) {
            validateObject(node, object, path);
        } else if (shape instanceof MapShape map) {
            validateMap(node, map, path);
        } else if (shape instanceof ListShape list) {
            validateList(node, list, path);
        } else if (shape instanceof StringShape string) {
            validateString(node, string, path);
        } else if (shape instanceof IntegerShape integer) {
            validateInteger(node, integer, path);
        } else if (shape instanceof BooleanShape) {
            if (!shape.acceptsKind(node)) {
                wrongKind(node, shape, path);
            }
        } else if (shape instanceof ManagedShape managed) {
            validateManaged(node, managed, path);
        } else if (shape instanceof DocumentShape document) {
            validateDocument(node, document, path);
        } else if (shape instanceof AnyOfShape anyOf) {
            Optional<Shape> chosen = anyOf.choose(node);
            if (chosen.isPresent()) {
                validate(node, chosen.get(), path);
            } else {
                wrongKind(node, shape, path);
            }
        }
    }

    private void validateObject(Node node, ObjectShape shape, String path) {
        if (!(node instanceof MapNode map)) {
            wrongKind(node, shape, path);
            return;
        }
        for (MapNode.Entry entry : map.entries().values()) {
            String childPath = PropertyPath.key(path, entry.key());
            ObjectShape.Property property = shape.properties().get(entry.key());
            if (property == null) {
                problems.error(
                        ProblemCode.UNKNOWN_KEY,
                        entry.keyLocation(),
                        childPath,
                        shape.refusal(entry.key()).orElseGet(() -> unknownKey(entry.key(), shape.keys())));
            } else {
                validate(entry.value(), property.shape(), childPath);
            }
        }
        for (ObjectShape.Exclusive pair : shape.exclusive()) {
            if (map.has(pair.first()) && map.has(pair.second())) {
                problems.error(
                        ProblemCode.CONFLICTING_KEYS,
                        Objects.requireNonNull(map.entries().get(pair.second())).keyLocation(),
                        PropertyPath.key(path, pair.second()),
                        "'" + pair.second() + "' and '" + pair.first() + "' cannot both be set: " + pair.reason());
            }
        }
        for (ObjectShape.Property property : shape.properties().values()) {
            if (property.required() && !map.has(property.name())) {
                problems.error(
                        ProblemCode.MISSING_KEY,
                        map,
                        path,
                        "missing required key '" + property.name() + "' ("
                                + property.shape().expected() + ")");
            }
        }
    }

    static String unknownKey(String key, List<String> accepted) {
        if (SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", ""))) {
            return "'" + key + "' looks like a literal secret, and secrets never go in a profile; name a source "
                    + "instead: credentials: {source: env | aliyun-cli | ecs-ram-role}";
        }
        Optional<String> suggestion = Suggestions.closest(key, accepted);
        if (suggestion.isPresent()) {
            return "unknown key '" + key + "'; did you mean '" + suggestion.get() + "'?";
        }
        return "unknown key '" + key + "'; accepted keys: " + String.join(", ", accepted);
    }

    private void validateMap(Node node, MapShape shape, String path) {
        if (!(node instanceof MapNode map)) {
            wrongKind(node, shape, path);
            return;
        }
        if (map.entries().size() > shape.maxEntries()) {
            problems.error(
                    ProblemCode.SIZE,
                    map,
                    path,
                    "at most " + shape.maxEntries() + " entries are allowed, got "
                            + map.entries().size());
        }
        for (MapNode.Entry entry : map.entries().values()) {
            String childPath = PropertyPath.key(path, entry.key());
            checkString(entry.key(), shape.keys(), entry.keyLocation(), childPath);
            validate(entry.value(), shape.values(), childPath);
        }
    }

    private void validateList(Node node, ListShape shape, String path) {
        if (node instanceof ListNode list) {
            int size = list.items().size();
            if (size > shape.maxItems()) {
                problems.error(
                        ProblemCode.SIZE,
                        list,
                        path,
                        "at most " + shape.maxItems() + " items are allowed, got " + size);
            } else if (size < shape.minItems()) {
                problems.error(
                        ProblemCode.SIZE,
                        list,
                        path,
                        "at least " + shape.minItems() + " item" + (shape.minItems() == 1 ? " is" : "s are")
                                + " required, got " + size);
            }
            for (int i = 0; i < size; i++) {
                validate(list.items().get(i), shape.items(), PropertyPath.index(path, i));
            }
        } else if (shape.singleAllowed() && shape.items().acceptsKind(node)) {
            validate(node, shape.items(), path);
        } else {
            wrongKind(node, shape, path);
        }
    }

    private void validateString(Node node, StringShape shape, String path) {
        Optional<String> text = node.asString();
        if (text.isEmpty()) {
            wrongKind(node, shape, path);
            return;
        }
        checkString(text.get(), shape, node.location(), path);
    }

    private void checkString(String value, StringShape shape, Location location, String path) {
        if (!shape.values().isEmpty() && !shape.values().contains(value)) {
            problems.error(
                    ProblemCode.VALUE,
                    location,
                    path,
                    notOneOf(value, Objects.requireNonNullElse(shape.noun(), "value"), shape.values()));
        }
        shape.formatRule()
                .filter(format -> !format.test().test(value))
                .ifPresent(format -> problems.error(
                        ProblemCode.VALUE,
                        location,
                        path,
                        Redaction.quote(value) + " is not a valid " + format.noun() + "; " + format.accepted()));
    }

    /** "'X' is not a valid ACL; accepted: a, b, c", with a suggestion when X looks like a typo. */
    public static String notOneOf(String value, String noun, List<String> values) {
        StringBuilder message = new StringBuilder(Redaction.quote(value) + " is not a valid " + noun);
        Suggestions.closest(value, values)
                .ifPresent(s -> message.append(" (did you mean '").append(s).append("'?)"));
        message.append("; accepted: ");
        if (values.size() > MAX_LISTED_VALUES) {
            message.append(String.join(", ", values.subList(0, MAX_LISTED_VALUES)))
                    .append(", ... (")
                    .append(values.size())
                    .append(" in all, listed by 'ossops schema')");
        } else {
            message.append(String.join(", ", values));
        }
        return message.toString();
    }

    private void validateInteger(Node node, IntegerShape shape, String path) {
        if (!shape.acceptsKind(node)) {
            wrongKind(node, shape, path);
            return;
        }
        Object value = ((ScalarNode) node).value();
        boolean inRange = value instanceof Long l && l >= shape.min() && l <= shape.max();
        if (!inRange) {
            problems.error(ProblemCode.VALUE, node, path, "must be " + shape.range() + ", got " + value);
        }
    }

    private void validateManaged(Node node, ManagedShape shape, String path) {
        if (isExplicitlyEmpty(node)) {
            return;
        }
        if (node.asString().isPresent() && !shape.inner().acceptsKind(node)) {
            problems.error(
                    ProblemCode.TYPE,
                    node,
                    path,
                    "expected " + shape.expected() + ", got "
                            + Redaction.quote(node.asString().get()));
            return;
        }
        if (!shape.inner().acceptsKind(node)) {
            wrongKind(node, shape, path);
            return;
        }
        validate(node, shape.inner(), path);
    }

    /** The profile values "none", {@code {}} or {@code []}: managed, and must be absent live. */
    public static boolean isExplicitlyEmpty(Node node) {
        return node.asString().filter(ManagedShape.NONE::equals).isPresent()
                || (node instanceof MapNode map && map.isEmpty())
                || (node instanceof ListNode list && list.items().isEmpty());
    }

    private void validateDocument(Node node, DocumentShape shape, String path) {
        if (!shape.acceptsKind(node)) {
            wrongKind(node, shape, path);
            return;
        }
        documents
                .resolve(node, path)
                .ifPresent(document -> validate(document.root(), shape.document(), document.basePath()));
    }

    private void wrongKind(Node node, Shape shape, String path) {
        String hint = "";
        if (shape instanceof StringShape && node instanceof ScalarNode scalar && scalar.value() instanceof Boolean) {
            hint = " (YAML reads unquoted yes/no/on/off as booleans: quote the value)";
        } else if (shape instanceof StringShape
                && node instanceof ScalarNode scalar
                && scalar.value() instanceof Number) {
            hint = " (quote the value to make it a string)";
        }
        problems.error(ProblemCode.TYPE, node, path, "expected " + shape.expected() + ", got " + node.kind() + hint);
    }
}
