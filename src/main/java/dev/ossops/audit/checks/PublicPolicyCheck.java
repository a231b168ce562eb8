package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.BucketState;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Evidence;
import dev.ossops.audit.Observed;
import dev.ossops.audit.ProfileChange;
import dev.ossops.audit.Severity;
import dev.ossops.policy.AccessLevel;
import dev.ossops.policy.AnonymousAccess;
import dev.ossops.policy.PolicyDocument;
import dev.ossops.policy.PolicyType;
import dev.ossops.policy.StatementRef;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A bucket policy that grants anonymous callers actions of the given access levels, as the policy evaluator's
 * audit question answers it: Deny statements and conditions pinning the source VPC, IP or AccessKey make a grant
 * non-public; HTTPS, referer or time conditions do not.
 */
abstract class PublicPolicyCheck extends BucketCheck {
    private final Set<AccessLevel> levels;
    private final String verb;

    PublicPolicyCheck(CheckRule rule, Set<AccessLevel> levels, String verb) {
        super(rule);
        this.levels = levels;
        this.verb = verb;
    }

    @Override
    void evaluate(BucketState bucket, AuditSnapshot snapshot, Results results) {
        Observed<AnonymousAccess> observed = Exposure.anonymousAccess(bucket);
        if (results.unreadable(bucket.arn(), "the bucket policy", observed)) {
            return;
        }
        Optional<AnonymousAccess> access = observed.value();
        if (access.isEmpty() || !Exposure.grantsAny(access.get(), levels)) {
            return;
        }
        Exposure.Block block = Exposure.block(bucket, snapshot);
        if (block.blocked()) {
            return;
        }
        if (block.unknown()) {
            results.unknown(
                    bucket.arn(),
                    "the bucket policy lets anonymous callers " + verb + ", but "
                            + block.unknownReason().orElseThrow());
            return;
        }
        List<String> actions = access.get().actions().entrySet().stream()
                .filter(e -> levels.contains(e.getKey()))
                .flatMap(e -> e.getValue().stream())
                .sorted()
                .toList();
        // AnonymousAccess names every granting statement; keep those granting this check's actions.
        PolicyDocument document = Exposure.parse(bucket.policy().value().orElseThrow(), PolicyType.BUCKET)
                .value()
                .orElseThrow();
        String statements = access.get().statements().stream()
                .filter(ref -> actions.stream()
                        .anyMatch(a ->
                                document.statements().get(ref.index()).actions().matches(a, true)))
                .map(StatementRef::describe)
                .collect(Collectors.joining(", "));
        String property = bucketProperty(bucket.name(), "policy");
        results.finding(
                bucket.arn(),
                bucketPath(bucket.name()),
                "the bucket policy of " + bucket.name() + " lets anonymous callers " + verb + " (" + statements + ")",
                new Evidence(property, "anonymous " + String.join(", ", actions), "no anonymous " + verb + " access"),
                "remove Principal \"*\" from the granting statements of " + property + " or pin them with an "
                        + "acs:SourceVpc condition; or set " + bucketProperty(bucket.name(), "blockPublicAccess")
                        + ": true; then run ossops plan",
                new ProfileChange.SetValue(List.of("buckets", bucket.name(), "blockPublicAccess"), true));
    }

    static final class Write extends PublicPolicyCheck {
        static final CheckRule RULE = new CheckRule(
                "OSS-BUCKET-POLICY-PUBLIC-WRITE",
                Severity.CRITICAL,
                "Bucket policy lets anonymous callers write",
                "A bucket policy statement with Principal \"*\" that allows writing (PutObject, DeleteObject, ACL or "
                        + "configuration changes) lets anyone on the internet change the bucket. Conditions on HTTPS or "
                        + "the referer do not restrict who can meet them; acs:SourceVpc, acs:SourceIp or acs:AccessId "
                        + "conditions do.",
                Optional.of("5.1"),
                Optional.of("oss-bucket-policy-no-any-anonymous"));

        Write() {
            super(RULE, Exposure.WRITE_LEVELS, "write");
        }
    }

    static final class Read extends PublicPolicyCheck {
        static final CheckRule RULE = new CheckRule(
                "OSS-BUCKET-POLICY-PUBLIC-READ",
                Severity.HIGH,
                "Bucket policy lets anonymous callers read or list",
                "A bucket policy statement with Principal \"*\" that allows reading or listing lets anyone on the "
                        + "internet download or enumerate objects. Conditions on HTTPS or the referer do not restrict "
                        + "who can meet them; acs:SourceVpc, acs:SourceIp or acs:AccessId conditions do.",
                Optional.of("5.1"),
                Optional.of("oss-bucket-policy-no-any-anonymous"));

        Read() {
            super(RULE, Exposure.READ_LEVELS, "read or list");
        }
    }
}
