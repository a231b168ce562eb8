package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.BucketState;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Evidence;
import dev.ossops.audit.ProfileChange;
import dev.ossops.spec.tree.PropertyPath;

import java.util.List;

/** A check that looks at each bucket on its own. */
abstract class BucketCheck extends RuleCheck {

    BucketCheck(CheckRule rule) {
        super(rule);
    }

    @Override
    final void evaluate(AuditSnapshot snapshot, Results results) {
        for (BucketState bucket : snapshot.buckets()) {
            evaluate(bucket, snapshot, results);
        }
    }

    abstract void evaluate(BucketState bucket, AuditSnapshot snapshot, Results results);

    /** {@code buckets.media} */
    static String bucketPath(String bucket) {
        return PropertyPath.key("buckets", bucket);
    }

    /** {@code buckets.media.acl} */
    static String bucketProperty(String bucket, String key) {
        return PropertyPath.key(bucketPath(bucket), key);
    }

    /** "set buckets.media.acl: private in the profile, then run ossops plan" */
    static String setInProfile(String property, String value) {
        return "set " + property + ": " + value + " in the profile, then run ossops plan";
    }

    /**
     * A finding that setting the bucket's {@code key} to {@code value} fixes: the evidence shows {@code actual} where
     * {@code expected} should be, the remediation writes the value as {@code yaml}.
     */
    static void fixedBySetting(
            Results results,
            BucketState bucket,
            String message,
            String key,
            String actual,
            String expected,
            String yaml,
            Object value) {
        String property = bucketProperty(bucket.name(), key);
        results.finding(
                bucket.arn(),
                bucketPath(bucket.name()),
                message,
                new Evidence(property, actual, expected),
                setInProfile(property, yaml),
                new ProfileChange.SetValue(List.of("buckets", bucket.name(), key), value));
    }
}
