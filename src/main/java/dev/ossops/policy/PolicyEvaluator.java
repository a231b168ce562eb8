package dev.ossops.policy;

import dev.ossops.policy.Decision.Outcome;
import dev.ossops.policy.StatementMatcher.PrincipalMatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides a request the way RAM and OSS document it (RAM "How RAM evaluates policies", OSS
 * "Bucket Policy"):
 * <ul>
 *   <li>an explicit Deny in any policy that applies wins;</li>
 *   <li>in the resource's own account, an Allow in the caller's identity policies or in the
 *       bucket policy grants; the account itself (root) owns its resources;</li>
 *   <li>across accounts, the bucket policy must allow and so must the caller's identity policies
 *       (RAM users and roles) - the docs are silent, we take AWS's documented rule;</li>
 *   <li>a role session with a session policy gets at most what the session policy allows: the
 *       session policy must allow too, whatever granted it (role policy or bucket policy). The
 *       docs speak of the intersection with the role's policies only; limiting bucket-policy
 *       grants as well is our choice, so a scoped STS token never exceeds its session policy;</li>
 *   <li>anonymous callers are granted only by bucket policy statements with Principal "*";</li>
 *   <li>a Principal "*" statement without Condition does not apply to the bucket owner's account
 *       (OSS "Bucket Policy": it applies to users other than the owner); with a Condition it does.</li>
 * </ul>
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {}

    /** The decision for {@code request} under {@code policies}. */
    public static Decision evaluate(PolicySet policies, RequestContext request) {
        Caller caller = request.caller();
        boolean hasIdentity = caller instanceof Caller.RamUser || caller instanceof Caller.RoleSession;
        List<AttachedPolicy> identity = hasIdentity ? policies.identity() : List.of();
        Optional<AttachedPolicy> session = caller instanceof Caller.RoleSession ? policies.session() : Optional.empty();
        Optional<String> owner = Arns.account(request.resource());

        List<Hit> identityHits = hits(identity, request, owner);
        List<Hit> sessionHits = hits(session.stream().toList(), request, owner);
        List<Hit> bucketHits = hits(policies.bucket().stream().toList(), request, owner);

        // The first Deny of each policy that has one: which kinds of policy denied is part of OSS's answer.
        List<StatementRef> denies = new ArrayList<>();
        for (List<Hit> hits : List.of(identityHits, sessionHits, bucketHits)) {
            hits.stream().filter(h -> h.effect() == Effect.DENY).findFirst().ifPresent(h -> denies.add(h.ref()));
        }
        if (!denies.isEmpty()) {
            return new Decision(
                    Outcome.EXPLICIT_DENY,
                    denies,
                    "explicitly denied by " + denies.get(0).describe());
        }
        Optional<StatementRef> byIdentity = firstAllow(identityHits);
        Optional<StatementRef> bySession = firstAllow(sessionHits);
        Optional<StatementRef> byBucket = firstAllow(bucketHits);
        boolean sameAccount = owner.isEmpty() || owner.equals(caller.accountId());
        String what = request.action() + " on " + request.resource();

        if (caller instanceof Caller.Account account && sameAccount) {
            return new Decision(
                    Outcome.ALLOW, List.of(), "allowed: account " + account.id() + " owns " + request.resource());
        }
        if (!hasIdentity) {
            return byBucket.map(ref -> allow(List.of(ref)))
                    .orElseGet(() ->
                            implicit("no bucket policy statement allows " + what + " for the " + caller.describe()));
        }
        Optional<StatementRef> grant;
        if (sameAccount) {
            grant = byIdentity.or(() -> byBucket);
        } else if (byIdentity.isPresent() && byBucket.isPresent()) {
            grant = byBucket;
        } else {
            return byIdentity
                    .or(() -> byBucket)
                    .map(only -> implicit("cross-account access needs both the bucket policy and the caller's"
                            + " identity policies to allow " + what + "; only " + only.describe() + " does"))
                    .orElseGet(() -> nothingAllows(what, caller));
        }
        if (session.isEmpty()) {
            return grant.map(ref -> allow(List.of(ref))).orElseGet(() -> nothingAllows(what, caller));
        }
        if (grant.isPresent() && bySession.isPresent()) {
            return allow(List.of(grant.get(), bySession.get()));
        }
        if (grant.isPresent()) {
            return implicit("the session policy \"" + session.get().name() + "\" does not allow " + what);
        }
        return bySession
                .map(s -> implicit(s.describe() + " allows " + what
                        + ", but neither the role's policies nor the bucket policy do"))
                .orElseGet(() -> nothingAllows(what, caller));
    }

    /**
     * The caller's side only: whether its identity policies (and a role session's policy) allow the
     * request, wherever the resource lives. For actions whose resource side another policy decides
     * (sts:AssumeRole, where the role's trust policy speaks for the role's account, also across
     * accounts), so the resource-owner rules of {@link #evaluate} do not apply.
     */
    public static Decision evaluateIdentity(PolicySet policies, RequestContext request) {
        Caller caller = request.caller();
        if (!(caller instanceof Caller.RamUser) && !(caller instanceof Caller.RoleSession)) {
            throw new IllegalArgumentException(
                    "only RAM users and role sessions have identity policies, not the " + caller.describe());
        }
        List<Hit> identityHits = hits(policies.identity(), request, Optional.empty());
        List<Hit> sessionHits = caller instanceof Caller.RoleSession
                ? hits(policies.session().stream().toList(), request, Optional.empty())
                : List.of();
        for (List<Hit> hits : List.of(identityHits, sessionHits)) {
            Optional<Hit> deny =
                    hits.stream().filter(h -> h.effect() == Effect.DENY).findFirst();
            if (deny.isPresent()) {
                return new Decision(
                        Outcome.EXPLICIT_DENY,
                        List.of(deny.get().ref()),
                        "explicitly denied by " + deny.get().ref().describe());
            }
        }
        String what = request.action() + " on " + request.resource();
        Optional<StatementRef> byIdentity = firstAllow(identityHits);
        if (byIdentity.isEmpty()) {
            return nothingAllows(what, caller);
        }
        if (caller instanceof Caller.RoleSession && policies.session().isPresent()) {
            return firstAllow(sessionHits)
                    .map(s -> allow(List.of(byIdentity.get(), s)))
                    .orElseGet(() -> implicit(
                            "the session policy \"" + policies.session().get().name() + "\" does not allow " + what));
        }
        return allow(List.of(byIdentity.get()));
    }

    /**
     * Whether {@code request.caller()} may assume a role with this trust policy (the trust side
     * only: a RAM user also needs sts:AssumeRole in its own policies).
     */
    public static Decision evaluateTrust(AttachedPolicy trust, RequestContext request) {
        if (trust.type() != PolicyType.TRUST) {
            throw new IllegalArgumentException("policy " + trust.name() + " is not a trust policy");
        }
        List<Hit> hits = hits(List.of(trust), request, Optional.empty());
        Optional<Hit> deny =
                hits.stream().filter(h -> h.effect() == Effect.DENY).findFirst();
        if (deny.isPresent()) {
            return new Decision(
                    Outcome.EXPLICIT_DENY,
                    List.of(deny.get().ref()),
                    "explicitly denied by " + deny.get().ref().describe());
        }
        return firstAllow(hits)
                .map(ref -> allow(List.of(ref)))
                .orElseGet(() -> implicit("trust policy \"" + trust.name() + "\" does not trust the "
                        + request.caller().describe() + " for " + request.action()));
    }

    private record Hit(Effect effect, StatementRef ref) {}

    private static List<Hit> hits(List<AttachedPolicy> policies, RequestContext request, Optional<String> owner) {
        List<Hit> hits = new ArrayList<>();
        for (AttachedPolicy policy : policies) {
            List<Statement> statements = policy.document().statements();
            for (int i = 0; i < statements.size(); i++) {
                Statement s = statements.get(i);
                if (applies(s, policy.type(), request, owner)) {
                    hits.add(new Hit(s.effect(), new StatementRef(policy.type(), policy.name(), i)));
                }
            }
        }
        return hits;
    }

    private static boolean applies(Statement s, PolicyType type, RequestContext request, Optional<String> owner) {
        if (!StatementMatcher.actionMatches(s, request.action())
                || !StatementMatcher.resourceMatches(s, request.resource())) {
            return false;
        }
        if (type == PolicyType.BUCKET || type == PolicyType.TRUST) {
            PrincipalMatch match = StatementMatcher.principalMatch(s, request.caller(), type);
            if (match == PrincipalMatch.NONE) {
                return false;
            }
            boolean isOwner = request.caller() instanceof Caller.Account a
                    && owner.map(a.id()::equals).orElse(false);
            if (match == PrincipalMatch.EVERYONE && s.conditions().isEmpty() && isOwner) {
                return false;
            }
        }
        return StatementMatcher.conditionsHold(s, request);
    }

    private static Optional<StatementRef> firstAllow(List<Hit> hits) {
        return hits.stream()
                .filter(h -> h.effect() == Effect.ALLOW)
                .map(Hit::ref)
                .findFirst();
    }

    private static Decision allow(List<StatementRef> refs) {
        String by = refs.get(0).describe()
                + (refs.size() > 1 ? " within " + refs.get(1).describe() : "");
        return new Decision(Outcome.ALLOW, refs, "allowed by " + by);
    }

    private static Decision implicit(String why) {
        return new Decision(Outcome.IMPLICIT_DENY, List.of(), "implicitly denied: " + why);
    }

    private static Decision nothingAllows(String what, Caller caller) {
        return implicit("no statement allows " + what + " for the " + caller.describe());
    }
}
