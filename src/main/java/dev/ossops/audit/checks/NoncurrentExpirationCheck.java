package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.BucketState;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Severity;
import dev.ossops.spec.model.LifecycleRule;

import java.util.List;
import java.util.Optional;

/** Versioning Enabled but no lifecycle rule expires noncurrent versions: every overwrite is kept and billed forever. */
final class NoncurrentExpirationCheck extends LifecycleDocumentCheck {
    static final CheckRule RULE = new CheckRule(
            "OSS-BUCKET-VERSIONING-NO-NONCURRENT-EXPIRATION",
            Severity.LOW,
            "Noncurrent versions never expire",
            "With versioning enabled, every overwrite and delete keeps the previous version, billed as storage until "
                    + "deleted. A lifecycle rule with NoncurrentVersionExpiration bounds that cost.",
            Optional.empty(),
            Optional.empty());

    NoncurrentExpirationCheck() {
        super(
                RULE,
                "lifecycle/noncurrent-version-expiration.json",
                "noncurrent-version-expiration",
                "\"NoncurrentVersionExpiration\": {\"NoncurrentDays\": 90}");
    }

    @Override
    void evaluate(BucketState bucket, AuditSnapshot snapshot, Results results) {
        if (!bucket.versioning().value().map("Enabled"::equals).orElse(false)) {
            return; // OSS-BUCKET-VERSIONING-DISABLED covers the other states, and reports unreadable versioning.
        }
        super.evaluate(bucket, snapshot, results);
    }

    @Override
    Optional<Missing> missing(BucketState bucket, List<LifecycleRule> rules) {
        if (rules.stream()
                .anyMatch(r -> r.enabled() && r.noncurrentExpirationDays().isPresent())) {
            return Optional.empty();
        }
        return Optional.of(new Missing(
                "bucket " + bucket.name() + " keeps noncurrent versions forever",
                "no NoncurrentVersionExpiration rule",
                "an enabled rule with NoncurrentVersionExpiration"));
    }
}
