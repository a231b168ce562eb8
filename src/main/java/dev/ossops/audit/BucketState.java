package dev.ossops.audit;

import dev.ossops.spec.model.Bucket;
import dev.ossops.spec.model.LifecycleRule;

import java.util.List;
import java.util.Objects;

/**
 * What the collector read about one bucket. {@code acl} is the canned ACL ({@code private}, {@code public-read},
 * {@code public-read-write}); {@code policy} the bucket policy JSON as GetBucketPolicy returns it;
 * {@code versioning} the status ({@code Enabled}, {@code Suspended}; absent when never enabled). Absent means
 * "not configured" for every other configuration.
 */
public record BucketState(
        String name,
        String region,
        Observed<String> acl,
        Observed<String> policy,
        Observed<Boolean> blockPublicAccess,
        Observed<Bucket.Encryption> encryption,
        Observed<String> versioning,
        Observed<Bucket.Logging> logging,
        Observed<List<LifecycleRule>> lifecycle,
        Observed<List<Bucket.ReplicationRule>> replication,
        Observed<ObjectAclSample> objectAcls) {

    public BucketState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
        List.of(acl, policy, blockPublicAccess, encryption, versioning, logging, lifecycle, replication, objectAcls)
                .forEach(o -> Objects.requireNonNull(o, "configuration of bucket " + name));
    }

    /** A builder whose configurations start unreadable ("not collected"), so a forgotten read shows as unknown. */
    public static Builder builder(String name, String region) {
        return new Builder(name, region);
    }

    /** The resource name findings use. */
    public String arn() {
        return "acs:oss:*:*:" + name;
    }

    public static final class Builder {
        private static final String NOT_COLLECTED = "not collected";
        private final String name;
        private final String region;
        private Observed<String> acl = Observed.unreadable(NOT_COLLECTED);
        private Observed<String> policy = Observed.unreadable(NOT_COLLECTED);
        private Observed<Boolean> blockPublicAccess = Observed.unreadable(NOT_COLLECTED);
        private Observed<Bucket.Encryption> encryption = Observed.unreadable(NOT_COLLECTED);
        private Observed<String> versioning = Observed.unreadable(NOT_COLLECTED);
        private Observed<Bucket.Logging> logging = Observed.unreadable(NOT_COLLECTED);
        private Observed<List<LifecycleRule>> lifecycle = Observed.unreadable(NOT_COLLECTED);
        private Observed<List<Bucket.ReplicationRule>> replication = Observed.unreadable(NOT_COLLECTED);
        private Observed<ObjectAclSample> objectAcls = Observed.unreadable(NOT_COLLECTED);

        private Builder(String name, String region) {
            this.name = name;
            this.region = region;
        }

        public Builder acl(Observed<String> value) {
            acl = value;
            return this;
        }

        public Builder policy(Observed<String> value) {
            policy = value;
            return this;
        }

        public Builder blockPublicAccess(Observed<Boolean> value) {
            blockPublicAccess = value;
            return this;
        }

        public Builder encryption(Observed<Bucket.Encryption> value) {
            encryption = value;
            return this;
        }

        public Builder versioning(Observed<String> value) {
            versioning = value;
            return this;
        }

        public Builder logging(Observed<Bucket.Logging> value) {
            logging = value;
            return this;
        }

        public Builder lifecycle(Observed<List<LifecycleRule>> value) {
            lifecycle = value.value()
                    .<Observed<List<LifecycleRule>>>map(l -> Observed.found(List.copyOf(l)))
                    .orElse(value);
            return this;
        }

        public Builder replication(Observed<List<Bucket.ReplicationRule>> value) {
            replication = value.value()
                    .<Observed<List<Bucket.ReplicationRule>>>map(l -> Observed.found(List.copyOf(l)))
                    .orElse(value);
            return this;
        }

        public Builder objectAcls(Observed<ObjectAclSample> value) {
            objectAcls = value;
            return this;
        }

        public BucketState build() {
            return new BucketState(
                    name,
                    region,
                    acl,
                    policy,
                    blockPublicAccess,
                    encryption,
                    versioning,
                    logging,
                    lifecycle,
                    replication,
                    objectAcls);
        }
    }
}
