package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.BucketState;
import dev.ossops.audit.Observed;
import dev.ossops.policy.AccessLevel;
import dev.ossops.policy.AnonymousAccess;
import dev.ossops.policy.PolicyAudit;
import dev.ossops.policy.PolicyDocument;
import dev.ossops.policy.PolicyParseException;
import dev.ossops.policy.PolicyParser;
import dev.ossops.policy.PolicyType;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What makes a bucket public, and whether Block Public Access neutralises it. */
final class Exposure {
    static final Set<AccessLevel> WRITE_LEVELS =
            EnumSet.of(AccessLevel.WRITE, AccessLevel.PERMISSIONS_MANAGEMENT, AccessLevel.CONFIGURATION);
    static final Set<AccessLevel> READ_LEVELS = EnumSet.of(AccessLevel.READ, AccessLevel.LIST);

    private Exposure() {}

    /** Block Public Access in force for a bucket: by the bucket's own setting, the account's, neither, or unknown. */
    record Block(Optional<String> blockedBy, Optional<String> unknownReason) {
        boolean blocked() {
            return blockedBy.isPresent();
        }

        boolean unknown() {
            return unknownReason.isPresent();
        }
    }

    /**
     * OSS ignores public ACLs and public bucket-policy grants while Block Public Access is on for the bucket or the
     * account ("Block Public Access"); either switch on is enough, so an unreadable one matters only when the other
     * is off.
     */
    static Block block(BucketState bucket, AuditSnapshot snapshot) {
        if (bucket.blockPublicAccess().value().orElse(false)) {
            return new Block(Optional.of("bucket"), Optional.empty());
        }
        if (snapshot.accountBlockPublicAccess().value().orElse(false)) {
            return new Block(Optional.of("account"), Optional.empty());
        }
        Optional<String> reason = bucket.blockPublicAccess()
                .unreadableReason()
                .map(r -> "Block Public Access of the bucket could not be read: " + r)
                .or(() -> snapshot.accountBlockPublicAccess()
                        .unreadableReason()
                        .map(r -> "Block Public Access of the account could not be read: " + r));
        return new Block(Optional.empty(), reason);
    }

    /**
     * What the bucket policy lets anonymous callers do: found (possibly granting nothing), absent (no policy), or
     * unreadable (not read, or not a valid policy).
     */
    static Observed<AnonymousAccess> anonymousAccess(BucketState bucket) {
        if (bucket.policy() instanceof Observed.Unreadable<String> u) {
            return Observed.unreadable("the bucket policy could not be read: " + u.reason());
        }
        Optional<String> json = bucket.policy().value();
        if (json.isEmpty()) {
            return Observed.absent();
        }
        Observed<PolicyDocument> policy = parse(json.get(), PolicyType.BUCKET);
        return policy.value()
                .<Observed<AnonymousAccess>>map(p -> Observed.found(PolicyAudit.anonymousAccess(p, bucket.name())))
                .orElseGet(() -> Observed.unreadable(
                        "the bucket policy " + policy.unreadableReason().orElseThrow()));
    }

    /** The parsed policy, or unreadable with the parser's message (it names the element at fault, never secrets). */
    static Observed<PolicyDocument> parse(String json, PolicyType type) {
        try {
            return Observed.found(PolicyParser.parse(json, type));
        } catch (PolicyParseException e) {
            return Observed.unreadable("is not a valid " + type.label() + ": " + e.getMessage());
        }
    }

    static boolean publicAcl(String acl) {
        return acl.equals("public-read") || acl.equals("public-read-write");
    }

    /** private/default 0, public-read 1, public-read-write 2. */
    static int aclRank(String acl) {
        return switch (acl) {
            case "public-read-write" -> 2;
            case "public-read" -> 1;
            default -> 0;
        };
    }

    static boolean grantsAny(AnonymousAccess access, Set<AccessLevel> levels) {
        return access.levels().stream().anyMatch(levels::contains);
    }
}
