package dev.ossops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.ossops.spec.model.Profile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The state of one planning run, shared by the bucket, RAM and CDN planners. */
final class PlanContext {
    final Profile profile;
    final LiveState live;
    final PlanOptions options;
    private final DangerRules dangers;
    private final List<Change> changes = new ArrayList<>();
    private final Map<Address, String> unreadable = new LinkedHashMap<>();
    private final List<Plan.PlanError> errors = new ArrayList<>();
    private final Set<Normalization> notes = EnumSet.noneOf(Normalization.class);
    private final Set<LiveState.InventoryRequest> inventoryNeeded = new LinkedHashSet<>();
    private final List<Plan.AssertionResult> assertions = new ArrayList<>();

    PlanContext(Profile profile, LiveState live, PlanOptions options) {
        this.profile = profile;
        this.live = live;
        this.options = options;
        this.dangers = new DangerRules(live, options.inventorySkipped(), options.connection());
    }

    /**
     * The live value at {@code address}: empty when it is unknown (unreadable, unrepresentable or never read, each
     * recorded here), else the value or empty for absent.
     */
    <T> Optional<Optional<T>> read(Address address, Class<T> type) {
        Optional<Observed<?>> seen = live.get(address);
        if (seen.isEmpty()) {
            unreadable.put(address, "not read by the live reader");
            return Optional.empty();
        }
        Observed<?> o = seen.get();
        if (o instanceof Observed.Unreadable<?> u) {
            unreadable.put(address, u.reason());
            return Optional.empty();
        }
        if (o instanceof Observed.Unrepresentable<?> u) {
            error(
                    address,
                    "live configuration cannot be represented in a profile (" + u.detail()
                            + "); ossops will not plan or overwrite it: change it live or manage it outside ossops");
            return Optional.empty();
        }
        if (o instanceof Observed.Found<?> f) {
            if (!type.isInstance(f.value())) {
                throw new IllegalStateException(
                        "live reader stored a " + f.value().getClass().getSimpleName() + " at " + address
                                + "; expected a " + type.getSimpleName());
            }
            return Optional.of(Optional.of(type.cast(f.value())));
        }
        return Optional.of(Optional.empty());
    }

    void error(Address address, String message) {
        errors.add(new Plan.PlanError(address, message));
    }

    void assertion(Plan.AssertionResult result) {
        assertions.add(result);
    }

    void note(Normalization rule) {
        notes.add(rule);
    }

    /** A desired and a live value after normalisation (JSON null = absent). */
    record Normalised(JsonNode desired, JsonNode live) {}

    /** Applies {@code rules} in order, noting each that changed either side. */
    Normalised normalise(JsonNode desired, JsonNode live, List<Normalization> rules) {
        JsonNode d = desired;
        JsonNode l = live;
        for (Normalization rule : rules) {
            JsonNode nd = rule.apply(d);
            JsonNode nl = rule.apply(l);
            if (!nd.equals(d) || !nl.equals(l)) {
                notes.add(rule);
            }
            d = nd;
            l = nl;
        }
        return new Normalised(d, l);
    }

    /**
     * Compares a desired value with a live one (JSON null = absent) after {@code rules} and adds the change.
     * Returns the change added.
     */
    Change compare(
            Address address,
            JsonNode desired,
            JsonNode live,
            List<Normalization> rules,
            boolean newBucket,
            List<String> reasons) {
        Normalised n = normalise(desired, live, rules);
        return add(address, n.live(), n.desired(), newBucket, reasons);
    }

    /** Adds the change from normalised {@code before} to {@code after}, flagging dangers. */
    Change add(Address address, JsonNode before, JsonNode after, boolean newBucket, List<String> reasons) {
        Action action;
        if (before.equals(after)) {
            action = Action.NOOP;
        } else if (before.isNull()) {
            action = Action.CREATE;
        } else if (after.isNull()) {
            action = Action.DELETE;
        } else {
            action = Action.UPDATE;
        }
        return add(address, action, before, after, newBucket, reasons);
    }

    Change add(
            Address address, Action action, JsonNode before, JsonNode after, boolean newBucket, List<String> reasons) {
        List<Danger> found = action == Action.NOOP
                ? List.of()
                : dangers.assess(address, before, after, newBucket, inventoryNeeded::add);
        Change change = new Change(
                address,
                action,
                before,
                after,
                action == Action.NOOP ? List.of() : Diffs.between(before, after),
                reasons,
                found,
                List.of());
        changes.add(change);
        return change;
    }

    void addChange(Change change) {
        changes.add(change);
    }

    static JsonNode none() {
        return NullNode.getInstance();
    }

    Plan build() {
        List<LiveState.InventoryRequest> missing = inventoryNeeded.stream()
                .filter(r -> !options.inventorySkipped() && live.inventory(r).isEmpty())
                .toList();
        return new Plan(
                profile.name(), Ordering.sort(changes, profile), unreadable, errors, notes, missing, assertions);
    }
}
