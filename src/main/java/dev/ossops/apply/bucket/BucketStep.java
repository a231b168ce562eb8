package dev.ossops.apply.bucket;

import dev.ossops.apply.Step;
import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;

import java.util.List;

/** What every bucket step shares: its address, its dependencies, the gateway and the bucket it calls. */
abstract class BucketStep implements Step {
    private final Address address;
    private final List<Address> dependsOn;
    protected final OssGateway gateway;
    protected final OssBucket bucket;

    BucketStep(Address address, List<Address> dependsOn, OssGateway gateway, OssBucket bucket) {
        this.address = address;
        this.dependsOn = List.copyOf(dependsOn);
        this.gateway = gateway;
        this.bucket = bucket;
    }

    /** The OSS operation, e.g. {@code PutBucketLifecycle}. */
    abstract String operation();

    @Override
    public final Address address() {
        return address;
    }

    @Override
    public final List<Address> dependsOn() {
        return dependsOn;
    }

    @Override
    public String describe() {
        return operation() + " " + bucket.name();
    }
}
