package dev.ossops.apply;

import java.util.List;

/** Every step's outcome, in the order they finished. */
public record ApplyReport(List<StepOutcome> outcomes) {

    public ApplyReport {
        outcomes = List.copyOf(outcomes);
    }

    public List<StepOutcome> with(StepOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).toList();
    }

    /** Every step applied. */
    public boolean succeeded() {
        return outcomes.stream().allMatch(o -> o.status() == StepOutcome.Status.APPLIED);
    }

    /** {@code 3 applied, 1 failed, 2 skipped}. */
    public String summary() {
        return with(StepOutcome.Status.APPLIED).size() + " applied, "
                + with(StepOutcome.Status.FAILED).size() + " failed, "
                + with(StepOutcome.Status.SKIPPED).size() + " skipped";
    }
}
