package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.BucketState;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Severity;

import java.util.Optional;

/** Versioning not Enabled: overwritten and deleted objects cannot be recovered. */
final class VersioningCheck extends BucketCheck {
    static final CheckRule RULE = new CheckRule(
            "OSS-BUCKET-VERSIONING-DISABLED",
            Severity.MEDIUM,
            "Versioning is not enabled",
            "Without versioning, an overwrite or delete (by mistake, by a bug or by an attacker) destroys the "
                    + "previous data. Enable versioning and expire noncurrent versions with a lifecycle rule.",
            Optional.empty(),
            Optional.of("oss-bucket-versioning-enabled"));

    VersioningCheck() {
        super(RULE);
    }

    @Override
    void evaluate(BucketState bucket, AuditSnapshot snapshot, Results results) {
        if (results.unreadable(bucket.arn(), "the versioning status", bucket.versioning())) {
            return;
        }
        String status = bucket.versioning().value().orElse("never enabled");
        if (status.equals("Enabled")) {
            return;
        }
        fixedBySetting(
                results,
                bucket,
                "bucket " + bucket.name() + " versioning is " + status,
                "versioning",
                status,
                "Enabled",
                "Enabled",
                "Enabled");
    }
}
