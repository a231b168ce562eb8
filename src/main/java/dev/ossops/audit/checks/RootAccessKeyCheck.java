package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Evidence;
import dev.ossops.audit.Observed;
import dev.ossops.audit.RamState;
import dev.ossops.audit.Severity;
import dev.ossops.common.AccessKeys;

import java.util.List;
import java.util.Optional;

/** Active AccessKeys of the account itself (root); printed masked, never in full. */
final class RootAccessKeyCheck extends RamCheck {
    static final CheckRule RULE = new CheckRule(
            "RAM-ROOT-ACCESS-KEY",
            Severity.INFO,
            "The account's own AccessKey is active",
            "An AccessKey of the Alibaba Cloud account has every permission and cannot be limited by policies or "
                    + "conditions. Use RAM users or roles for programs and delete the account's keys.",
            Optional.of("1.2"),
            Optional.empty());

    RootAccessKeyCheck() {
        super(RULE);
    }

    @Override
    void evaluate(RamState ram, AuditSnapshot snapshot, Results results) {
        String account = accountResource(snapshot);
        Observed<List<RamState.RootAccessKey>> keys = ram.rootAccessKeys();
        if (results.unreadable(account, "the account's AccessKeys", keys)) {
            return;
        }
        for (RamState.RootAccessKey key : keys.value().orElse(List.of())) {
            if (!key.active()) {
                continue;
            }
            String masked = AccessKeys.mask(key.accessKeyId());
            String used = key.lastUsed().map(d -> "last used " + d).orElse("last use unknown");
            results.finding(
                    account + "/accesskey/" + masked,
                    null,
                    "account " + snapshot.accountId() + " has an active AccessKey " + masked + " (" + used + ")",
                    new Evidence("account AccessKey " + masked, "Active, " + used, "no AccessKey"),
                    "move programs to a RAM user or role, then disable and delete " + masked + " in the RAM console; "
                            + "the account's keys are not part of the profile");
        }
    }
}
