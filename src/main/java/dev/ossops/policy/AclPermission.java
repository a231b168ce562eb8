package dev.ossops.policy;

import java.util.Optional;

/**
 * What an OSS operation needs from a canned ACL (OSS "Bucket ACL" and "Object ACL"): reading objects
 * and listing are granted to everyone by {@code public-read} and {@code public-read-write}; writing
 * and deleting objects only by {@code public-read-write}; administration never by an ACL. Policies are
 * decided on the action itself; this is the layer under them.
 */
public enum AclPermission {
    READ,
    WRITE,
    OWNER;

    public static final String PRIVATE = "private";
    public static final String PUBLIC_READ = "public-read";
    public static final String PUBLIC_READ_WRITE = "public-read-write";
    /** An object ACL that defers to the bucket's. */
    public static final String DEFAULT = "default";

    /** What the canned ACLs must grant for {@code action}. */
    public static AclPermission of(OssAction action) {
        return switch (action) {
            case LIST_OBJECTS, LIST_OBJECT_VERSIONS, LIST_MULTIPART_UPLOADS, GET_OBJECT, GET_OBJECT_VERSION -> READ;
            case PUT_OBJECT, DELETE_OBJECT, DELETE_OBJECT_VERSION, LIST_PARTS, ABORT_MULTIPART_UPLOAD -> WRITE;
            default -> OWNER;
        };
    }

    /** Whether the canned {@code acl} grants this permission to everyone, anonymous callers included. */
    public boolean grantedBy(String acl) {
        return switch (this) {
            case READ -> isPublic(acl);
            case WRITE -> PUBLIC_READ_WRITE.equals(acl);
            case OWNER -> false;
        };
    }

    /** {@code public-read} or {@code public-read-write}. */
    public static boolean isPublic(String acl) {
        return PUBLIC_READ.equals(acl) || PUBLIC_READ_WRITE.equals(acl);
    }

    /** The ACL in force for an object: its own, or the bucket's when the object's is {@code default} or there is no object. */
    public static String effective(String bucketAcl, Optional<String> objectAcl) {
        return objectAcl.filter(acl -> !DEFAULT.equals(acl)).orElse(bucketAcl);
    }
}
