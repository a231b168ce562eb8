package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.BucketState;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Evidence;
import dev.ossops.audit.ProfileChange;
import dev.ossops.spec.model.LifecycleRule;

import java.util.List;
import java.util.Optional;

/**
 * A check that some enabled lifecycle rule does one job, fixed by a lifecycle document ossops ships in lifecycle/:
 * an unreadable lifecycle is unknown, and a bucket whose rules fall short gets a finding that adds the shipped file.
 */
abstract class LifecycleDocumentCheck extends BucketCheck {
    private final String file;
    private final String document;

    /**
     * {@code file} is the shipped document's path; {@code ruleId} and {@code action} (a JSON member) rebuild its
     * content, one enabled rule over the whole bucket, so a fixed profile can reference the shipped file.
     */
    LifecycleDocumentCheck(CheckRule rule, String file, String ruleId, String action) {
        super(rule);
        this.file = file;
        this.document = wholeBucketLifecycleRule(ruleId, action);
    }

    /** What the bucket's lifecycle rules lack, or empty when they do the job. */
    abstract Optional<Missing> missing(BucketState bucket, List<LifecycleRule> rules);

    /** A finding's message, and its evidence: what the lifecycle has and what it should have. */
    record Missing(String message, String actual, String expected) {}

    @Override
    void evaluate(BucketState bucket, AuditSnapshot snapshot, Results results) {
        if (results.unreadable(bucket.arn(), "the lifecycle configuration", bucket.lifecycle())) {
            return;
        }
        List<LifecycleRule> rules = bucket.lifecycle().value().orElse(List.of());
        missing(bucket, rules).ifPresent(m -> {
            String property = bucketProperty(bucket.name(), "lifecycle");
            results.finding(
                    bucket.arn(),
                    bucketPath(bucket.name()),
                    m.message(),
                    new Evidence(property, m.actual(), m.expected()),
                    "add " + file + " to " + property + " in the profile, then run ossops plan",
                    new ProfileChange.Document(List.of("buckets", bucket.name(), "lifecycle"), true, file, document));
        });
    }

    /** The JSON of a lifecycle document of one enabled rule over the whole bucket, laid out as ossops ships them. */
    private static String wholeBucketLifecycleRule(String id, String action) {
        return """
                {
                  "Rules": [
                    {
                      "ID": "%s",
                      "Prefix": "",
                      "Status": "Enabled",
                      %s
                    }
                  ]
                }
                """.formatted(id, action);
    }
}
