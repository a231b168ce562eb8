package dev.ossops.audit;

import dev.ossops.spec.model.Bucket;
import dev.ossops.spec.model.LifecycleRule;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Snapshots for tests: a bucket and an account that pass every check, to be weakened one setting at a time. */
public final class Fixture {
    public static final String ACCOUNT = "1234567890123456";

    private Fixture() {}

    /** A bucket that passes every bucket check. */
    public static BucketState.Builder bucket(String name) {
        return BucketState.builder(name, "cn-beijing")
                .acl(Observed.found("private"))
                .policy(Observed.found(httpsOnly(name)))
                .blockPublicAccess(Observed.found(false))
                .encryption(Observed.found(new Bucket.Encryption("AES256", Optional.empty())))
                .versioning(Observed.found("Enabled"))
                .logging(Observed.found(new Bucket.Logging("logs", name + "/")))
                .lifecycle(Observed.found(List.of(abortRule(""), noncurrentRule())))
                .replication(Observed.absent())
                .objectAcls(Observed.found(new ObjectAclSample(Map.of("index.html", "default"), false)));
    }

    /** An account with nothing wrong: no account-level BPA, empty RAM, no root keys, no CDN domains. */
    public static AuditSnapshot.Builder account(BucketState... buckets) {
        AuditSnapshot.Builder builder = AuditSnapshot.builder(ACCOUNT)
                .accountBlockPublicAccess(Observed.found(false))
                .ram(Observed.found(RamState.builder()
                        .rootAccessKeys(Observed.found(List.of()))
                        .build()))
                .cdnDomains(Observed.found(List.of()));
        for (BucketState b : buckets) {
            builder.bucket(b);
        }
        return builder;
    }

    public static String httpsOnly(String bucket) {
        return "{\"Version\": \"1\", \"Statement\": [" + httpsDeny(bucket) + "]}";
    }

    public static String httpsDeny(String bucket) {
        return "{\"Effect\": \"Deny\", \"Principal\": [\"*\"], \"Action\": [\"oss:*\"], \"Resource\": [\"acs:oss:*:*:"
                + bucket + "\", \"acs:oss:*:*:" + bucket + "/*\"], \"Condition\": {\"Bool\": {\"acs:SecureTransport\": "
                + "[\"false\"]}}}";
    }

    /** A bucket policy: the HTTPS deny plus {@code statements} (JSON objects). */
    public static String policy(String bucket, String... statements) {
        return "{\"Version\": \"1\", \"Statement\": [" + httpsDeny(bucket)
                + (statements.length == 0 ? "" : ", " + String.join(", ", statements)) + "]}";
    }

    public static LifecycleRule abortRule(String prefix) {
        return new LifecycleRule(
                "abort",
                prefix,
                true,
                List.of(),
                List.of(),
                Optional.empty(),
                List.of(),
                Optional.of(new LifecycleRule.AbortMultipartUpload(Optional.of(3L), Optional.empty())),
                Optional.empty(),
                List.of());
    }

    public static LifecycleRule noncurrentRule() {
        return new LifecycleRule(
                "noncurrent",
                "",
                true,
                List.of(),
                List.of(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.of(90L),
                List.of());
    }
}
