package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.BucketState;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Evidence;
import dev.ossops.audit.Severity;

import java.util.Optional;

/** Access logging off. No automatic fix: which bucket receives the logs is the owner's decision. */
final class LoggingCheck extends BucketCheck {
    static final CheckRule RULE = new CheckRule(
            "OSS-BUCKET-LOGGING-DISABLED",
            Severity.MEDIUM,
            "Access logging is off",
            "Access logs record every request to the bucket; without them, misuse cannot be investigated. Deliver "
                    + "the logs to a separate, private bucket in the same region.",
            Optional.of("5.3"),
            Optional.of("oss-bucket-logging-enabled"));

    LoggingCheck() {
        super(RULE);
    }

    @Override
    void evaluate(BucketState bucket, AuditSnapshot snapshot, Results results) {
        if (results.unreadable(bucket.arn(), "the logging configuration", bucket.logging())
                || bucket.logging().value().isPresent()) {
            return;
        }
        String property = bucketProperty(bucket.name(), "logging");
        results.finding(
                bucket.arn(),
                bucketPath(bucket.name()),
                "bucket " + bucket.name() + " does not log access",
                new Evidence(property, "off", "{targetBucket, prefix}"),
                "set " + property + ": {targetBucket: <a private log bucket in " + bucket.region() + ">, prefix: "
                        + bucket.name() + "/} in the profile, then run ossops plan");
    }
}
