package dev.ossops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ossops.policy.AttachedPolicy;
import dev.ossops.policy.Decision;
import dev.ossops.policy.PolicyEvaluator;
import dev.ossops.policy.PolicyParser;
import dev.ossops.policy.PolicySet;
import dev.ossops.policy.PolicyType;
import dev.ossops.policy.RequestContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a bucket policy explicitly denies the caller ossops runs as, over the transport it uses, what it needs to
 * manage the bucket: reading and changing the policy itself above all, since a policy that denies those cannot be
 * undone with the same connection. An explicit Deny in a bucket policy applies to every principal it names, the
 * account included (OSS "Bucket Policy"; RAM "policy evaluation": an explicit Deny wins over every Allow).
 */
final class SelfLockout {
    /** Bucket-level calls plan and apply make; the policy calls first, as they are the way back. */
    private static final List<String> BUCKET_ACTIONS = List.of(
            "oss:GetBucketPolicy",
            "oss:PutBucketPolicy",
            "oss:DeleteBucketPolicy",
            "oss:GetBucketAcl",
            "oss:PutBucketAcl",
            "oss:GetBucketInfo",
            "oss:ListObjects");
    /** Object calls the uploader and the apply lock make. */
    private static final List<String> OBJECT_ACTIONS = List.of("oss:GetObject", "oss:PutObject");
    /** Any key stands for every object; a Deny scoped to a prefix is only a partial lockout and not flagged. */
    private static final String PROBE_KEY = "ossops-self-lockout-probe";

    private SelfLockout() {}

    /** The danger of putting {@code policy} (JSON) on {@code bucket}, owned by the caller's account; empty when none. */
    static Optional<Danger> assess(String bucket, JsonNode policy, Connection connection) {
        if (policy.isNull() || policy.isMissingNode()) {
            return Optional.empty();
        }
        String account = connection.caller().accountId().orElse("*");
        PolicySet policies = PolicySet.empty()
                .withBucket(new AttachedPolicy(
                        "the new bucket policy of " + bucket,
                        PolicyParser.parse(policy.toString(), PolicyType.BUCKET)));
        List<String> denied = new ArrayList<>();
        for (String action : BUCKET_ACTIONS) {
            deny(policies, action, RequestContext.ossResource(account, bucket, null), connection)
                    .ifPresent(denied::add);
        }
        for (String action : OBJECT_ACTIONS) {
            deny(policies, action, RequestContext.ossResource(account, bucket, PROBE_KEY), connection)
                    .ifPresent(denied::add);
        }
        if (denied.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Danger(
                DangerRule.SELF_LOCKOUT,
                "the policy denies " + connection.caller().describe() + ", as whom "
                        + "ossops connects over " + (connection.secureTransport() ? "HTTPS" : "HTTP") + ", "
                        + String.join(", ", denied)
                        + ": once applied, ossops (and the owner over this connection) could not change or remove it"));
    }

    private static Optional<String> deny(PolicySet policies, String action, String resource, Connection connection) {
        RequestContext request = RequestContext.of(action, resource, connection.caller())
                .with("acs:SecureTransport", String.valueOf(connection.secureTransport()));
        Decision decision = PolicyEvaluator.evaluate(policies, request);
        return decision.outcome() == Decision.Outcome.EXPLICIT_DENY ? Optional.of(action) : Optional.empty();
    }
}
