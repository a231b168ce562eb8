package dev.ossops.plan;

import java.util.Map;
import java.util.Optional;

/**
 * Planner inputs besides the profile and live state. {@code generatedPolicies} holds the JSON documents of policies
 * the profile generates ({@code generate: uploader}), computed by the caller; {@code inventorySkipped} records
 * {@code --no-inventory} so the expiration impact says why it is missing; {@code connection} is how ossops reaches the
 * account, against which bucket policy changes are checked for a self-lockout (empty: not checked).
 */
public record PlanOptions(Map<String, String> generatedPolicies, boolean inventorySkipped, Optional<Connection> connection) {

    public PlanOptions {
        generatedPolicies = Map.copyOf(generatedPolicies);
    }

    public PlanOptions(Map<String, String> generatedPolicies, boolean inventorySkipped) {
        this(generatedPolicies, inventorySkipped, Optional.empty());
    }

    public static PlanOptions defaults() {
        return new PlanOptions(Map.of(), false);
    }

    /** These options with the inventory skipped. */
    public PlanOptions withInventorySkipped() {
        return new PlanOptions(generatedPolicies, true, connection);
    }
}
