package dev.ossops.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ossops.shared.PolicyGrammar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads RAM identity/session policies, bucket policies and trust policies in the one grammar of
 * {@link PolicyGrammar} (its documentation references; no Sid). Every element that may hold one value
 * or a list accepts both. Errors name the element's path and what is accepted.
 */
public final class PolicyParser {
    /** Readers are immutable; duplicate keys are errors, not a silent last-wins. */
    private static final ObjectReader JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build()
            .reader();

    private static final List<String> STATEMENT_ELEMENTS = PolicyGrammar.statementElements();
    private static final Set<String> TRUST_ACTIONS =
            Set.of("sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithoidc");

    private PolicyParser() {}

    /** Parses a JSON document of the given type. */
    public static PolicyDocument parse(String json, PolicyType type) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new PolicyParseException(
                    "not valid JSON" + where + ": " + withoutSourceNote(e.getOriginalMessage()), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new PolicyParseException("", "empty document; expected a JSON object with Version and Statement");
        }
        return parse(root, type);
    }

    /** Parses an already-read tree (JSON, or YAML of the same shape). */
    public static PolicyDocument parse(JsonNode root, PolicyType type) {
        if (!root.isObject()) {
            throw new PolicyParseException("", "expected a JSON object with Version and Statement");
        }
        rejectUnknown(root, "", PolicyGrammar.DOCUMENT_ELEMENTS);
        JsonNode version = root.get(PolicyGrammar.VERSION);
        if (version == null) {
            throw new PolicyParseException("Version", "missing; expected \"1\"");
        }
        if (!version.isTextual() || !version.asText().equals(PolicyGrammar.VERSION_1)) {
            throw new PolicyParseException("Version", describe(version) + " is not supported; expected \"1\"");
        }
        JsonNode statements = root.get(PolicyGrammar.STATEMENT);
        if (statements == null) {
            throw new PolicyParseException("Statement", "missing; expected a list of statements");
        }
        List<Statement> parsed = new ArrayList<>();
        if (statements.isObject()) {
            parsed.add(statement(statements, "Statement", type));
        } else if (statements.isArray()) {
            if (statements.isEmpty()) {
                throw new PolicyParseException("Statement", "empty; expected at least one statement");
            }
            for (int i = 0; i < statements.size(); i++) {
                parsed.add(statement(statements.get(i), "Statement[" + i + "]", type));
            }
        } else {
            throw new PolicyParseException("Statement", "expected a list of statements");
        }
        return new PolicyDocument(type, PolicyGrammar.VERSION_1, parsed);
    }

    private static Statement statement(JsonNode node, String path, PolicyType type) {
        if (!node.isObject()) {
            throw new PolicyParseException(path, "expected an object");
        }
        rejectUnknown(node, path, STATEMENT_ELEMENTS);
        Effect effect = effect(node.get("Effect"), path + ".Effect");
        Patterns actions = pair(node, path, "Action", "NotAction", true, (p, v) -> checkAction(p, v, type))
                .orElseThrow();
        Optional<Patterns> resources =
                pair(node, path, "Resource", "NotResource", type != PolicyType.TRUST, PolicyParser::checkResource);
        Optional<Principals> principals = principals(node.get("Principal"), path + ".Principal", type);
        List<Condition> conditions = conditions(node.get("Condition"), path + ".Condition");
        return new Statement(effect, actions, resources, principals, conditions);
    }

    private static Effect effect(JsonNode node, String path) {
        if (node == null) {
            throw new PolicyParseException(path, "missing; expected \"Allow\" or \"Deny\"");
        }
        return Arrays.stream(Effect.values())
                .filter(e -> node.isTextual() && e.json().equals(node.asText()))
                .findFirst()
                .orElseThrow(() -> new PolicyParseException(
                        path, describe(node) + " is not valid; expected \"Allow\" or \"Deny\""));
    }

    /** Action/NotAction or Resource/NotResource: exactly one of the two when required. */
    private static Optional<Patterns> pair(
            JsonNode statement, String path, String positive, String negative, boolean required, ValueCheck check) {
        JsonNode plain = statement.get(positive);
        JsonNode not = statement.get(negative);
        if (plain != null && not != null) {
            throw new PolicyParseException(path, "has both " + positive + " and " + negative + "; use one");
        }
        if (plain == null && not == null) {
            if (required) {
                throw new PolicyParseException(
                        path + "." + positive, "missing; expected " + positive + " or " + negative);
            }
            return Optional.empty();
        }
        boolean negated = plain == null;
        String name = negated ? negative : positive;
        List<String> values = stringOrList(negated ? not : plain, path + "." + name, check);
        return Optional.of(new Patterns(values, negated));
    }

    private static void checkAction(String path, String value, PolicyType type) {
        int colon = value.indexOf(':');
        boolean wellFormed = value.equals("*") || (colon > 0 && colon < value.length() - 1);
        if (!wellFormed) {
            throw new PolicyParseException(
                    path, quote(value) + " is not an action; expected <service>:<action> such as oss:GetObject, or *");
        }
        if (type == PolicyType.TRUST && !TRUST_ACTIONS.contains(value.toLowerCase(Locale.ROOT))) {
            throw new PolicyParseException(
                    path,
                    quote(value) + " is not accepted in a trust policy;"
                            + " expected sts:AssumeRole, sts:AssumeRoleWithSAML or sts:AssumeRoleWithOIDC");
        }
    }

    private static void checkResource(String path, String value) {
        if (!value.equals("*") && !value.startsWith("acs:")) {
            throw new PolicyParseException(
                    path, quote(value) + " is not a resource; expected * or an ARN such as acs:oss:*:*:mybucket/*");
        }
    }

    private static Optional<Principals> principals(JsonNode node, String path, PolicyType type) {
        if (type == PolicyType.IDENTITY || type == PolicyType.SESSION) {
            if (node != null) {
                throw new PolicyParseException(
                        path, "not allowed in " + article(type) + "; only bucket and trust policies name principals");
            }
            return Optional.empty();
        }
        if (node == null) {
            throw new PolicyParseException(
                    path,
                    type == PolicyType.BUCKET
                            ? "missing; a bucket policy names who it applies to (use [\"*\"] for everyone)"
                            : "missing; a trust policy names who may assume the role");
        }
        if (type == PolicyType.BUCKET) {
            return Optional.of(bucketPrincipals(node, path));
        }
        if (!node.isObject()) {
            throw new PolicyParseException(path, "expected an object with RAM, Service or Federated");
        }
        rejectUnknown(node, path, PolicyGrammar.TRUST_PRINCIPAL_TYPES);
        if (node.isEmpty()) {
            throw new PolicyParseException(path, "empty; expected RAM, Service or Federated");
        }
        return Optional.of(new Principals(
                optionalList(node, path, "RAM"),
                optionalList(node, path, "Service"),
                optionalList(node, path, "Federated")));
    }

    private static Principals bucketPrincipals(JsonNode node, String path) {
        if (node.isObject()) {
            // OSS accepts {"RAM": [...]} too; only RAM principals exist in a bucket policy.
            rejectUnknown(node, path, List.of("RAM"));
            JsonNode ram = node.get("RAM");
            if (ram == null) {
                throw new PolicyParseException(path, "empty; expected RAM");
            }
            return new Principals(everyoneWhenEmpty(ram, path + ".RAM"), List.of(), List.of());
        }
        return new Principals(everyoneWhenEmpty(node, path), List.of(), List.of());
    }

    /** OSS documents Principal: [] as equivalent to ["*"]. */
    private static List<String> everyoneWhenEmpty(JsonNode node, String path) {
        if (node.isArray() && node.isEmpty()) {
            return List.of("*");
        }
        return stringOrList(node, path, PolicyParser::checkNonEmpty);
    }

    private static List<String> optionalList(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        return node == null ? List.of() : stringOrList(node, path + "." + name, PolicyParser::checkNonEmpty);
    }

    private static List<Condition> conditions(JsonNode node, String path) {
        if (node == null) {
            return List.of();
        }
        if (!node.isObject()) {
            throw new PolicyParseException(path, "expected an object of condition operators");
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String operatorPath = path + "." + entry.getKey();
            ConditionOperator operator = ConditionOperator.fromJson(entry.getKey())
                    .orElseThrow(() -> unknownOperator(entry.getKey(), operatorPath));
            JsonNode keys = entry.getValue();
            if (!keys.isObject()) {
                throw new PolicyParseException(operatorPath, "expected an object of condition keys");
            }
            if (keys.isEmpty()) {
                throw new PolicyParseException(operatorPath, "empty; expected at least one condition key");
            }
            for (Map.Entry<String, JsonNode> key : keys.properties()) {
                String keyPath = operatorPath + "." + key.getKey();
                List<String> values =
                        stringOrList(key.getValue(), keyPath, (p, v) -> checkConditionValue(operator, p, v));
                conditions.add(new Condition(operator, key.getKey(), values));
            }
        }
        return conditions;
    }

    private static void checkConditionValue(ConditionOperator operator, String path, String value) {
        Optional<String> problem = operator.problemWith(value);
        if (problem.isPresent()) {
            throw new PolicyParseException(path, quote(value) + " " + problem.get());
        }
    }

    private static PolicyParseException unknownOperator(String name, String path) {
        return ConditionOperator.fromJsonIgnoringCase(name)
                .map(o -> new PolicyParseException(path, "unknown operator; did you mean " + o.json() + "?"))
                .orElseGet(() -> new PolicyParseException(
                        path,
                        "unknown operator; accepted: "
                                + Arrays.stream(ConditionOperator.values())
                                        .map(ConditionOperator::json)
                                        .collect(Collectors.joining(", "))));
    }

    /** A string, or a non-empty list of strings; condition values may also be JSON numbers or booleans. */
    private static List<String> stringOrList(JsonNode node, String path, ValueCheck check) {
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw new PolicyParseException(path, "empty; expected at least one value");
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String itemPath = path + "[" + i + "]";
                values.add(scalar(node.get(i), itemPath, check));
            }
            return values;
        }
        if (node.isValueNode() && !node.isNull()) {
            return List.of(scalar(node, path, check));
        }
        throw new PolicyParseException(path, "expected a string or a list of strings");
    }

    private static String scalar(JsonNode node, String path, ValueCheck check) {
        if (!(node.isTextual() || node.isNumber() || node.isBoolean())) {
            throw new PolicyParseException(path, "expected a string");
        }
        String value = node.asText();
        check.accept(path, value);
        return value;
    }

    private static void checkNonEmpty(String path, String value) {
        if (value.isEmpty()) {
            throw new PolicyParseException(path, "empty; expected a value");
        }
    }

    private static void rejectUnknown(JsonNode node, String path, List<String> accepted) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!accepted.contains(name)) {
                String where = path.isEmpty() ? name : path + "." + name;
                Optional<String> foreign = PolicyGrammar.foreignElement(name);
                if (foreign.isPresent()) {
                    throw new PolicyParseException(where, foreign.get());
                }
                Optional<String> hint = accepted.stream()
                        .filter(a -> a.equalsIgnoreCase(name) || a.equalsIgnoreCase(name.replaceAll("s$", "")))
                        .findFirst();
                throw new PolicyParseException(
                        where,
                        hint.map(h -> "unknown element; did you mean " + h + "?")
                                .orElse("unknown element; accepted: " + String.join(", ", accepted)));
            }
        }
    }

    /** Jackson appends where an enclosing array or object started; the line and column already say where. */
    private static String withoutSourceNote(String message) {
        String firstLine = message.lines().findFirst().orElse("");
        int note = firstLine.indexOf(" (for ");
        return note > 0 && firstLine.contains("[Source:") ? firstLine.substring(0, note) : firstLine;
    }

    private static String article(PolicyType type) {
        return (type == PolicyType.IDENTITY ? "an " : "a ") + type.label();
    }

    private static String describe(JsonNode node) {
        return node.isTextual() ? quote(node.asText()) : node.toString();
    }

    private static String quote(String value) {
        return "\"" + value + "\"";
    }

    /** Validates one scalar value at its path; throws {@link PolicyParseException}. */
    @FunctionalInterface
    private interface ValueCheck {
        void accept(String path, String value);
    }
}
