package dev.ossops.apply;

import dev.ossops.plan.Address;

/** What happened to one step: applied, failed (with the service's answer), or skipped (with the failed dependency). */
public record StepOutcome(Address address, String description, Status status, String detail) {

    public enum Status {
        APPLIED,
        FAILED,
        SKIPPED
    }

    static StepOutcome applied(Step step) {
        return new StepOutcome(step.address(), step.describe(), Status.APPLIED, "");
    }

    static StepOutcome failed(Step step, String why) {
        return new StepOutcome(step.address(), step.describe(), Status.FAILED, why);
    }

    static StepOutcome skipped(Step step, String why) {
        return new StepOutcome(step.address(), step.describe(), Status.SKIPPED, why);
    }
}
