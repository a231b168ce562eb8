package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;
import dev.ossops.spec.model.LifecycleRule;

import java.util.List;

/** Replaces the lifecycle rules (OSS stores them as one configuration). Idempotent: the call sets the whole configuration. */
final class PutBucketLifecycleStep extends BucketStep {
    private final List<LifecycleRule> value;

    PutBucketLifecycleStep(
            Address address, List<Address> dependsOn, OssGateway gateway, OssBucket bucket, List<LifecycleRule> value) {
        super(address, dependsOn, gateway, bucket);
        this.value = value;
    }

    @Override
    String operation() {
        return "PutBucketLifecycle";
    }

    @Override
    public void run() {
        gateway.putLifecycle(bucket, value);
    }
}
