package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.BucketState;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Evidence;
import dev.ossops.audit.Severity;
import dev.ossops.policy.AnonymousAccess;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Public grants that Block Public Access neutralises: nothing is exposed today, but switching it off would expose
 * them. Reported for information, never a failure.
 */
final class PublicAccessBlockedCheck extends BucketCheck {
    static final CheckRule RULE = new CheckRule(
            "OSS-BUCKET-PUBLIC-ACCESS-BLOCKED",
            Severity.INFO,
            "Public grants neutralised by Block Public Access",
            "Block Public Access on the bucket or the account makes OSS ignore public ACLs and bucket-policy grants to "
                    + "anonymous callers, so the bucket is not public. The grants stay dormant: remove them so that "
                    + "turning Block Public Access off exposes nothing.",
            Optional.of("5.1"),
            Optional.empty());

    PublicAccessBlockedCheck() {
        super(RULE);
    }

    @Override
    void evaluate(BucketState bucket, AuditSnapshot snapshot, Results results) {
        Exposure.Block block = Exposure.block(bucket, snapshot);
        if (!block.blocked()) {
            return;
        }
        List<String> grants = new ArrayList<>();
        bucket.acl().value().filter(Exposure::publicAcl).ifPresent(acl -> grants.add("ACL " + acl));
        Exposure.anonymousAccess(bucket)
                .value()
                .filter(AnonymousAccess::isPublic)
                .ifPresent(access -> grants.add("bucket policy grants to anonymous callers ("
                        + String.join(
                                ", ",
                                access.actions().values().stream()
                                        .flatMap(List::stream)
                                        .sorted()
                                        .toList())
                        + ")"));
        bucket.objectAcls().value().ifPresent(sample -> {
            long publicObjects =
                    sample.acls().values().stream().filter(Exposure::publicAcl).count();
            if (publicObjects > 0) {
                grants.add(publicObjects + " public object ACL" + (publicObjects == 1 ? "" : "s") + " in the sample");
            }
        });
        if (grants.isEmpty()) {
            return;
        }
        String by = block.blockedBy().orElseThrow();
        String property = by.equals("bucket")
                ? bucketProperty(bucket.name(), "blockPublicAccess")
                : "account Block Public Access";
        results.finding(
                bucket.arn(),
                bucketPath(bucket.name()),
                "bucket " + bucket.name() + ": " + String.join("; ", grants) + " neutralised by Block Public Access on "
                        + "the " + by,
                new Evidence(property, "true", "true"),
                "nothing to do while Block Public Access stays on; remove the dormant grants (for example "
                        + bucketProperty(bucket.name(), "acl") + ": private) so that switching it off exposes nothing");
    }
}
