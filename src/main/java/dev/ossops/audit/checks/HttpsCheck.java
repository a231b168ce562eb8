package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.BucketState;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Evidence;
import dev.ossops.audit.Observed;
import dev.ossops.audit.ProfileChange;
import dev.ossops.audit.Severity;
import dev.ossops.policy.AttachedPolicy;
import dev.ossops.policy.Caller;
import dev.ossops.policy.Decision;
import dev.ossops.policy.PolicyDocument;
import dev.ossops.policy.PolicyEvaluator;
import dev.ossops.policy.PolicySet;
import dev.ossops.policy.PolicyType;
import dev.ossops.policy.RequestContext;

import java.util.List;
import java.util.Optional;

/**
 * No bucket policy enforcing HTTPS. Decided by the policy evaluator, not by pattern-matching the JSON: plain-HTTP
 * reads and writes of an object, by an anonymous caller and by a RAM user of the owning account, must all be
 * explicitly denied (OSS "Configure bucket policies to access OSS resources only over HTTPS": a Deny for everyone
 * with {@code Bool acs:SecureTransport false}).
 */
final class HttpsCheck extends BucketCheck {
    static final CheckRule RULE = new CheckRule(
            "OSS-BUCKET-HTTPS-NOT-ENFORCED",
            Severity.MEDIUM,
            "Plain HTTP is not denied",
            "Requests over plain HTTP expose data, signatures and presigned URLs to anyone on the path. A bucket "
                    + "policy that denies every principal when acs:SecureTransport is false makes OSS refuse them.",
            Optional.of("5.4"),
            Optional.of("oss-bucket-only-https-enabled"));

    /** An object key no policy is expected to name, so only whole-bucket denies count. */
    private static final String PROBE_KEY = "ossops-audit-probe";

    private static final List<String> ACTIONS = List.of("oss:GetObject", "oss:PutObject");

    HttpsCheck() {
        super(RULE);
    }

    @Override
    void evaluate(BucketState bucket, AuditSnapshot snapshot, Results results) {
        if (results.unreadable(bucket.arn(), "the bucket policy", bucket.policy())) {
            return;
        }
        String property = bucketProperty(bucket.name(), "policy");
        Optional<String> json = bucket.policy().value();
        if (json.isEmpty()) {
            String file = "policies/" + bucket.name() + "-https-only.json";
            results.finding(
                    bucket.arn(),
                    bucketPath(bucket.name()),
                    "bucket " + bucket.name() + " has no bucket policy, so plain HTTP requests are accepted",
                    new Evidence(property, "none", "Deny * when acs:SecureTransport is false"),
                    "set " + property + ": " + file + " (a Deny of oss:* for everyone over HTTP) in the profile, then "
                            + "run ossops plan",
                    new ProfileChange.Document(
                            List.of("buckets", bucket.name(), "policy"), false, file, httpsOnlyPolicy(bucket.name())));
            return;
        }
        Observed<PolicyDocument> policy = Exposure.parse(json.get(), PolicyType.BUCKET);
        if (results.unreadable(bucket.arn(), "the bucket policy", policy)) {
            return;
        }
        Optional<String> gap =
                firstGap(bucket.name(), snapshot.accountId(), policy.value().orElseThrow());
        gap.ifPresent(g -> results.finding(
                bucket.arn(),
                bucketPath(bucket.name()),
                "the bucket policy of " + bucket.name() + " does not deny plain HTTP: " + g,
                new Evidence(property, g, "Deny * when acs:SecureTransport is false"),
                "add a statement {Effect: Deny, Principal: [\"*\"], Action: [\"oss:*\"], Resource: [\"acs:oss:*:*:"
                        + bucket.name() + "\", \"acs:oss:*:*:" + bucket.name() + "/*\"], Condition: {Bool: "
                        + "{acs:SecureTransport: [\"false\"]}}} to the document of " + property
                        + ", then run ossops plan"));
    }

    /** The first plain-HTTP request the policy does not explicitly deny, described; empty when all are denied. */
    private static Optional<String> firstGap(String bucket, String account, PolicyDocument document) {
        PolicySet policies = PolicySet.empty().withBucket(new AttachedPolicy("bucket policy of " + bucket, document));
        String resource = RequestContext.ossResource(account, bucket, PROBE_KEY);
        List<Caller> callers = List.of(new Caller.Anonymous(), new Caller.RamUser(account, "0", PROBE_KEY));
        for (Caller caller : callers) {
            for (String action : ACTIONS) {
                RequestContext request =
                        RequestContext.of(action, resource, caller).with("acs:SecureTransport", "false");
                Decision decision = PolicyEvaluator.evaluate(policies, request);
                if (decision.outcome() != Decision.Outcome.EXPLICIT_DENY) {
                    String who = caller instanceof Caller.Anonymous ? "anonymous callers" : "RAM users of the account";
                    return Optional.of(action + " over HTTP by " + who + " is not denied");
                }
            }
        }
        return Optional.empty();
    }

    static String httpsOnlyPolicy(String bucket) {
        return """
                {
                  "Version": "1",
                  "Statement": [
                    {
                      "Effect": "Deny",
                      "Principal": ["*"],
                      "Action": ["oss:*"],
                      "Resource": ["acs:oss:*:*:%1$s", "acs:oss:*:*:%1$s/*"],
                      "Condition": {
                        "Bool": {"acs:SecureTransport": ["false"]}
                      }
                    }
                  ]
                }
                """.formatted(bucket);
    }
}
