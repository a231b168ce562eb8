package dev.ossops.apply;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.spec.model.Bucket;
import dev.ossops.spec.model.Profile;

/** A profile bucket's region: its own {@code region}, else the profile's. */
final class BucketRegions {
    private BucketRegions() {}

    static OssBucket of(Profile profile, String bucket) {
        Bucket b = profile.buckets().get(bucket);
        String region = b == null ? profile.region() : b.region().orElse(profile.region());
        return new OssBucket(bucket, region);
    }
}
