package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.BucketState;
import dev.ossops.audit.CdnDomainState;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Evidence;
import dev.ossops.audit.Observed;
import dev.ossops.audit.ProfileChange;
import dev.ossops.audit.Severity;
import dev.ossops.policy.AnonymousAccess;
import dev.ossops.spec.model.Cdn;
import dev.ossops.spec.tree.PropertyPath;

import java.util.List;
import java.util.Optional;

/**
 * A CDN domain that fetches from an OSS bucket left publicly readable instead of using private origin
 * authentication: anyone can bypass the CDN (and its access controls) by reading the bucket directly.
 */
final class CdnPublicOriginCheck extends CdnCheck {
    static final CheckRule RULE = new CheckRule(
            "CDN-ORIGIN-BUCKET-PUBLIC",
            Severity.MEDIUM,
            "CDN origin bucket is public instead of using private origin authentication",
            "With private OSS origin authentication the CDN signs its back-to-origin requests, so the bucket can stay "
                    + "private and all reads go through the CDN and its access controls. A public origin bucket can "
                    + "be read directly, bypassing them.",
            Optional.empty(),
            Optional.empty());

    CdnPublicOriginCheck() {
        super(RULE);
    }

    @Override
    void evaluate(CdnDomainState domain, AuditSnapshot snapshot, Results results) {
        if (!(domain.origin() instanceof Cdn.Origin.OssBucket origin) || domain.privateOssAuth()) {
            return;
        }
        Optional<BucketState> bucket = snapshot.bucket(origin.bucket());
        if (bucket.isEmpty()) {
            results.unknown(domain.resource(), "origin bucket " + origin.bucket() + " was not audited");
            return;
        }
        BucketState b = bucket.get();
        if (results.unreadable(domain.resource(), "the ACL of origin bucket " + b.name(), b.acl())) {
            return;
        }
        Observed<AnonymousAccess> policy = Exposure.anonymousAccess(b);
        if (results.unreadable(domain.resource(), "origin bucket " + b.name() + ": the bucket policy", policy)) {
            return;
        }
        String acl = b.acl().value().orElseThrow();
        boolean policyRead = policy.value()
                .map(a -> Exposure.grantsAny(a, Exposure.READ_LEVELS))
                .orElse(false);
        if (!Exposure.publicAcl(acl) && !policyRead) {
            return;
        }
        Exposure.Block block = Exposure.block(b, snapshot);
        if (block.blocked()) {
            return;
        }
        if (block.unknown()) {
            results.unknown(
                    domain.resource(),
                    "origin bucket " + b.name() + " grants public reads, but "
                            + block.unknownReason().orElseThrow());
            return;
        }
        String why = Exposure.publicAcl(acl) ? "ACL " + acl : "a bucket policy granting anonymous reads";
        String property = PropertyPath.key(domainPath(domain.name()), "privateOssAuth");
        results.finding(
                domain.resource(),
                domainPath(domain.name()),
                "CDN domain " + domain.name() + " fetches from bucket " + b.name() + ", which is public (" + why
                        + "), without private origin authentication",
                new Evidence(property, "false", "true, with origin bucket " + b.name() + " private"),
                "set " + property + ": true and make " + b.name() + " private ("
                        + PropertyPath.key(PropertyPath.key("buckets", b.name()), "acl")
                        + ": private), then run ossops plan",
                new ProfileChange.SetValue(List.of("cdn", "domains", domain.name(), "privateOssAuth"), true));
    }
}
