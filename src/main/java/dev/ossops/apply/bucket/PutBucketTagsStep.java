package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;

import java.util.List;
import java.util.Map;

/** Replaces the bucket tags. Idempotent: the call sets the whole configuration. */
final class PutBucketTagsStep extends BucketStep {
    private final Map<String, String> value;

    PutBucketTagsStep(
            Address address, List<Address> dependsOn, OssGateway gateway, OssBucket bucket, Map<String, String> value) {
        super(address, dependsOn, gateway, bucket);
        this.value = value;
    }

    @Override
    String operation() {
        return "PutBucketTags";
    }

    @Override
    public void run() {
        gateway.putTags(bucket, value);
    }
}
