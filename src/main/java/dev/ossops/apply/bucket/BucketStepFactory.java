package dev.ossops.apply.bucket;

import dev.ossops.apply.Step;
import dev.ossops.apply.StepFactory;
import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Action;
import dev.ossops.plan.Address;
import dev.ossops.plan.Change;
import dev.ossops.plan.Policies;
import dev.ossops.spec.model.Bucket;
import dev.ossops.spec.model.Managed;
import dev.ossops.spec.model.Profile;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import static dev.ossops.plan.Address.Kind;

/** Builds the bucket steps for bucket changes, taking desired values from the profile. */
public final class BucketStepFactory implements StepFactory {
    private static final Set<Kind> KINDS = EnumSet.of(
            Kind.BUCKET,
            Kind.ACL,
            Kind.VERSIONING,
            Kind.ENCRYPTION,
            Kind.BLOCK_PUBLIC_ACCESS,
            Kind.CORS,
            Kind.LIFECYCLE,
            Kind.POLICY,
            Kind.TAGS,
            Kind.LOGGING,
            Kind.REFERER,
            Kind.REPLICATION_RULE);
    /** What OSS stores when hotlink protection was never set: every referer allowed. */
    private static final Bucket.Referer DEFAULT_REFERER = new Bucket.Referer(true, true, List.of(), List.of());

    private final OssGateway gateway;

    public BucketStepFactory(OssGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public boolean handles(Change change) {
        return KINDS.contains(change.address().kind());
    }

    @Override
    public List<Step> steps(Change change, Profile profile) {
        if (change.action() == Action.NOOP) {
            return List.of();
        }
        Address a = change.address();
        List<Address> deps = change.dependsOn();
        Bucket bucket = profile.buckets().get(a.owner());
        if (bucket == null) {
            throw new IllegalArgumentException(a + " is not a bucket of profile " + profile.name());
        }
        OssBucket b = new OssBucket(bucket.name(), bucket.region().orElse(profile.region()));
        Step step = switch (a.kind()) {
            case BUCKET ->
                change.action() == Action.CREATE
                        ? new CreateBucketStep(a, deps, gateway, b, bucket.storageClass(), bucket.redundancy())
                        : new UnsupportedChangeStep(a, "ossops never deletes or replaces a bucket");
            case ACL ->
                bucket.acl().state() == Managed.State.PRESENT
                        ? new PutBucketAclStep(a, deps, gateway, b, bucket.acl().get())
                        : new UnsupportedChangeStep(a, "a bucket always has an ACL: set acl: private instead of none");
            case VERSIONING ->
                bucket.versioning().state() == Managed.State.PRESENT
                        ? new PutBucketVersioningStep(
                                a, deps, gateway, b, bucket.versioning().get())
                        : new UnsupportedChangeStep(
                                a, "versioning cannot be removed once enabled: set versioning: Suspended");
            case ENCRYPTION ->
                putOrDelete(
                        bucket.encryption(),
                        v -> new PutBucketEncryptionStep(a, deps, gateway, b, v),
                        () -> new DeleteBucketEncryptionStep(a, deps, gateway, b));
            case BLOCK_PUBLIC_ACCESS ->
                putOrDelete(
                        bucket.blockPublicAccess(),
                        v -> new PutBucketPublicAccessBlockStep(a, deps, gateway, b, v),
                        () -> new DeleteBucketPublicAccessBlockStep(a, deps, gateway, b));
            case CORS ->
                putOrDelete(
                        bucket.cors(),
                        v -> new PutBucketCorsStep(a, deps, gateway, b, v),
                        () -> new DeleteBucketCorsStep(a, deps, gateway, b));
            case LIFECYCLE ->
                putOrDelete(
                        bucket.lifecycle(),
                        v -> new PutBucketLifecycleStep(a, deps, gateway, b, v),
                        () -> new DeleteBucketLifecycleStep(a, deps, gateway, b));
            case POLICY ->
                putOrDelete(
                        bucket.policy(),
                        v -> new PutBucketPolicyStep(a, deps, gateway, b, Policies.json(v)),
                        () -> new DeleteBucketPolicyStep(a, deps, gateway, b));
            case TAGS ->
                putOrDelete(
                        bucket.tags(),
                        v -> new PutBucketTagsStep(a, deps, gateway, b, v),
                        () -> new DeleteBucketTagsStep(a, deps, gateway, b));
            case LOGGING ->
                putOrDelete(
                        bucket.logging(),
                        v -> new PutBucketLoggingStep(a, deps, gateway, b, v),
                        () -> new DeleteBucketLoggingStep(a, deps, gateway, b));
            case REFERER ->
                new PutBucketRefererStep(
                        a, deps, gateway, b, bucket.referer().value().orElse(DEFAULT_REFERER));
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
            case CREATE -> new AddReplicationRuleStep(a, change.dependsOn(), gateway, b, required(rule, a));
            case REPLACE -> new ReplaceReplicationRuleStep(a, change.dependsOn(), gateway, b, required(rule, a));
            case DELETE -> new DeleteReplicationRuleStep(a, change.dependsOn(), gateway, b, a.name());
            default ->
                throw new IllegalArgumentException(
                        "replication rules are added, replaced or deleted, not " + change.action());
        };
    }

    private static Bucket.ReplicationRule required(Bucket.ReplicationRule rule, Address a) {
        if (rule == null) {
            throw new IllegalArgumentException(a + " is not in the profile");
        }
        return rule;
    }

    private static <T> Step putOrDelete(Managed<T> desired, Function<T, Step> put, Supplier<Step> delete) {
        return desired.state() == Managed.State.PRESENT ? put.apply(desired.get()) : delete.get();
    }
}
