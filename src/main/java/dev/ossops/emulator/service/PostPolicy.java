package dev.ossops.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The policy of a PostObject form (OSS "PostObject", policy form field): a base64 JSON document
 * with an {@code expiration} and {@code conditions}: exact matches ({@code {"field": "value"}} or
 * {@code ["eq", "$field", "value"]}), {@code ["starts-with", "$field", "prefix"]},
 * {@code ["in", "$field", ["v1", "v2"]]}, {@code ["not-in", "$field", ["v1", "v2"]]} and
 * {@code ["content-length-range", min, max]}.
 * <p>
 * Checked against the PostObject policy reference and its error pages (0006-00000216, -217, -224,
 * -227): those five matching modes and no others; {@code in} and {@code not-in} take a list, and a
 * string there is a malformed policy; a failed condition is AccessDenied "Invalid according to
 * Policy: Policy Condition failed: [...]". The reference does not say what a condition on a field
 * the form lacks does: here it fails, except {@code not-in} (an absent value is in no list), so a
 * policy that pins a field by eq, starts-with or in also requires it.
 */
public final class PostPolicy {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Instant expiration;
    private final List<Condition> conditions;
    private final long minLength;
    private final long maxLength;

    /** One field condition: op is "eq", "starts-with", "in" or "not-in", field without the '$', lower case. */
    record Condition(String op, String field, List<String> values) {
        Condition {
            values = List.copyOf(values);
        }

        boolean holds(@Nullable String actual) {
            return switch (op) {
                case "eq" -> values.get(0).equals(actual);
                case "starts-with" -> actual != null && actual.startsWith(values.get(0));
                case "in" -> actual != null && values.contains(actual);
                case "not-in" -> actual == null || !values.contains(actual);
                default -> throw new IllegalStateException("unknown operation " + op);
            };
        }

        String describe() {
            String operand = op.equals("in") || op.equals("not-in")
                    ? values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"))
                    : "\"" + values.get(0) + "\"";
            return "[\"" + op + "\", \"$" + field + "\", " + operand + "]";
        }
    }

    private PostPolicy(Instant expiration, List<Condition> conditions, long minLength, long maxLength) {
        this.expiration = expiration;
        this.conditions = List.copyOf(conditions);
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /** Decodes and parses the {@code policy} form field; InvalidPolicyDocument for what OSS refuses. */
    public static PostPolicy parse(String base64) {
        JsonNode root;
        try {
            byte[] json = Base64.getMimeDecoder().decode(base64);
            root = JSON.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IOException e) {
            throw invalid("Invalid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw invalid("Invalid JSON.");
        }
        JsonNode expirationNode = root.get("expiration");
        if (expirationNode == null) {
            throw invalid("Policy missing expiration.");
        }
        Instant expiration;
        try {
            expiration = Instant.parse(expirationNode.asText());
        } catch (DateTimeParseException e) {
            throw invalid("Invalid 'expiration' value: '" + expirationNode.asText() + "'");
        }
        JsonNode conditionsNode = root.get("conditions");
        if (conditionsNode == null || !conditionsNode.isArray()) {
            throw invalid("Policy missing conditions.");
        }
        List<Condition> conditions = new ArrayList<>();
        long min = 0;
        long max = Long.MAX_VALUE;
        for (JsonNode c : conditionsNode) {
            if (c.isObject()) {
                if (c.size() != 1) {
                    throw invalid(
                            "Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.");
                }
                Map.Entry<String, JsonNode> only = c.properties().iterator().next();
                if (!only.getValue().isValueNode()) {
                    throw invalid("Invalid Simple-Condition: value must be a string.");
                }
                conditions.add(new Condition(
                        "eq",
                        only.getKey().toLowerCase(Locale.ROOT),
                        List.of(only.getValue().asText())));
            } else if (c.isArray() && c.size() == 3) {
                String op = c.get(0).asText().toLowerCase(Locale.ROOT);
                switch (op) {
                    case "content-length-range" -> {
                        if (!c.get(1).canConvertToLong() || !c.get(2).canConvertToLong()) {
                            throw invalid("Invalid content-length-range: bounds must be integers.");
                        }
                        min = c.get(1).asLong();
                        max = c.get(2).asLong();
                        if (min < 0 || max < min) {
                            throw invalid("Invalid content-length-range: " + min + " to " + max + ".");
                        }
                    }
                    case "eq", "starts-with" -> {
                        if (!c.get(2).isValueNode()) {
                            throw invalid("Invalid Condition: the value of '" + op + "' must be a string.");
                        }
                        conditions.add(new Condition(
                                op, field(c.get(1)), List.of(c.get(2).asText())));
                    }
                    case "in", "not-in" -> conditions.add(new Condition(op, field(c.get(1)), list(op, c.get(2))));
                    default ->
                        throw invalid("Invalid Condition: unknown operation '"
                                + c.get(0).asText() + "'.");
                }
            } else {
                throw invalid(
                        "Invalid Condition: a condition is an object with one property or an array of three elements.");
            }
        }
        return new PostPolicy(expiration, conditions, min, max);
    }

    /** A condition's field: {@code $name}, case-insensitive like the form's field names. */
    private static String field(JsonNode node) {
        String field = node.asText();
        if (!field.startsWith("$")) {
            throw invalid("Invalid Condition: field name must start with '$': " + field);
        }
        return field.substring(1).toLowerCase(Locale.ROOT);
    }

    /** The values of {@code in} / {@code not-in}: a JSON array of strings (a bare string is the documented mistake). */
    private static List<String> list(String op, JsonNode node) {
        if (!node.isArray()) {
            throw invalid("Invalid Condition: the values of '" + op + "' must be a list.");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode v : node) {
            if (!v.isValueNode() || v.isNull()) {
                throw invalid("Invalid Condition: the values of '" + op + "' must be strings.");
            }
            values.add(v.asText());
        }
        return values;
    }

    private static OssException invalid(String detail) {
        return new OssException(OssError.INVALID_POLICY_DOCUMENT, "Invalid Policy: " + detail);
    }

    /**
     * Checks expiry and the field conditions against the form ({@code fields} by lower-case name,
     * with {@code bucket} included); AccessDenied naming the first failure.
     */
    public void check(Map<String, String> fields, Instant now) {
        if (now.isAfter(expiration)) {
            throw new OssException(OssError.ACCESS_DENIED, "Invalid according to Policy: Policy expired.");
        }
        for (Condition c : conditions) {
            if (!c.holds(fields.get(c.field()))) {
                throw new OssException(
                        OssError.ACCESS_DENIED,
                        "Invalid according to Policy: Policy Condition failed: " + c.describe());
            }
        }
    }

    /** Smallest file size allowed, 0 without content-length-range. */
    public long minLength() {
        return minLength;
    }

    /** Largest file size allowed, Long.MAX_VALUE without content-length-range. */
    public long maxLength() {
        return maxLength;
    }
}
