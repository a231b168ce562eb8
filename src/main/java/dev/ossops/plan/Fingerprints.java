package dev.ossops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;
import java.util.Set;

/**
 * The fingerprint of one live observation: SHA-256 of the canonical JSON of the value, or {@code absent}. CDN
 * arguments that carry credentials are removed before hashing, so not even their hash is stored.
 */
final class Fingerprints {
    static final String ABSENT = "absent";
    /** l2_oss_key arguments the CDN service fills with an AccessKey pair. */
    static final Set<String> SECRET_ARGS = Set.of("perm_private_oss_tbl", "private_oss_tbl");

    private Fingerprints() {}

    /** Empty for observations that are not a known value (unreadable or unrepresentable). */
    static Optional<String> of(Observed<?> observed) {
        if (observed instanceof Observed.Absent<?>) {
            return Optional.of(ABSENT);
        }
        return observed.found().map(v -> JsonValues.sha256(JsonValues.canonical(withoutSecrets(JsonValues.of(v)))));
    }

    private static JsonNode withoutSecrets(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(SECRET_ARGS);
            o.forEach(Fingerprints::withoutSecrets);
        } else if (node.isArray()) {
            node.forEach(Fingerprints::withoutSecrets);
        }
        return node;
    }
}
