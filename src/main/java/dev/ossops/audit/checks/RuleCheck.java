package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.Check;
import dev.ossops.audit.CheckResult;
import dev.ossops.audit.CheckRule;

import java.util.List;

/** A check whose rule is given when it is made, and whose results are collected under that rule. */
abstract class RuleCheck implements Check {
    private final CheckRule rule;

    RuleCheck(CheckRule rule) {
        this.rule = rule;
    }

    @Override
    public final CheckRule rule() {
        return rule;
    }

    @Override
    public final List<CheckResult> evaluate(AuditSnapshot snapshot) {
        Results results = new Results(rule);
        evaluate(snapshot, results);
        return results.list();
    }

    /** Records into {@code results} a finding or unknown for each resource that does not pass. */
    abstract void evaluate(AuditSnapshot snapshot, Results results);
}
