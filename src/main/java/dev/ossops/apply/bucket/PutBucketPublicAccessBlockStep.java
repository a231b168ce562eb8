package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;

import java.util.List;

/** Turns Block Public Access on or off. Idempotent: the call sets the whole configuration. */
final class PutBucketPublicAccessBlockStep extends BucketStep {
    private final Boolean value;

    PutBucketPublicAccessBlockStep(
            Address address, List<Address> dependsOn, OssGateway gateway, OssBucket bucket, Boolean value) {
        super(address, dependsOn, gateway, bucket);
        this.value = value;
    }

    @Override
    String operation() {
        return "PutBucketPublicAccessBlock";
    }

    @Override
    public void run() {
        gateway.putBlockPublicAccess(bucket, value);
    }
}
