package dev.ossops.emulator.ram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.policy.PolicyParseException;
import dev.ossops.policy.PolicyParser;
import dev.ossops.policy.PolicyType;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Structural checks RAM applies to a policy document before storing it: size (6144 bytes for
 * custom policies, 2048 for trust policies), JSON object with {@code Version} "1" and a
 * non-empty {@code Statement} list whose entries have a valid {@code Effect} and an
 * {@code Action} or {@code NotAction}, then the one grammar ossops shares ({@link dev.ossops.shared.PolicyGrammar}, through
 * {@link PolicyParser}): a document stored here is one the evaluator can read. Evaluating documents belongs to
 * {@code dev.ossops.policy}.
 */
final class PolicyDocuments {
    static final int MAX_POLICY_BYTES = 6144;
    static final int MAX_TRUST_POLICY_BYTES = 2048;
    private static final Set<String> EFFECTS = Set.of("Allow", "Deny");

    private final ObjectMapper mapper = new ObjectMapper();

    /** Validates a document of {@code type}; {@code parameter} names it in the length error. */
    JsonNode check(String parameter, String document, int maxBytes, PolicyType type) {
        if (document.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw RamErrors.length(parameter);
        }
        JsonNode root;
        try {
            root = mapper.readTree(document);
        } catch (JsonProcessingException e) {
            throw RamErrors.malformedDocument("not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw RamErrors.malformedDocument("the document must be a JSON object.");
        }
        if (!"1".equals(root.path("Version").asText(null))) {
            throw RamErrors.malformedDocument("Version must be \"1\".");
        }
        JsonNode statements = root.path("Statement");
        if (!statements.isArray() || statements.isEmpty()) {
            throw RamErrors.malformedDocument("Statement must be a non-empty list.");
        }
        for (JsonNode statement : statements) {
            if (!statement.isObject()
                    || !EFFECTS.contains(statement.path("Effect").asText(""))) {
                throw RamErrors.malformedDocument("every statement needs Effect Allow or Deny.");
            }
            // RAM "Policy elements": a statement has Action or NotAction; the parser refuses both at once.
            if (!statement.has("Action") && !statement.has("NotAction")) {
                throw RamErrors.malformedDocument("every statement needs an Action or a NotAction.");
            }
        }
        try {
            PolicyParser.parse(root, type);
        } catch (PolicyParseException e) {
            throw RamErrors.malformedDocument(e.getMessage() + ".");
        }
        return root;
    }
}
