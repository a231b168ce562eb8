package dev.ossops.emulator.service;

import dev.ossops.policy.OssAction;

/** What an operation needs from an ACL; policies are decided on the action itself. */
public enum Permission {
    /** Reading objects and listing: public-read and public-read-write ACLs allow it to everyone. */
    READ,
    /** Writing and deleting objects: only public-read-write allows it to everyone. */
    WRITE,
    /** Bucket administration (ACLs, configurations, deleting the bucket): never granted by an ACL. */
    OWNER;

    /** What the canned ACLs must grant for {@code action} (OSS "Bucket ACL" and "Object ACL"). */
    public static Permission of(OssAction action) {
        return switch (action) {
            case LIST_OBJECTS, LIST_OBJECT_VERSIONS, LIST_MULTIPART_UPLOADS, GET_OBJECT, GET_OBJECT_VERSION -> READ;
            case PUT_OBJECT, DELETE_OBJECT, DELETE_OBJECT_VERSION, LIST_PARTS, ABORT_MULTIPART_UPLOAD -> WRITE;
            default -> OWNER;
        };
    }
}
