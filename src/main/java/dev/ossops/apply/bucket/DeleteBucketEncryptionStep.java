package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;

import java.util.List;

/** Removes default server-side encryption. Idempotent: OSS answers success when there is nothing left to delete. */
final class DeleteBucketEncryptionStep extends BucketStep {
    DeleteBucketEncryptionStep(Address address, List<Address> dependsOn, OssGateway gateway, OssBucket bucket) {
        super(address, dependsOn, gateway, bucket);
    }

    @Override
    String operation() {
        return "DeleteBucketEncryption";
    }

    @Override
    public void run() {
        gateway.deleteEncryption(bucket);
    }
}
