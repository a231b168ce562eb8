package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;
import dev.ossops.spec.model.Bucket;

import java.util.List;

/** Turns access logging on into the target bucket. Idempotent: the call sets the whole configuration. */
final class PutBucketLoggingStep extends BucketStep {
    private final Bucket.Logging value;

    PutBucketLoggingStep(
            Address address, List<Address> dependsOn, OssGateway gateway, OssBucket bucket, Bucket.Logging value) {
        super(address, dependsOn, gateway, bucket);
        this.value = value;
    }

    @Override
    String operation() {
        return "PutBucketLogging";
    }

    @Override
    public void run() {
        gateway.putLogging(bucket, value);
    }
}
