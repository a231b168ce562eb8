package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.BucketState;
import dev.ossops.audit.CheckRule;
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
    static final String DOCUMENT = wholeBucketLifecycleRule(
            "noncurrent-version-expiration", "\"NoncurrentVersionExpiration\": {\"NoncurrentDays\": 90}");

    NoncurrentExpirationCheck() {
        super(RULE);
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
        fixedByLifecycleDocument(
                results,
                bucket,
                "bucket " + bucket.name() + " keeps noncurrent versions forever",
                "no NoncurrentVersionExpiration rule",
                "an enabled rule with NoncurrentVersionExpiration",
                FILE,
                DOCUMENT);
    }
}
