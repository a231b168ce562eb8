package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;
import dev.ossops.spec.model.Bucket;

import java.util.List;

/** Sets default server-side encryption. Idempotent: the call sets the whole configuration. */
final class PutBucketEncryptionStep extends BucketStep {
    private final Bucket.Encryption value;

    PutBucketEncryptionStep(
            Address address, List<Address> dependsOn, OssGateway gateway, OssBucket bucket, Bucket.Encryption value) {
        super(address, dependsOn, gateway, bucket);
        this.value = value;
    }

    @Override
    String operation() {
        return "PutBucketEncryption";
    }

    @Override
    public void run() {
        gateway.putEncryption(bucket, value);
    }
}
