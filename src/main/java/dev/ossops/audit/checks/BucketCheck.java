package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.BucketState;
import dev.ossops.audit.Check;
import dev.ossops.audit.CheckResult;
import dev.ossops.spec.tree.PropertyPath;

import java.util.List;

/** A check that looks at each bucket on its own. */
abstract class BucketCheck implements Check {

    @Override
    public final List<CheckResult> evaluate(AuditSnapshot snapshot) {
        Results results = new Results(rule());
        for (BucketState bucket : snapshot.buckets()) {
            evaluate(bucket, snapshot, results);
        }
        return results.list();
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
}
