package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;

import java.util.List;

/** Removes every bucket tag. Idempotent: OSS answers success when there is nothing left to delete. */
final class DeleteBucketTagsStep extends BucketStep {
    DeleteBucketTagsStep(Address address, List<Address> dependsOn, OssGateway gateway, OssBucket bucket) {
        super(address, dependsOn, gateway, bucket);
    }

    @Override
    String operation() {
        return "DeleteBucketTags";
    }

    @Override
    public void run() {
        gateway.deleteTags(bucket);
    }
}
