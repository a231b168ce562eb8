package dev.ossops.emulator.service;

import dev.ossops.policy.AclPermission;
import dev.ossops.policy.OssAction;

/** What an operation needs from an ACL; policies are decided on the action itself. */
public enum Permission {
    /** Reading objects and listing: public-read and public-read-write ACLs allow it to everyone. */
    READ,
    /** Writing and deleting objects: only public-read-write allows it to everyone. */
    WRITE,
    /** Bucket administration (ACLs, configurations, deleting the bucket): never granted by an ACL. */
    OWNER;

    /** What the canned ACLs must grant for {@code action}: the one table in {@link AclPermission}. */
    public static Permission of(OssAction action) {
        return valueOf(AclPermission.of(action).name());
    }
}
