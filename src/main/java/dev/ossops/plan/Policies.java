package dev.ossops.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.policy.PolicyNormalizer;
import dev.ossops.policy.PolicyParseException;
import dev.ossops.policy.PolicyParser;
import dev.ossops.policy.PolicyType;
import dev.ossops.spec.model.PolicySpec;

import java.util.List;
import java.util.Optional;

/**
 * Policy documents as JSON: the profile's document in the shape OSS and RAM accept (apply sends this, not the
 * canonical form, which lower-cases unknown action names), and canonical JSON (by {@link PolicyNormalizer}) for
 * comparison by meaning.
 */
public final class Policies {
    /** Readers are immutable, so one can be shared. */
    private static final ObjectReader JSON_READER = new ObjectMapper().reader();

    private Policies() {}

    /** The profile's document as compact policy JSON, in the shape OSS and RAM use, elements in profile order. */
    public static String json(PolicySpec doc) {
        ObjectNode root = JsonValues.JSON.objectNode();
        root.put("Version", doc.version());
        ArrayNode statements = root.putArray("Statement");
        for (PolicySpec.Statement s : doc.statements()) {
            ObjectNode node = statements.addObject();
            node.put("Effect", s.effect());
            s.principal().ifPresent(p -> {
                if (!p.any().isEmpty()) {
                    strings(node.putArray("Principal"), p.any());
                } else {
                    ObjectNode typed = node.putObject("Principal");
                    putIfAny(typed, "RAM", p.ram());
                    putIfAny(typed, "Service", p.service());
                    putIfAny(typed, "Federated", p.federated());
                }
            });
            strings(node.putArray(s.notAction() ? "NotAction" : "Action"), s.actions());
            if (!s.resources().isEmpty()) {
                strings(node.putArray(s.notResource() ? "NotResource" : "Resource"), s.resources());
            }
            if (!s.condition().isEmpty()) {
                ObjectNode condition = node.putObject("Condition");
                s.condition().forEach((operator, keys) -> {
                    ObjectNode k = condition.putObject(operator);
                    keys.forEach((key, values) -> strings(k.putArray(key), values));
                });
            }
        }
        return root.toString();
    }

    /** The canonical form of a policy in JSON text, as a tree. */
    static JsonNode canonical(String json, PolicyType type) {
        return tree(PolicyNormalizer.canonicalJson(PolicyParser.parse(json, type)));
    }

    /** The canonical form, or the parse problem when the live text is not a policy ossops can read. */
    static Canonical canonicalLive(String json, PolicyType type) {
        try {
            return new Canonical(canonical(json, type), Optional.empty());
        } catch (PolicyParseException e) {
            return new Canonical(NullNode.getInstance(), Optional.of(String.valueOf(e.getMessage())));
        }
    }

    /** A policy's canonical tree, or (tree a JSON null) the problem that kept it from being read. */
    record Canonical(JsonNode tree, Optional<String> problem) {}

    /** The document as written, as a tree, to tell whether normalising changed anything. */
    static JsonNode tree(String json) {
        try {
            return JSON_READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void putIfAny(ObjectNode node, String name, List<String> values) {
        if (!values.isEmpty()) {
            strings(node.putArray(name), values);
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
