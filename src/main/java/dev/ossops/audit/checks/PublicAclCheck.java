package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.BucketState;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Severity;

import java.util.Optional;

/**
 * A bucket whose canned ACL is {@code acl}. Not reported while Block Public Access neutralises it
 * ({@link PublicAccessBlockedCheck} reports that instead).
 */
abstract class PublicAclCheck extends BucketCheck {
    private final String acl;
    private final String consequence;

    PublicAclCheck(CheckRule rule, String acl, String consequence) {
        super(rule);
        this.acl = acl;
        this.consequence = consequence;
    }

    @Override
    void evaluate(BucketState bucket, AuditSnapshot snapshot, Results results) {
        if (results.unreadable(bucket.arn(), "the bucket ACL", bucket.acl())) {
            return;
        }
        if (!bucket.acl().value().orElseThrow().equals(acl)) {
            return;
        }
        Exposure.Block block = Exposure.block(bucket, snapshot);
        if (block.blocked()) {
            return;
        }
        if (block.unknown()) {
            results.unknown(
                    bucket.arn(),
                    "the ACL is " + acl + ", but " + block.unknownReason().orElseThrow());
            return;
        }
        fixedBySetting(
                results,
                bucket,
                "bucket " + bucket.name() + " has ACL " + acl + ": " + consequence,
                "acl",
                acl,
                "private",
                "private",
                "private");
    }

    static final class Write extends PublicAclCheck {
        static final CheckRule RULE = new CheckRule(
                "OSS-BUCKET-ACL-PUBLIC-WRITE",
                Severity.CRITICAL,
                "Bucket ACL lets anyone write",
                "A public-read-write bucket lets anyone on the internet upload, overwrite and delete objects, and you "
                        + "pay for the storage and traffic. Set the ACL to private and grant access with RAM policies, "
                        + "a bucket policy naming the principals, or signed URLs.",
                Optional.of("5.1"),
                Optional.of("oss-bucket-public-write-prohibited"));

        Write() {
            super(RULE, "public-read-write", "anyone on the internet can upload, overwrite and delete objects");
        }
    }

    static final class Read extends PublicAclCheck {
        static final CheckRule RULE = new CheckRule(
                "OSS-BUCKET-ACL-PUBLIC-READ",
                Severity.HIGH,
                "Bucket ACL lets anyone read",
                "A public-read bucket lets anyone on the internet download every object. Set the ACL to private and "
                        + "serve public content through a CDN with private origin authentication or signed URLs.",
                Optional.of("5.1"),
                Optional.of("oss-bucket-public-read-prohibited"));

        Read() {
            super(RULE, "public-read", "anyone on the internet can read every object");
        }
    }
}
