package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;

import java.util.List;

/** Turns access logging off. Idempotent: OSS answers success when there is nothing left to delete. */
final class DeleteBucketLoggingStep extends BucketStep {
    DeleteBucketLoggingStep(Address address, List<Address> dependsOn, OssGateway gateway, OssBucket bucket) {
        super(address, dependsOn, gateway, bucket);
    }

    @Override
    String operation() {
        return "DeleteBucketLogging";
    }

    @Override
    public void run() {
        gateway.deleteLogging(bucket);
    }
}
