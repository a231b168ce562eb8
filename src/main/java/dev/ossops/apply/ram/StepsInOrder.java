package dev.ossops.apply.ram;

import dev.ossops.apply.Step;
import dev.ossops.plan.Address;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Several calls for one change, run one after another; the first failure stops the rest. The apply runner keys
 * steps by address, so two steps for one address must travel as one.
 */
record StepsInOrder(Address address, List<Address> dependsOn, List<Step> steps) implements Step {

    StepsInOrder {
        dependsOn = List.copyOf(dependsOn);
        steps = List.copyOf(steps);
        for (Step step : steps) {
            if (!step.address().equals(address)) {
                throw new IllegalArgumentException(step.describe() + " is for " + step.address() + ", not " + address);
            }
        }
    }

    @Override
    public String describe() {
        return steps.stream().map(Step::describe).collect(Collectors.joining(", then "));
    }

    @Override
    public void run() {
        steps.forEach(Step::run);
    }
}
