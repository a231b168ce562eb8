package dev.ossops.plan;

import java.util.Map;
import java.util.Optional;

/**
 * Planner inputs besides the profile and live state. {@code generatedPolicies} holds the JSON documents of policies
 * the profile generates ({@code generate: uploader}), computed by the caller; {@code inventorySkipped} records
 * {@code --no-inventory} so the expiration impact says why it is missing; {@code connection} is how ossops reaches the
 * account, against which bucket policy changes are checked for a self-lockout (empty: not checked). Access assertions
 * need two facts about the account that no profile manages, read live when known: {@code accountId} (the account the
 * credentials belong to, to read ARNs) and {@code accountBlockPublicAccess}; empty makes the assertions that depend
 * on them unknown.
 */
public record PlanOptions(
        Map<String, String> generatedPolicies,
        boolean inventorySkipped,
        Optional<Connection> connection,
        Optional<String> accountId,
        Optional<Boolean> accountBlockPublicAccess) {

    public PlanOptions {
        generatedPolicies = Map.copyOf(generatedPolicies);
    }

    public PlanOptions(Map<String, String> generatedPolicies, boolean inventorySkipped) {
        this(generatedPolicies, inventorySkipped, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static PlanOptions defaults() {
        return new PlanOptions(Map.of(), false);
    }

    /** These options with the inventory skipped. */
    public PlanOptions withInventorySkipped() {
        return new PlanOptions(generatedPolicies, true, connection, accountId, accountBlockPublicAccess);
    }

    /** These options with the connection self-lockout checks are made against. */
    public PlanOptions withConnection(Connection how) {
        return new PlanOptions(
                generatedPolicies, inventorySkipped, Optional.of(how), accountId, accountBlockPublicAccess);
    }

    public PlanOptions withAccount(Optional<String> id, Optional<Boolean> blockPublicAccess) {
        return new PlanOptions(generatedPolicies, inventorySkipped, connection, id, blockPublicAccess);
    }
}
