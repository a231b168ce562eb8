package dev.ossops.plan;

import java.util.Map;
import java.util.Optional;

/**
 * Planner inputs besides the profile and live state. {@code generatedPolicies} holds the JSON documents of policies
 * the profile generates ({@code generate: uploader}), computed by the caller; {@code inventorySkipped} records
 * {@code --no-inventory} so the expiration impact says why it is missing. Access assertions need two facts about the
 * account that no profile manages, read live when known: {@code accountId} (the account the credentials belong to, to
 * read ARNs) and {@code accountBlockPublicAccess}; empty makes the assertions that depend on them unknown.
 */
public record PlanOptions(Map<String, String> generatedPolicies, boolean inventorySkipped, Optional<String> accountId,
                          Optional<Boolean> accountBlockPublicAccess) {

    public PlanOptions {
        generatedPolicies = Map.copyOf(generatedPolicies);
    }

    public PlanOptions(Map<String, String> generatedPolicies, boolean inventorySkipped) {
        this(generatedPolicies, inventorySkipped, Optional.empty(), Optional.empty());
    }

    public static PlanOptions defaults() {
        return new PlanOptions(Map.of(), false);
    }

    public PlanOptions withAccount(Optional<String> id, Optional<Boolean> blockPublicAccess) {
        return new PlanOptions(generatedPolicies, inventorySkipped, id, blockPublicAccess);
    }
}
