package dev.ossops.apply.bucket;

import dev.ossops.apply.BucketKinds;
import dev.ossops.apply.KindStepFactory;
import dev.ossops.apply.Step;
import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Action;
import dev.ossops.plan.Address;
import dev.ossops.plan.Change;
import dev.ossops.plan.Policies;
import dev.ossops.spec.model.Bucket;
import dev.ossops.spec.model.Managed;
import dev.ossops.spec.model.Profile;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.function.BiConsumer;

/** Builds the bucket steps for bucket changes, taking desired values from the profile. */
public final class BucketStepFactory extends KindStepFactory {
    /** What OSS stores when hotlink protection was never set: every referer allowed. */
    private static final Bucket.Referer DEFAULT_REFERER = new Bucket.Referer(true, true, List.of(), List.of());

    private final OssGateway gateway;

    public BucketStepFactory(OssGateway gateway) {
        super(BucketKinds.CHANGED);
        this.gateway = gateway;
    }

    @Override
    protected List<Step> changeSteps(Change change, Profile profile) {
        Address a = change.address();
        List<Address> deps = change.dependsOn();
        Bucket bucket = profile.buckets().get(a.owner());
        if (bucket == null) {
            throw new IllegalArgumentException(a + " is not a bucket of profile " + profile.name());
        }
        OssBucket b = new OssBucket(bucket.name(), bucket.region().orElse(profile.region()));
        Calls calls = new Calls(a, deps, b);
        Step step = switch (a.kind()) {
            case BUCKET ->
                change.action() == Action.CREATE
                        ? new CreateBucketStep(a, deps, gateway, b, bucket.storageClass(), bucket.redundancy())
                        : new UnsupportedChangeStep(a, "ossops never deletes or replaces a bucket");
            case ACL ->
                bucket.acl().state() == Managed.State.PRESENT
                        ? calls.call(
                                "PutBucketAcl",
                                (g, o) -> g.putAcl(o, bucket.acl().get()))
                        : new UnsupportedChangeStep(a, "a bucket always has an ACL: set acl: private instead of none");
            case VERSIONING ->
                bucket.versioning().state() == Managed.State.PRESENT
                        ? calls.call(
                                "PutBucketVersioning",
                                (g, o) -> g.putVersioning(o, bucket.versioning().get()))
                        : new UnsupportedChangeStep(
                                a, "versioning cannot be removed once enabled: set versioning: Suspended");
            case ENCRYPTION ->
                calls.putOrDelete(
                        bucket.encryption(), "Encryption", OssGateway::putEncryption, OssGateway::deleteEncryption);
            case BLOCK_PUBLIC_ACCESS ->
                calls.putOrDelete(
                        bucket.blockPublicAccess(),
                        "PublicAccessBlock",
                        OssGateway::putBlockPublicAccess,
                        OssGateway::deleteBlockPublicAccess);
            case CORS -> calls.putOrDelete(bucket.cors(), "Cors", OssGateway::putCors, OssGateway::deleteCors);
            case LIFECYCLE ->
                calls.putOrDelete(
                        bucket.lifecycle(), "Lifecycle", OssGateway::putLifecycle, OssGateway::deleteLifecycle);
            case POLICY ->
                calls.putOrDelete(
                        bucket.policy().map(Policies::json), "Policy", OssGateway::putPolicy, OssGateway::deletePolicy);
            case TAGS -> calls.putOrDelete(bucket.tags(), "Tags", OssGateway::putTags, OssGateway::deleteTags);
            case LOGGING ->
                calls.putOrDelete(bucket.logging(), "Logging", OssGateway::putLogging, OssGateway::deleteLogging);
            // Hotlink protection has no delete: removing it puts the service default, which allows every referer.
            case REFERER -> {
                Bucket.Referer referer = bucket.referer().value().orElse(DEFAULT_REFERER);
                yield calls.call("PutBucketReferer", (g, o) -> g.putReferer(o, referer));
            }
            case REPLICATION_RULE -> replication(change, bucket, b);
            default -> throw new IllegalArgumentException("not a bucket change: " + a);
        };
        return List.of(step);
    }

    private Step replication(Change change, Bucket bucket, OssBucket b) {
        Address a = change.address();
        Bucket.ReplicationRule rule =
                bucket.replication().value().map(rules -> rules.get(a.name())).orElse(null);
        return switch (change.action()) {
            case CREATE -> new PutReplicationRuleStep(a, change.dependsOn(), gateway, b, required(rule, a), false);
            case REPLACE -> new PutReplicationRuleStep(a, change.dependsOn(), gateway, b, required(rule, a), true);
            case DELETE -> new DeleteReplicationRuleStep(a, change.dependsOn(), gateway, b, a.name());
            default ->
                throw new IllegalArgumentException(
                        "replication rules are added, replaced or deleted, not " + change.action());
        };
    }

    private static Bucket.ReplicationRule required(Bucket.@Nullable ReplicationRule rule, Address a) {
        if (rule == null) {
            throw new IllegalArgumentException(a + " is not in the profile");
        }
        return rule;
    }

    /** Builds the one-call steps of one change. */
    private final class Calls {
        private final Address address;
        private final List<Address> dependsOn;
        private final OssBucket bucket;

        Calls(Address address, List<Address> dependsOn, OssBucket bucket) {
            this.address = address;
            this.dependsOn = dependsOn;
            this.bucket = bucket;
        }

        Step call(String operation, BiConsumer<OssGateway, OssBucket> call) {
            return new BucketCallStep(address, dependsOn, gateway, bucket, operation, call);
        }

        /** {@code PutBucket<configuration>} with the desired value, or {@code DeleteBucket<configuration>}. */
        <T> Step putOrDelete(
                Managed<T> desired,
                String configuration,
                TriConsumer<OssGateway, OssBucket, T> put,
                BiConsumer<OssGateway, OssBucket> delete) {
            if (desired.state() == Managed.State.PRESENT) {
                T value = desired.get();
                return call("PutBucket" + configuration, (g, o) -> put.accept(g, o, value));
            }
            return call("DeleteBucket" + configuration, delete);
        }
    }

    @FunctionalInterface
    private interface TriConsumer<A, B, C> {
        void accept(A a, B b, C c);
    }
}
