package dev.ossops.audit.collect;

import dev.ossops.audit.BucketState;
import dev.ossops.audit.ObjectAclSample;
import dev.ossops.audit.Observed;
import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.spec.model.Bucket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads what the bucket checks look at, one configuration at a time, each at the bucket's own region. */
final class BucketCollector {
    private final OssGateway oss;
    private final int objectSample;

    /** {@code objectSample}: how many object ACLs to read per bucket (0 reads none and reports an empty sample). */
    BucketCollector(OssGateway oss, int objectSample) {
        this.oss = oss;
        this.objectSample = objectSample;
    }

    BucketState collect(OssBucket b) {
        return BucketState.builder(b.name(), b.region())
                .acl(Reads.observe(() -> oss.acl(b)))
                .policy(Reads.observe(() -> oss.policy(b)))
                // No Block Public Access configuration means it is off.
                .blockPublicAccess(orElse(Reads.observe(() -> oss.blockPublicAccess(b)), false))
                .encryption(Reads.observe(() -> oss.encryption(b)))
                .versioning(Reads.observe(() -> oss.versioning(b)))
                .logging(Reads.observe(() -> oss.logging(b)))
                .lifecycle(Reads.observe(() -> oss.lifecycle(b)))
                .replication(Reads.<List<Bucket.ReplicationRule>>observe(() -> oss.replication(b)
                        .map((Map<String, Bucket.ReplicationRule> rules) -> new ArrayList<>(rules.values()))))
                .objectAcls(objectAcls(b))
                .build();
    }

    private Observed<ObjectAclSample> objectAcls(OssBucket b) {
        if (objectSample == 0) {
            return Observed.found(new ObjectAclSample(Map.of(), false));
        }
        return Reads.observe(
                () -> oss.objectAcls(b, objectSample).map(s -> new ObjectAclSample(s.acls(), s.truncated())));
    }

    /** A bucket the user named that ListBuckets does not show: every input unreadable, saying why. */
    static BucketState missing(String name, String region) {
        String reason = "bucket " + name + " is not among the account's buckets (ListBuckets)";
        return BucketState.builder(name, region)
                .acl(Observed.unreadable(reason))
                .policy(Observed.unreadable(reason))
                .blockPublicAccess(Observed.unreadable(reason))
                .encryption(Observed.unreadable(reason))
                .versioning(Observed.unreadable(reason))
                .logging(Observed.unreadable(reason))
                .lifecycle(Observed.unreadable(reason))
                .replication(Observed.unreadable(reason))
                .objectAcls(Observed.unreadable(reason))
                .build();
    }

    private static Observed<Boolean> orElse(Observed<Boolean> read, boolean whenAbsent) {
        return read instanceof Observed.Absent<Boolean> ? Observed.found(whenAbsent) : read;
    }
}
