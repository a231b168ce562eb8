package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;

import java.util.List;

/** Removes the bucket policy. Idempotent: OSS answers success when there is nothing left to delete. */
final class DeleteBucketPolicyStep extends BucketStep {
    DeleteBucketPolicyStep(Address address, List<Address> dependsOn, OssGateway gateway, OssBucket bucket) {
        super(address, dependsOn, gateway, bucket);
    }

    @Override
    String operation() {
        return "DeleteBucketPolicy";
    }

    @Override
    public void run() {
        gateway.deletePolicy(bucket);
    }
}
