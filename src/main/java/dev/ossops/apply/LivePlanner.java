package dev.ossops.apply;

import dev.ossops.plan.LiveQuery;
import dev.ossops.plan.LiveState;
import dev.ossops.plan.Plan;
import dev.ossops.plan.PlanOptions;
import dev.ossops.plan.Planner;
import dev.ossops.spec.model.Profile;

import java.util.List;
import java.util.Optional;

/**
 * Reads exactly what a profile manages, plans, and (unless inventories are off) lists the objects the expiration
 * impacts need and plans again with them.
 */
public final class LivePlanner {
    private final LiveReader reader;
    private final Optional<InventoryReader> inventories;
    private final Planner planner = new Planner();

    /** {@code inventories} empty = {@code --no-inventory}. */
    public LivePlanner(LiveReader reader, Optional<InventoryReader> inventories) {
        this.reader = reader;
        this.inventories = inventories;
    }

    /** The plan, the live state it was made from, and warnings about inventories that could not be listed. */
    public record Result(Plan plan, LiveState live, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    public Result plan(Profile profile, PlanOptions options) {
        LiveState live = reader.read(LiveQuery.reads(profile));
        return planWith(profile, live, options);
    }

    /** Plans from live state already read (apply of a saved plan reads once for the staleness check and the plan). */
    public Result planWith(Profile profile, LiveState live, PlanOptions options) {
        if (inventories.isEmpty()) {
            PlanOptions skipped = options.withInventorySkipped();
            return new Result(planner.plan(profile, live, skipped), live, List.of());
        }
        Plan first = planner.plan(profile, live, options);
        if (first.inventoryRequests().isEmpty()) {
            return new Result(first, live, List.of());
        }
        InventoryReader.Result listed = inventories.get().read(first.inventoryRequests());
        LiveState withInventories = live.withInventories(listed.inventories());
        return new Result(planner.plan(profile, withInventories, options), withInventories, listed.warnings());
    }

    public LiveReader reader() {
        return reader;
    }
}
