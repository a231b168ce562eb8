package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;

import java.util.List;

/** Sets the bucket's canned ACL. Idempotent: the call sets the whole configuration. */
final class PutBucketAclStep extends BucketStep {
    private final String value;

    PutBucketAclStep(Address address, List<Address> dependsOn, OssGateway gateway, OssBucket bucket, String value) {
        super(address, dependsOn, gateway, bucket);
        this.value = value;
    }

    @Override
    String operation() {
        return "PutBucketAcl";
    }

    @Override
    public void run() {
        gateway.putAcl(bucket, value);
    }
}
