package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.BucketState;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Severity;
import dev.ossops.spec.model.Bucket;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cross-region replication into a destination that protects the copies less than the source protects the
 * originals: a more public ACL, versioning off, or no default encryption.
 */
final class ReplicationCheck extends BucketCheck {
    static final CheckRule RULE = new CheckRule(
            "OSS-REPLICATION-DESTINATION-WEAKER",
            Severity.MEDIUM,
            "Replication destination is weaker than its source",
            "Replicated objects are only as safe as the destination bucket: a public ACL there exposes the copies, "
                    + "versioning off there loses overwritten data, no encryption there stores them unencrypted. Give "
                    + "the destination at least the source's settings.",
            Optional.empty(),
            Optional.empty());

    ReplicationCheck() {
        super(RULE);
    }

    @Override
    void evaluate(BucketState source, AuditSnapshot snapshot, Results results) {
        if (results.unreadable(source.arn(), "the replication configuration", source.replication())) {
            return;
        }
        for (Bucket.ReplicationRule rule : source.replication().value().orElse(List.of())) {
            Optional<BucketState> destination = snapshot.bucket(rule.destinationBucket());
            if (destination.isEmpty()) {
                results.unknown(
                        "acs:oss:*:*:" + rule.destinationBucket(),
                        "replication rule " + rule.name() + " of " + source.name() + " writes to "
                                + rule.destinationBucket() + ", which was not audited");
                continue;
            }
            compareAcl(source, destination.get(), rule, snapshot, results);
            compareVersioning(source, destination.get(), rule, results);
            compareEncryption(source, destination.get(), rule, results);
        }
    }

    private static void compareAcl(
            BucketState source,
            BucketState destination,
            Bucket.ReplicationRule rule,
            AuditSnapshot snapshot,
            Results results) {
        if (results.unreadable(destination.arn(), "the ACL of " + source.name(), source.acl())
                || results.unreadable(destination.arn(), "the ACL of " + destination.name(), destination.acl())) {
            return;
        }
        String sourceAcl = source.acl().value().orElseThrow();
        String destinationAcl = destination.acl().value().orElseThrow();
        if (Exposure.aclRank(destinationAcl) <= Exposure.aclRank(sourceAcl)) {
            return;
        }
        Exposure.Block block = Exposure.block(destination, snapshot);
        if (block.blocked()) {
            return;
        }
        if (block.unknown()) {
            results.unknown(
                    destination.arn(),
                    "the ACL of " + destination.name() + " is " + destinationAcl + ", but "
                            + block.unknownReason().orElseThrow());
            return;
        }
        weaker(source, destination, rule, results, "acl", destinationAcl, sourceAcl, sourceAcl, sourceAcl);
    }

    private static void compareVersioning(
            BucketState source, BucketState destination, Bucket.ReplicationRule rule, Results results) {
        if (!source.versioning().value().map("Enabled"::equals).orElse(false)) {
            return;
        }
        if (results.unreadable(
                destination.arn(), "the versioning status of " + destination.name(), destination.versioning())) {
            return;
        }
        String status = destination.versioning().value().orElse("never enabled");
        if (!status.equals("Enabled")) {
            weaker(source, destination, rule, results, "versioning", status, "Enabled", "Enabled", "Enabled");
        }
    }

    private static void compareEncryption(
            BucketState source, BucketState destination, Bucket.ReplicationRule rule, Results results) {
        Optional<Bucket.Encryption> encryption = source.encryption().value();
        if (encryption.isEmpty()) {
            return;
        }
        if (results.unreadable(
                        destination.arn(),
                        "the encryption configuration of " + destination.name(),
                        destination.encryption())
                || destination.encryption().value().isPresent()) {
            return;
        }
        // A KMS key belongs to one region, so the fix names the algorithm only (OSS then uses its managed key).
        String algorithm = encryption.get().algorithm();
        weaker(
                source,
                destination,
                rule,
                results,
                "encryption",
                "none",
                algorithm,
                "{algorithm: " + algorithm + "}",
                Map.of("algorithm", algorithm));
    }

    private static void weaker(
            BucketState source,
            BucketState destination,
            Bucket.ReplicationRule rule,
            Results results,
            String key,
            String actual,
            String expected,
            String yaml,
            Object value) {
        fixedBySetting(
                results,
                destination,
                "replication rule " + rule.name() + " copies " + source.name() + " into " + destination.name()
                        + ", whose " + key + " is " + actual + " (source: " + expected + ")",
                key,
                actual,
                expected,
                yaml,
                value);
    }
}
