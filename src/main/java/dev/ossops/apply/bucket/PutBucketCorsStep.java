package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;
import dev.ossops.spec.model.CorsConfiguration;

import java.util.List;

/** Replaces the CORS rules. Idempotent: the call sets the whole configuration. */
final class PutBucketCorsStep extends BucketStep {
    private final CorsConfiguration value;

    PutBucketCorsStep(
            Address address, List<Address> dependsOn, OssGateway gateway, OssBucket bucket, CorsConfiguration value) {
        super(address, dependsOn, gateway, bucket);
        this.value = value;
    }

    @Override
    String operation() {
        return "PutBucketCors";
    }

    @Override
    public void run() {
        gateway.putCors(bucket, value);
    }
}
