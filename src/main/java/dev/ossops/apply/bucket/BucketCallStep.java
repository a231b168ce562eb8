package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * A bucket step that is one gateway call setting or removing a whole configuration (PutBucketCors,
 * DeleteBucketLifecycle, ...). Idempotent by the service's own contract: a Put sets the whole configuration, and a
 * Delete answers success when there is nothing left to delete.
 */
final class BucketCallStep extends BucketStep {
    private final String operation;
    private final BiConsumer<OssGateway, OssBucket> call;

    BucketCallStep(
            Address address,
            List<Address> dependsOn,
            OssGateway gateway,
            OssBucket bucket,
            String operation,
            BiConsumer<OssGateway, OssBucket> call) {
        super(address, dependsOn, gateway, bucket);
        this.operation = operation;
        this.call = call;
    }

    @Override
    String operation() {
        return operation;
    }

    @Override
    public void run() {
        call.accept(gateway, bucket);
    }
}
