package dev.ossops.plan;

import java.util.Map;

/**
 * Planner inputs besides the profile and live state. {@code generatedPolicies} holds the JSON documents of policies
 * the profile generates ({@code generate: uploader}), computed by the caller; {@code inventorySkipped} records
 * {@code --no-inventory} so the expiration impact says why it is missing.
 */
public record PlanOptions(Map<String, String> generatedPolicies, boolean inventorySkipped) {

    public PlanOptions {
        generatedPolicies = Map.copyOf(generatedPolicies);
    }

    public static PlanOptions defaults() {
        return new PlanOptions(Map.of(), false);
    }
}
