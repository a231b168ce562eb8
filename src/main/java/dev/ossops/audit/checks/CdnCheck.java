package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.CdnDomainState;
import dev.ossops.audit.CheckResult;
import dev.ossops.audit.CheckRule;
import dev.ossops.spec.tree.PropertyPath;

import java.util.List;

/** A check that looks at each CDN domain. */
abstract class CdnCheck extends RuleCheck {

    CdnCheck(CheckRule rule) {
        super(rule);
    }

    @Override
    public final List<CheckResult> evaluate(AuditSnapshot snapshot) {
        Results results = new Results(rule());
        if (results.unreadable("cdn:account/" + snapshot.accountId(), "the CDN domains", snapshot.cdnDomains())) {
            return results.list();
        }
        for (CdnDomainState domain : snapshot.cdnDomains().value().orElseThrow()) {
            evaluate(domain, snapshot, results);
        }
        return results.list();
    }

    abstract void evaluate(CdnDomainState domain, AuditSnapshot snapshot, Results results);

    /** {@code cdn.domains["media.example.com"]} */
    static String domainPath(String domain) {
        return PropertyPath.key("cdn.domains", domain);
    }
}
