package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.RamState;

/** A check that looks at the account's RAM state; unknown for the whole account when RAM could not be read. */
abstract class RamCheck extends RuleCheck {

    RamCheck(CheckRule rule) {
        super(rule);
    }

    @Override
    final void evaluate(AuditSnapshot snapshot, Results results) {
        if (!results.unreadable(accountResource(snapshot), "RAM", snapshot.ram())) {
            evaluate(snapshot.ram().value().orElseThrow(), snapshot, results);
        }
    }

    abstract void evaluate(RamState ram, AuditSnapshot snapshot, Results results);

    /** {@code ram:account/123}: what account-wide results are about. */
    static String accountResource(AuditSnapshot snapshot) {
        return "ram:account/" + snapshot.accountId();
    }
}
