package dev.ossops.apply;

import dev.ossops.plan.Action;
import dev.ossops.plan.Change;
import dev.ossops.spec.model.Profile;

import java.util.List;
import java.util.Set;

import static dev.ossops.plan.Address.Kind;

/** A step factory for a fixed set of address kinds. A no-op change needs no step, whatever its kind. */
public abstract class KindStepFactory implements StepFactory {
    private final Set<Kind> kinds;

    protected KindStepFactory(Set<Kind> kinds) {
        this.kinds = Set.copyOf(kinds);
    }

    @Override
    public final boolean handles(Change change) {
        return kinds.contains(change.address().kind());
    }

    @Override
    public final List<Step> steps(Change change, Profile profile) {
        return change.action() == Action.NOOP ? List.of() : changeSteps(change, profile);
    }

    /** The steps of a change that is not a no-op; see {@link #steps}. */
    protected abstract List<Step> changeSteps(Change change, Profile profile);
}
