package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.BucketState;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Evidence;
import dev.ossops.audit.ProfileChange;
import dev.ossops.audit.Severity;
import dev.ossops.spec.model.LifecycleRule;

import java.util.List;
import java.util.Optional;

/** Versioning Enabled but no lifecycle rule expires noncurrent versions: every overwrite is kept and billed forever. */
final class NoncurrentExpirationCheck extends BucketCheck {
    static final CheckRule RULE = new CheckRule(
            "OSS-BUCKET-VERSIONING-NO-NONCURRENT-EXPIRATION",
            Severity.LOW,
            "Noncurrent versions never expire",
            "With versioning enabled, every overwrite and delete keeps the previous version, billed as storage until "
                    + "deleted. A lifecycle rule with NoncurrentVersionExpiration bounds that cost.",
            Optional.empty(),
            Optional.empty());

    static final String FILE = "lifecycle/noncurrent-version-expiration.json";
    static final String DOCUMENT = """
            {
              "Rules": [
                {
                  "ID": "noncurrent-version-expiration",
                  "Prefix": "",
                  "Status": "Enabled",
                  "NoncurrentVersionExpiration": {"NoncurrentDays": 90}
                }
              ]
            }
            """;

    @Override
    public CheckRule rule() {
        return RULE;
    }

    @Override
    void evaluate(BucketState bucket, AuditSnapshot snapshot, Results results) {
        if (!bucket.versioning().value().map("Enabled"::equals).orElse(false)) {
            return; // OSS-BUCKET-VERSIONING-DISABLED covers the other states, and reports unreadable versioning.
        }
        if (results.unreadable(bucket.arn(), "the lifecycle configuration", bucket.lifecycle())) {
            return;
        }
        List<LifecycleRule> rules = bucket.lifecycle().value().orElse(List.of());
        if (rules.stream()
                .anyMatch(r -> r.enabled() && r.noncurrentExpirationDays().isPresent())) {
            return;
        }
        String property = bucketProperty(bucket.name(), "lifecycle");
        results.finding(
                bucket.arn(),
                bucketPath(bucket.name()),
                "bucket " + bucket.name() + " keeps noncurrent versions forever",
                new Evidence(
                        property,
                        "no NoncurrentVersionExpiration rule",
                        "an enabled rule with NoncurrentVersionExpiration"),
                "add " + FILE + " to " + property + " in the profile, then run ossops plan",
                new ProfileChange.Document(List.of("buckets", bucket.name(), "lifecycle"), true, FILE, DOCUMENT));
    }
}
