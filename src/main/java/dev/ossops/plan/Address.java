package dev.ossops.plan;

import java.util.Objects;

/**
 * A stable resource address. {@code owner} is the bucket, role/user, or CDN domain the address belongs to;
 * {@code name} is the replication rule or the attached policy (empty otherwise). The text form is documented in
 * docs/plan-format.md and never changes within a format version.
 */
public record Address(Kind kind, String owner, String name) implements Comparable<Address> {

    /** What the address names; the text form is {@code prefix + owner + suffix (+ "." + name)}. */
    public enum Kind {
        BUCKET("bucket.", ""),
        ACL("bucket.", ".acl"),
        VERSIONING("bucket.", ".versioning"),
        ENCRYPTION("bucket.", ".encryption"),
        BLOCK_PUBLIC_ACCESS("bucket.", ".block_public_access"),
        CORS("bucket.", ".cors"),
        LIFECYCLE("bucket.", ".lifecycle"),
        POLICY("bucket.", ".policy"),
        TAGS("bucket.", ".tags"),
        LOGGING("bucket.", ".logging"),
        REFERER("bucket.", ".referer"),
        /** Read unit: every replication rule of a bucket. Changes are per rule. */
        REPLICATION("bucket.", ".replication"),
        REPLICATION_RULE("bucket.", ".replication"),
        RAM_POLICY("ram.policy.", ""),
        RAM_ROLE("ram.role.", ""),
        RAM_USER("ram.user.", ""),
        /** Read unit: the policies attached to a role. */
        ROLE_ATTACHMENTS("ram.attachments.role.", ""),
        /** Read unit: the policies attached to a user. */
        USER_ATTACHMENTS("ram.attachments.user.", ""),
        ROLE_ATTACHMENT("ram.attachment.role.", ""),
        USER_ATTACHMENT("ram.attachment.user.", ""),
        CDN_DOMAIN("cdn.domain.", ""),
        CDN_PRIVATE_OSS_AUTH("cdn.domain.", ".private_oss_auth"),
        CDN_HTTPS("cdn.domain.", ".https"),
        CDN_CACHE_TTL("cdn.domain.", ".cache_ttl"),
        /** An access assertion of the profile (never changed by apply; plan errors name it). */
        ACCESS("access.", "");

        private final String prefix;
        private final String suffix;

        Kind(String prefix, String suffix) {
            this.prefix = prefix;
            this.suffix = suffix;
        }

        boolean named() {
            return this == REPLICATION_RULE || this == ROLE_ATTACHMENT || this == USER_ATTACHMENT;
        }
    }

    public Address {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        if (kind.named() == name.isEmpty()) {
            throw new IllegalArgumentException(kind + (name.isEmpty() ? " needs a name" : " takes no name"));
        }
    }

    public static Address of(Kind kind, String owner) {
        return new Address(kind, owner, "");
    }

    public static Address of(Kind kind, String owner, String name) {
        return new Address(kind, owner, name);
    }

    /** The bucket, role, user or CDN domain this address is part of (itself for those). */
    public Address parent() {
        return switch (kind) {
            case BUCKET, RAM_POLICY, RAM_ROLE, RAM_USER, CDN_DOMAIN -> this;
            case ROLE_ATTACHMENTS, ROLE_ATTACHMENT -> of(Kind.RAM_ROLE, owner);
            case USER_ATTACHMENTS, USER_ATTACHMENT -> of(Kind.RAM_USER, owner);
            case CDN_PRIVATE_OSS_AUTH, CDN_HTTPS, CDN_CACHE_TTL -> of(Kind.CDN_DOMAIN, owner);
            default -> of(Kind.BUCKET, owner);
        };
    }

    @Override
    public String toString() {
        return kind.prefix + owner + kind.suffix + (name.isEmpty() ? "" : "." + name);
    }

    @Override
    public int compareTo(Address o) {
        return toString().compareTo(o.toString());
    }
}
