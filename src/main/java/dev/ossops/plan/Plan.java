package dev.ossops.plan;

import dev.ossops.policy.access.AccessVerdict;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Changes in apply order, the addresses that could not be read (with why), plan errors, and the normalisations
 * that made a difference. A plan with unreadable addresses is incomplete; with errors it is not applyable.
 * {@code inventoryRequests} lists object inventories an expiration impact needs and the live state lacks: the
 * caller lists them (bounded by --inventory-limit), adds them with {@link LiveState#withInventories} and plans again.
 * {@code assertions} are the profile's access assertions checked against the state the profile describes; one that
 * fails makes the plan not applyable, and no option overrides that: the profile must change.
 */
public record Plan(
        String profile,
        List<Change> changes,
        Map<Address, String> unreadable,
        List<PlanError> errors,
        Set<Normalization> normalizations,
        List<LiveState.InventoryRequest> inventoryRequests,
        List<AssertionResult> assertions) {

    public Plan {
        changes = List.copyOf(changes);
        unreadable = Collections.unmodifiableMap(new TreeMap<>(unreadable));
        errors = List.copyOf(errors);
        inventoryRequests = List.copyOf(inventoryRequests);
        assertions = List.copyOf(assertions);
        EnumSet<Normalization> applied = EnumSet.noneOf(Normalization.class);
        applied.addAll(normalizations);
        normalizations = Collections.unmodifiableSet(applied);
    }

    /** One address the plan cannot handle, and why. */
    public record PlanError(Address address, String message) {}

    /** One access assertion and what the checker said of it. */
    public record AssertionResult(String name, AccessVerdict verdict) {
        public boolean fails() {
            return verdict.status() == AccessVerdict.Status.FAILS;
        }
    }

    public boolean complete() {
        return unreadable.isEmpty();
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public boolean breaksAssertions() {
        return assertions.stream().anyMatch(AssertionResult::fails);
    }

    /**
     * Complete, free of errors and breaking no access assertion: apply may run it (destructive changes still need
     * --allow-destructive).
     */
    public boolean applyable() {
        return complete() && !hasErrors() && !breaksAssertions();
    }

    /** Whether anything would change. */
    public boolean hasChanges() {
        return changes.stream().anyMatch(c -> c.action() != Action.NOOP);
    }

    public boolean hasDestructiveChanges() {
        return changes.stream().anyMatch(Change::destructive);
    }

    public long count(Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }
}
