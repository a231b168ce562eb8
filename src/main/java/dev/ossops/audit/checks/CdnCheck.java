package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.CdnDomainState;
import dev.ossops.audit.CheckRule;
import dev.ossops.spec.tree.PropertyPath;

/** A check that looks at each CDN domain. */
abstract class CdnCheck extends RuleCheck {

    CdnCheck(CheckRule rule) {
        super(rule);
    }

    @Override
    final void evaluate(AuditSnapshot snapshot, Results results) {
        if (results.unreadable("cdn:account/" + snapshot.accountId(), "the CDN domains", snapshot.cdnDomains())) {
            return;
        }
        for (CdnDomainState domain : snapshot.cdnDomains().value().orElseThrow()) {
            evaluate(domain, snapshot, results);
        }
    }

    abstract void evaluate(CdnDomainState domain, AuditSnapshot snapshot, Results results);

    /** {@code cdn.domains["media.example.com"]} */
    static String domainPath(String domain) {
        return PropertyPath.key("cdn.domains", domain);
    }
}
