package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;

import java.util.List;

/** Sets versioning to Enabled or Suspended. Idempotent: the call sets the whole configuration. */
final class PutBucketVersioningStep extends BucketStep {
    private final String value;

    PutBucketVersioningStep(
            Address address, List<Address> dependsOn, OssGateway gateway, OssBucket bucket, String value) {
        super(address, dependsOn, gateway, bucket);
        this.value = value;
    }

    @Override
    String operation() {
        return "PutBucketVersioning";
    }

    @Override
    public void run() {
        gateway.putVersioning(bucket, value);
    }
}
