package dev.ossops.emulator.service;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.store.BucketRecord;
import dev.ossops.emulator.store.ObjectVersion;

/**
 * ACL-based authorisation. The account's root may do everything; anyone else (anonymous callers
 * today, RAM principals once bucket and RAM policies are evaluated) gets what the object ACL, or
 * when it is {@code default} the bucket ACL, grants. Every check names the {@link OssAction} and
 * the resource, which is what policy evaluation needs.
 */
public final class AccessControl {
    private final String accountId;

    public AccessControl(String accountId) {
        this.accountId = accountId;
    }

    public void checkBucket(Caller caller, BucketRecord bucket, OssAction action) {
        if (!allowed(caller, bucket.acl(), action.permission())) {
            throw denied(caller);
        }
    }

    /** {@code object} is null when the key has no such version; then the bucket ACL decides. */
    public void checkObject(Caller caller, BucketRecord bucket, String key, ObjectVersion object, OssAction action) {
        String acl = object == null || "default".equals(object.acl()) ? bucket.acl() : object.acl();
        if (!allowed(caller, acl, action.permission())) {
            throw denied(caller);
        }
    }

    /** Operations on the account itself (ListBuckets, PutBucket). */
    public void checkAccount(Caller caller, OssAction action) {
        if (!isOwner(caller)) {
            throw caller.isAnonymous() ? new OssException(OssError.ANONYMOUS_DENIED) : new OssException(OssError.ACCESS_DENIED);
        }
    }

    private boolean allowed(Caller caller, String acl, Permission permission) {
        if (isOwner(caller)) {
            return true;
        }
        return switch (permission) {
            case READ -> "public-read".equals(acl) || "public-read-write".equals(acl);
            case WRITE -> "public-read-write".equals(acl);
            case OWNER -> false;
        };
    }

    private boolean isOwner(Caller caller) {
        return caller.principal().map(p -> p.root() && p.accountId().equals(accountId)).orElse(false);
    }

    private static OssException denied(Caller caller) {
        return new OssException(OssError.ACCESS_DENIED);
    }
}
