package dev.ossops.policy.access;

import dev.ossops.policy.AclPermission;
import dev.ossops.policy.AttachedPolicy;
import dev.ossops.policy.Caller;
import dev.ossops.policy.Decision;
import dev.ossops.policy.OssAction;
import dev.ossops.policy.PolicyAudit;
import dev.ossops.policy.PolicyDocument;
import dev.ossops.policy.PolicyEvaluator;
import dev.ossops.policy.PolicySet;
import dev.ossops.policy.PolicyType;
import dev.ossops.policy.RequestContext;
import dev.ossops.policy.StatementRef;

import java.util.List;
import java.util.Optional;

/**
 * One OSS request in one fully known world, decided the way OSS documents it ("How OSS authorizes a request",
 * "Bucket Policy", "Block Public Access"):
 * <ol>
 *   <li>the policies (the caller's identity policies, a role session's policy, the bucket policy) through
 *       {@link PolicyEvaluator}: an explicit Deny refuses;</li>
 *   <li>an Allow grants, unless Block Public Access is on and the Allow came from a public statement of the
 *       bucket policy (one {@link PolicyAudit#anonymousAccess} counts), which it ignores;</li>
 *   <li>otherwise the canned ACL in force (the object's own, or the bucket's when the object's is
 *       {@code default}) grants what {@link AclPermission} says, unless Block Public Access is on.</li>
 * </ol>
 * Block Public Access is in force when the bucket's or the owning account's setting is on. This is written
 * apart from the emulator's authorization on purpose: the randomized comparison of the two is what shows
 * either is right.
 */
public final class Authorization {
    private Authorization() {}

    /** The outcome: allowed or not, whether by an explicit Deny, the statements that decided, and why, for people. */
    public record Outcome(boolean allowed, boolean explicitDeny, List<StatementRef> statements, String reason) {
        public Outcome {
            statements = List.copyOf(statements);
        }
    }

    /** Everything one request is decided on. {@code key} empty for bucket-level actions; {@code objectAcl} the object's own ACL. */
    public record Request(
            Caller caller,
            List<AttachedPolicy> identity,
            Optional<AttachedPolicy> session,
            Optional<PolicyDocument> bucketPolicy,
            String owner,
            String bucket,
            Optional<String> key,
            OssAction action,
            java.util.Map<String, List<String>> conditionKeys,
            String bucketAcl,
            Optional<String> objectAcl,
            boolean blockPublicAccess) {
        public Request {
            identity = List.copyOf(identity);
            conditionKeys = java.util.Map.copyOf(conditionKeys);
        }
    }

    public static Outcome decide(Request r) {
        PolicySet policies =
                new PolicySet(r.identity(), r.session(), r.bucketPolicy().map(p -> new AttachedPolicy(r.bucket(), p)));
        RequestContext context = new RequestContext(
                r.action().action(),
                RequestContext.ossResource(r.owner(), r.bucket(), r.key().orElse(null)),
                r.caller(),
                r.conditionKeys());
        Decision decision = PolicyEvaluator.evaluate(policies, context);
        if (decision.outcome() == Decision.Outcome.EXPLICIT_DENY) {
            return new Outcome(false, true, decision.statements(), decision.explanation());
        }
        boolean ignoredPublicGrant = decision.allowed()
                && r.blockPublicAccess()
                && r.bucketPolicy().isPresent()
                && grantedPublicly(decision, r.bucketPolicy().get(), r.bucket());
        if (decision.allowed() && !ignoredPublicGrant) {
            return new Outcome(true, false, decision.statements(), decision.explanation());
        }
        String acl = AclPermission.effective(r.bucketAcl(), r.objectAcl());
        boolean ownAcl =
                r.objectAcl().filter(a -> !AclPermission.DEFAULT.equals(a)).isPresent();
        AclPermission needed = AclPermission.of(r.action());
        if (needed.grantedBy(acl)) {
            String which = (ownAcl ? "the object ACL " : "the bucket ACL ") + acl;
            if (!r.blockPublicAccess()) {
                return new Outcome(true, false, List.of(), "allowed by " + which);
            }
        }
        String why = ignoredPublicGrant
                ? "Block Public Access ignores the public grant of "
                        + decision.statements().get(0).describe()
                : decision.explanation();
        return new Outcome(false, false, ignoredPublicGrant ? decision.statements() : List.of(), why);
    }

    private static boolean grantedPublicly(Decision decision, PolicyDocument policy, String bucket) {
        List<Integer> publicStatements = PolicyAudit.anonymousAccess(policy, bucket).statements().stream()
                .map(StatementRef::index)
                .toList();
        return decision.statements().stream()
                .anyMatch(ref -> ref.type() == PolicyType.BUCKET && publicStatements.contains(ref.index()));
    }
}
