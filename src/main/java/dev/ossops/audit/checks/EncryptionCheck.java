package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.BucketState;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Severity;

import java.util.Map;
import java.util.Optional;

/** No default server-side encryption on the bucket. */
final class EncryptionCheck extends BucketCheck {
    static final CheckRule RULE = new CheckRule(
            "OSS-BUCKET-ENCRYPTION-MISSING",
            Severity.MEDIUM,
            "Default server-side encryption is off",
            "Without default server-side encryption, objects uploaded without encryption headers are stored "
                    + "unencrypted. Set a default (AES256, KMS or SM4); it applies to new objects.",
            Optional.of("5.8"),
            Optional.of("oss-bucket-server-side-encryption-enabled"));

    EncryptionCheck() {
        super(RULE);
    }

    @Override
    void evaluate(BucketState bucket, AuditSnapshot snapshot, Results results) {
        if (results.unreadable(bucket.arn(), "the encryption configuration", bucket.encryption())
                || bucket.encryption().value().isPresent()) {
            return;
        }
        fixedBySetting(
                results,
                bucket,
                "bucket " + bucket.name() + " has no default server-side encryption",
                "encryption",
                "none",
                "AES256, KMS or SM4",
                "{algorithm: AES256}",
                Map.of("algorithm", "AES256"));
    }
}
