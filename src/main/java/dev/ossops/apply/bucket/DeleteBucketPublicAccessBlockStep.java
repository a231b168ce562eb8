package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;

import java.util.List;

/** Removes the bucket's Block Public Access setting. Idempotent: OSS answers success when there is nothing left to delete. */
final class DeleteBucketPublicAccessBlockStep extends BucketStep {
    DeleteBucketPublicAccessBlockStep(Address address, List<Address> dependsOn, OssGateway gateway, OssBucket bucket) {
        super(address, dependsOn, gateway, bucket);
    }

    @Override
    String operation() {
        return "DeleteBucketPublicAccessBlock";
    }

    @Override
    public void run() {
        gateway.deleteBlockPublicAccess(bucket);
    }
}
