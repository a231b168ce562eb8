package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.BucketState;
import dev.ossops.audit.CdnDomainState;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Evidence;
import dev.ossops.audit.ObjectAclSample;
import dev.ossops.audit.Observed;
import dev.ossops.audit.RamState;
import dev.ossops.audit.Severity;
import dev.ossops.plan.AccessQueries;
import dev.ossops.policy.AttachedPolicy;
import dev.ossops.policy.PolicyDocument;
import dev.ossops.policy.PolicyParseException;
import dev.ossops.policy.PolicyParser;
import dev.ossops.policy.PolicyType;
import dev.ossops.policy.access.AccessChecker;
import dev.ossops.policy.access.AccessFacts;
import dev.ossops.policy.access.AccessVerdict;
import dev.ossops.policy.access.BucketFacts;
import dev.ossops.policy.access.EdgeFacts;
import dev.ossops.policy.access.Fact;
import dev.ossops.spec.model.AccessAssertion;
import dev.ossops.spec.model.Cdn;
import dev.ossops.spec.tree.PropertyPath;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The profile's access assertions against live state: each that fails is a finding pointing at the assertion in the
 * profile; each whose answer depends on what could not be read (or is not collected) is unknown, with the reason.
 */
public final class AccessAssertionCheck extends RuleCheck {
    static final CheckRule RULE = new CheckRule(
            "ACCESS-ASSERTION",
            Severity.HIGH,
            "Access assertion of the profile does not hold",
            "The profile's access: section states who may and may not do what. Live access (bucket ACLs and policies, "
                    + "Block Public Access, RAM policies, CDN domains) contradicts one of them.",
            Optional.empty(),
            Optional.empty());
    static final String MISSING = "not in the audited account state";

    AccessAssertionCheck() {
        super(RULE);
    }

    @Override
    void evaluate(AuditSnapshot snapshot, Results results) {
        if (snapshot.access().isEmpty()) {
            return;
        }
        AccessFacts facts = facts(snapshot);
        AccessChecker checker = new AccessChecker();
        for (AccessAssertion a : snapshot.access().values()) {
            String path = PropertyPath.key("access", a.name());
            String resource = "access/" + a.name();
            AccessVerdict verdict;
            try {
                verdict = checker.check(AccessQueries.of(a), facts);
            } catch (IllegalArgumentException e) {
                results.unknown(resource, "the assertion cannot be checked: " + e.getMessage());
                continue;
            }
            switch (verdict.status()) {
                case FAILS ->
                    results.finding(
                            resource,
                            path,
                            "access assertion " + a.name() + " fails: " + verdict.message(),
                            new Evidence(
                                    path,
                                    verdict.decidingStatement()
                                            .map(s -> s.describe())
                                            .orElse(verdict.message()),
                                    a.expectAllowed() ? "allowed" : "denied"),
                            "Change live access so the assertion holds (apply the profile), or change the assertion if the "
                                    + "intent changed");
                case UNKNOWN -> results.unknown(resource, verdict.message());
                case HOLDS -> {}
            }
        }
    }

    static AccessFacts facts(AuditSnapshot snapshot) {
        Map<String, BucketFacts> buckets = new LinkedHashMap<>();
        Map<String, ObjectAclSample> samples = new LinkedHashMap<>();
        Map<String, String> sampleReasons = new LinkedHashMap<>();
        for (BucketState b : snapshot.buckets()) {
            buckets.put(
                    b.name(),
                    new BucketFacts(
                            b.name(),
                            fact(b.acl(), "the ACL of bucket " + b.name(), "private"),
                            policy(b),
                            fact(b.blockPublicAccess(), "Block Public Access of bucket " + b.name(), false)));
            b.objectAcls()
                    .value()
                    .ifPresentOrElse(
                            s -> samples.put(b.name(), s),
                            () -> sampleReasons.put(
                                    b.name(), b.objectAcls().unreadableReason().orElse("not read")));
        }
        Map<String, Fact<List<AttachedPolicy>>> users = new LinkedHashMap<>();
        Map<String, Fact<List<AttachedPolicy>>> roles = new LinkedHashMap<>();
        Set<String> named = new LinkedHashSet<>();
        snapshot.access().values().forEach(a -> {
            if (a.principal() instanceof AccessAssertion.RamUser u) {
                named.add("user:" + u.name());
            } else if (a.principal() instanceof AccessAssertion.Role r) {
                named.add("role:" + r.name());
            }
        });
        for (String n : named) {
            String name = n.substring(n.indexOf(':') + 1);
            RamState.PrincipalKind kind =
                    n.startsWith("user:") ? RamState.PrincipalKind.USER : RamState.PrincipalKind.ROLE;
            (kind == RamState.PrincipalKind.USER ? users : roles).put(name, attached(snapshot.ram(), kind, name));
        }
        Map<String, EdgeFacts> domains = new LinkedHashMap<>();
        snapshot.cdnDomains().value().ifPresent(list -> list.forEach(d -> domains.put(d.name(), edge(d))));
        Fact<String> account = snapshot.accountId().equals("unknown")
                ? Fact.unknown("the account id could not be read")
                : Fact.known(snapshot.accountId());
        String cdnMissing = snapshot.cdnDomains()
                .unreadableReason()
                .map(r -> "unreadable: " + r)
                .orElse(MISSING);
        AccessFacts.ObjectAcls objectAcls = new AccessFacts.ObjectAcls() {
            @Override
            public Fact<String> of(String bucket, String key) {
                return objectAcl(samples, sampleReasons, bucket, key);
            }

            @Override
            public List<String> knownKeys(String bucket) {
                return Optional.ofNullable(samples.get(bucket))
                        .map(s -> List.copyOf(s.acls().keySet()))
                        .orElse(List.of());
            }
        };
        return new AccessFacts(
                account,
                fact(snapshot.accountBlockPublicAccess(), "account-level Block Public Access", false),
                buckets,
                users,
                roles,
                Map.of(),
                domains,
                objectAcls,
                snapshot.cdnDomains().isUnreadable() ? cdnMissing : MISSING);
    }

    /** Absent is the service default: {@code absent}. */
    private static <T> Fact<T> fact(Observed<T> o, String what, T absent) {
        if (o instanceof Observed.Unreadable<T> u) {
            return Fact.unknown(what + " could not be read: " + u.reason());
        }
        return Fact.known(o.value().orElse(absent));
    }

    private static Fact<Optional<PolicyDocument>> policy(BucketState b) {
        if (b.policy().isUnreadable()) {
            return Fact.unknown("the policy of bucket " + b.name() + " could not be read: "
                    + b.policy().unreadableReason().orElseThrow());
        }
        if (b.policy().value().isEmpty()) {
            return Fact.known(Optional.empty());
        }
        try {
            return Fact.known(Optional.of(PolicyParser.parse(b.policy().value().get(), PolicyType.BUCKET)));
        } catch (PolicyParseException e) {
            return Fact.unknown("the policy of bucket " + b.name() + " cannot be read as a policy: " + e.getMessage());
        }
    }

    /**
     * A sampled object's own ACL. When the sample covers the whole bucket, a key it does not hold names no object, so
     * nothing overrides the bucket ACL for it ({@code default}); otherwise keys outside the sample are unknown.
     */
    private static Fact<String> objectAcl(
            Map<String, ObjectAclSample> samples, Map<String, String> reasons, String bucket, String key) {
        ObjectAclSample sample = samples.get(bucket);
        if (sample == null) {
            return Fact.unknown("the object ACLs of bucket " + bucket + " could not be read: "
                    + reasons.getOrDefault(bucket, "not read"));
        }
        String acl = sample.acls().get(key);
        if (acl != null) {
            return Fact.known(acl);
        }
        return sample.truncated()
                ? Fact.unknown("bucket " + bucket + " holds more objects than were sampled (--objects), "
                        + "and an object may carry its own public ACL")
                : Fact.known("default");
    }

    private static Fact<List<AttachedPolicy>> attached(
            Observed<RamState> ram, RamState.PrincipalKind kind, String name) {
        if (ram.value().isEmpty()) {
            return Fact.unknown(
                    "RAM could not be read: " + ram.unreadableReason().orElse("not read"));
        }
        RamState state = ram.value().get();
        List<AttachedPolicy> out = new ArrayList<>();
        // A principal with no attachment (or none at all) has no identity policy, so it is granted nothing by one.
        for (RamState.Attachment at : state.attachments()) {
            if (at.principalKind() != kind || !at.principal().equals(name)) {
                continue;
            }
            Optional<RamState.RamPolicy> policy = state.policy(at.policyName(), at.policyKind());
            Optional<String> json = policy.flatMap(p -> p.document().value());
            if (json.isEmpty()) {
                return Fact.unknown("the document of policy " + at.policyName() + " could not be read"
                        + policy.flatMap(p -> p.document().unreadableReason())
                                .map(r -> ": " + r)
                                .orElse(""));
            }
            try {
                out.add(new AttachedPolicy(at.policyName(), PolicyParser.parse(json.get(), PolicyType.IDENTITY)));
            } catch (PolicyParseException e) {
                return Fact.unknown("policy " + at.policyName() + " cannot be read as a policy: " + e.getMessage());
            }
        }
        return Fact.known(out);
    }

    /**
     * What the collector reads of a domain. Its status and the entries of its Referer lists are not collected, so a
     * domain with a Referer list, and whether it is online, stay unknown.
     */
    private static EdgeFacts edge(CdnDomainState d) {
        Optional<String> bucket =
                d.origin() instanceof Cdn.Origin.OssBucket o ? Optional.of(o.bucket()) : Optional.empty();
        return new EdgeFacts(
                d.name(),
                Fact.unknown("whether CDN domain " + d.name() + " is online is not collected"),
                Fact.known(bucket),
                Fact.known(d.privateOssAuth()),
                d.refererRules()
                        ? Fact.unknown("is set, and its entries are not collected")
                        : Fact.known(Optional.empty()),
                Fact.known(d.urlAuth()));
    }
}
