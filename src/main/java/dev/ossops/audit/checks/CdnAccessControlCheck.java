package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.CdnDomainState;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Evidence;
import dev.ossops.audit.Severity;

import java.util.Optional;

/**
 * A private OSS origin served by a CDN domain with neither URL authentication nor referer rules: the CDN signs for
 * the private bucket, so the domain itself makes every object public.
 */
final class CdnAccessControlCheck extends CdnCheck {
    static final CheckRule RULE = new CheckRule(
            "CDN-PRIVATE-ORIGIN-NO-ACCESS-CONTROL",
            Severity.LOW,
            "Private origin served without URL authentication or referer rules",
            "Private origin authentication keeps the bucket private, but the CDN domain then serves every object to "
                    + "anyone. URL authentication (signed CDN URLs) or referer rules limit who can fetch through it.",
            Optional.empty(),
            Optional.empty());

    CdnAccessControlCheck() {
        super(RULE);
    }

    @Override
    void evaluate(CdnDomainState domain, AuditSnapshot snapshot, Results results) {
        if (!domain.privateOssAuth() || domain.urlAuth() || domain.refererRules()) {
            return;
        }
        results.finding(
                domain.resource(),
                domainPath(domain.name()),
                "CDN domain " + domain.name() + " serves a private origin to anyone: no URL authentication, no referer "
                        + "rules",
                new Evidence(
                        domainPath(domain.name()),
                        "URL authentication off, no referer rules",
                        "URL authentication or referer rules"),
                "turn on URL authentication (aliauth) or configure referer rules for " + domain.name()
                        + " in the CDN console; the profile does not manage them yet");
    }
}
