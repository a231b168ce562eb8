package dev.ossops.plan;

import dev.ossops.policy.AttachedPolicy;
import dev.ossops.policy.PolicyDocument;
import dev.ossops.policy.PolicyParseException;
import dev.ossops.policy.PolicyParser;
import dev.ossops.policy.PolicyType;
import dev.ossops.policy.SystemPolicyDocuments;
import dev.ossops.policy.access.AccessChecker;
import dev.ossops.policy.access.AccessFacts;
import dev.ossops.policy.access.BucketFacts;
import dev.ossops.policy.access.EdgeFacts;
import dev.ossops.policy.access.Fact;
import dev.ossops.spec.model.AccessAssertion;
import dev.ossops.spec.model.Bucket;
import dev.ossops.spec.model.Cdn;
import dev.ossops.spec.model.Managed;
import dev.ossops.spec.model.Profile;
import dev.ossops.spec.model.Ram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The access assertions of a profile checked against the state it describes (what apply would leave behind), not
 * against live state: what the profile leaves unmanaged is unknown, with the reason, so an assertion that depends on
 * it is never said to hold.
 */
final class DesiredAccess {
    static final String NOT_IN_PROFILE = "not defined in this profile";

    private final Profile profile;
    private final PlanOptions options;

    DesiredAccess(Profile profile, PlanOptions options) {
        this.profile = profile;
        this.options = options;
    }

    /** Each assertion's result, in profile order; an assertion OSS could not mean becomes a plan error instead. */
    void check(PlanContext ctx) {
        AccessFacts facts = facts();
        AccessChecker checker = new AccessChecker();
        for (AccessAssertion a : profile.access().values()) {
            try {
                ctx.assertion(new Plan.AssertionResult(a.name(), checker.check(AccessQueries.of(a), facts)));
            } catch (IllegalArgumentException e) {
                ctx.error(Address.of(Address.Kind.ACCESS, a.name()), String.valueOf(e.getMessage()));
            }
        }
    }

    AccessFacts facts() {
        Map<String, BucketFacts> buckets = new LinkedHashMap<>();
        profile.buckets().values().forEach(b -> buckets.put(b.name(), bucket(b)));
        Map<String, Fact<List<AttachedPolicy>>> users = new LinkedHashMap<>();
        profile.ram().users().values().forEach(u -> users.put(u.name(), attached(u.policies())));
        Map<String, Fact<List<AttachedPolicy>>> roles = new LinkedHashMap<>();
        profile.ram().roles().values().forEach(r -> roles.put(r.name(), attached(r.policies())));
        Map<String, EdgeFacts> domains = new LinkedHashMap<>();
        profile.cdn().domains().values().forEach(d -> domains.put(d.name(), edge(d)));
        Fact<String> account = options.accountId()
                .map(Fact::known)
                .orElseGet(() -> Fact.unknown("the account id is not known (GetCallerIdentity could not be read)"));
        Fact<Boolean> accountBlock = options.accountBlockPublicAccess()
                .map(Fact::known)
                .orElseGet(() -> Fact.unknown(
                        "account-level Block Public Access is not managed by ossops and could not be read"));
        return new AccessFacts(
                account,
                accountBlock,
                buckets,
                users,
                roles,
                Map.of(),
                domains,
                AccessFacts.ObjectAcls.notManaged(),
                NOT_IN_PROFILE);
    }

    private static BucketFacts bucket(Bucket b) {
        String unmanaged = " of bucket " + b.name() + " is not managed by this profile";
        Fact<Optional<PolicyDocument>> policy = switch (b.policy().state()) {
            case UNMANAGED -> Fact.unknown("the policy" + unmanaged);
            case ABSENT -> Fact.known(Optional.empty());
            case PRESENT ->
                parse(Policies.json(b.policy().get()), PolicyType.BUCKET)
                        .<Fact<Optional<PolicyDocument>>>map(d -> Fact.known(Optional.of(d)))
                        .orElseGet(
                                () -> Fact.unknown("the policy of bucket " + b.name() + " cannot be read as a policy"));
        };
        return new BucketFacts(
                b.name(),
                known(b.acl(), "private", "the ACL" + unmanaged),
                policy,
                known(b.blockPublicAccess(), false, "Block Public Access" + unmanaged));
    }

    /** A managed value; absent means the service default. */
    private static <T> Fact<T> known(Managed<T> value, T absent, String unmanaged) {
        return switch (value.state()) {
            case UNMANAGED -> Fact.unknown(unmanaged);
            case ABSENT -> Fact.known(absent);
            case PRESENT -> Fact.known(value.get());
        };
    }

    private Fact<List<AttachedPolicy>> attached(List<String> names) {
        List<AttachedPolicy> out = new ArrayList<>();
        for (String name : names) {
            Optional<String> json = document(name);
            if (json.isEmpty()) {
                return Fact.unknown("policy " + name
                        + " is neither in this profile nor a system policy whose document ossops knows");
            }
            Optional<PolicyDocument> doc = parse(json.get(), PolicyType.IDENTITY);
            if (doc.isEmpty()) {
                return Fact.unknown("policy " + name + " cannot be read as a policy");
            }
            out.add(new AttachedPolicy(name, doc.get()));
        }
        return Fact.known(out);
    }

    private Optional<String> document(String name) {
        Ram.Policy custom = profile.ram().policies().get(name);
        if (custom != null) {
            return custom.document()
                    .map(Policies::json)
                    .or(() -> Optional.ofNullable(options.generatedPolicies().get(name)));
        }
        return SystemPolicyDocuments.document(name);
    }

    private static Optional<PolicyDocument> parse(String json, PolicyType type) {
        try {
            return Optional.of(PolicyParser.parse(json, type));
        } catch (PolicyParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A domain of the profile serves once applied. Its Referer and URL-authentication settings are not managed by
     * ossops, so they are unknown here; audit reads them live.
     */
    private static EdgeFacts edge(Cdn.Domain d) {
        Optional<String> bucket =
                d.origin() instanceof Cdn.Origin.OssBucket o ? Optional.of(o.bucket()) : Optional.empty();
        return new EdgeFacts(
                d.name(),
                Fact.known(true),
                Fact.known(bucket),
                Fact.known(d.privateOssAuth()),
                Fact.unknown("is not managed by ossops"),
                Fact.unknown("URL authentication of CDN domain " + d.name() + " is not managed by ossops"));
    }
}
