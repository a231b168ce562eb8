package dev.ossops.spec.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One bucket. {@code storageClass} and {@code redundancy} are create-only; every other configuration has
 * three-state ownership. Names and enumerations are the OSS wire values (e.g. {@code public-read}, {@code IA}).
 */
public record Bucket(
        String name,
        Optional<String> region,
        Optional<String> storageClass,
        Optional<String> redundancy,
        Managed<String> acl,
        Optional<String> allowPublicWriteReason,
        Managed<String> versioning,
        Managed<Encryption> encryption,
        Managed<Boolean> blockPublicAccess,
        Managed<CorsConfiguration> cors,
        Managed<List<LifecycleRule>> lifecycle,
        Managed<PolicySpec> policy,
        Managed<Map<String, String>> tags,
        Managed<Logging> logging,
        Managed<Referer> referer,
        Managed<Map<String, ReplicationRule>> replication) {

    public Bucket {
        // Collections inside Managed are copied here so the model stays immutable whoever builds it.
        lifecycle = lifecycle.map(List::copyOf);
        tags = tags.map(Profile::ordered);
        replication = replication.map(Profile::ordered);
    }

    /** Default server-side encryption: AES256, KMS (with an optional key id) or SM4. */
    public record Encryption(String algorithm, Optional<String> kmsKeyId) {}

    /** Access logging into {@code targetBucket} under {@code prefix}. */
    public record Logging(String targetBucket, String prefix) {}

    /** OSS hotlink protection. */
    public record Referer(
            boolean allowEmpty, boolean allowTruncateQueryString, List<String> allowed, List<String> blacklist) {
        public Referer {
            allowed = List.copyOf(allowed);
            blacklist = List.copyOf(blacklist);
        }
    }

    /** A cross-region replication rule. {@code actions} is ALL or a subset of PUT, DELETE, ABORT. */
    public record ReplicationRule(
            String name,
            String destinationBucket,
            String destinationRegion,
            String transferType,
            List<String> prefixes,
            List<String> actions,
            boolean historicalObjectReplication,
            Optional<String> syncRole) {
        public ReplicationRule {
            prefixes = List.copyOf(prefixes);
            actions = List.copyOf(actions);
        }
    }
}
