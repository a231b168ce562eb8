package dev.ossops.plan;

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
 */
public record Plan(String profile, List<Change> changes, Map<Address, String> unreadable, List<PlanError> errors,
                   Set<Normalization> normalizations, List<LiveState.InventoryRequest> inventoryRequests) {

    public Plan {
        changes = List.copyOf(changes);
        unreadable = Collections.unmodifiableMap(new TreeMap<>(unreadable));
        errors = List.copyOf(errors);
        inventoryRequests = List.copyOf(inventoryRequests);
        EnumSet<Normalization> applied = EnumSet.noneOf(Normalization.class);
        applied.addAll(normalizations);
        normalizations = Collections.unmodifiableSet(applied);
    }

    /** One address the plan cannot handle, and why. */
    public record PlanError(Address address, String message) {
    }

    public boolean complete() {
        return unreadable.isEmpty();
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Complete and free of errors: apply may run it (destructive changes still need --allow-destructive). */
    public boolean applyable() {
        return complete() && !hasErrors();
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
