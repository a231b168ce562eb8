package dev.ossops.apply;

import dev.ossops.plan.Change;
import dev.ossops.spec.model.Profile;

import java.util.List;

/** Turns the changes of one family (buckets, RAM, CDN) into steps. */
public interface StepFactory {

    /** Whether this factory builds the steps for {@code change}. */
    boolean handles(Change change);

    /**
     * The steps that carry out {@code change}, with desired values taken from {@code profile}
     * (never from the change's normalised display values).
     */
    List<Step> steps(Change change, Profile profile);
}
