package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;
import dev.ossops.spec.model.Bucket;

import java.util.List;

/** Sets hotlink protection (deleting it puts the service default, which allows every referer). Idempotent: the call sets the whole configuration. */
final class PutBucketRefererStep extends BucketStep {
    private final Bucket.Referer value;

    PutBucketRefererStep(
            Address address, List<Address> dependsOn, OssGateway gateway, OssBucket bucket, Bucket.Referer value) {
        super(address, dependsOn, gateway, bucket);
        this.value = value;
    }

    @Override
    String operation() {
        return "PutBucketReferer";
    }

    @Override
    public void run() {
        gateway.putReferer(bucket, value);
    }
}
