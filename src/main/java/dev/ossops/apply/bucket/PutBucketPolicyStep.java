package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;

import java.util.List;

/** Replaces the bucket policy with the profile's document (JSON). Idempotent: the call sets the whole configuration. */
final class PutBucketPolicyStep extends BucketStep {
    private final String value;

    PutBucketPolicyStep(Address address, List<Address> dependsOn, OssGateway gateway, OssBucket bucket, String value) {
        super(address, dependsOn, gateway, bucket);
        this.value = value;
    }

    @Override
    String operation() {
        return "PutBucketPolicy";
    }

    @Override
    public void run() {
        gateway.putPolicy(bucket, value);
    }
}
