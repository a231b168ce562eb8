package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;

import java.util.List;
import java.util.Optional;

/**
 * Creates the bucket in its region with its create-only storage class and redundancy, private (the ACL step that
 * follows sets the profile's). Skipped when the bucket exists already, so a re-run after a partial apply converges.
 */
final class CreateBucketStep extends BucketStep {
    private final Optional<String> storageClass;
    private final Optional<String> redundancy;

    CreateBucketStep(
            Address address,
            List<Address> dependsOn,
            OssGateway gateway,
            OssBucket bucket,
            Optional<String> storageClass,
            Optional<String> redundancy) {
        super(address, dependsOn, gateway, bucket);
        this.storageClass = storageClass;
        this.redundancy = redundancy;
    }

    @Override
    String operation() {
        return "PutBucket";
    }

    @Override
    public void run() {
        if (gateway.bucket(bucket).isEmpty()) {
            gateway.createBucket(bucket, storageClass, redundancy, Optional.of("private"));
        }
    }
}
