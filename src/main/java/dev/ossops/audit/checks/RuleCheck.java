package dev.ossops.audit.checks;

import dev.ossops.audit.Check;
import dev.ossops.audit.CheckRule;

/** A check whose rule is given when it is made, so no check repeats the accessor. */
abstract class RuleCheck implements Check {
    private final CheckRule rule;

    RuleCheck(CheckRule rule) {
        this.rule = rule;
    }

    @Override
    public final CheckRule rule() {
        return rule;
    }
}
