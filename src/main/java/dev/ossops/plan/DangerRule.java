package dev.ossops.plan;

/** Changes that can lose data or open access; apply refuses them without --allow-destructive. */
public enum DangerRule {
    CREATE_ONLY_CHANGED(
            "create-only-changed", "a create-only property differs live; only replacing the resource would change it"),
    EXPIRATION_ADDED("expiration-added", "a lifecycle rule adds or shortens an Expiration: objects will be deleted"),
    NONCURRENT_EXPIRATION_ADDED(
            "noncurrent-expiration-added",
            "a lifecycle rule adds or shortens a NoncurrentVersionExpiration: old versions will be deleted"),
    VERSIONING_SUSPENDED(
            "versioning-suspended", "suspending versioning: overwritten and deleted objects are no longer kept"),
    ACL_PUBLIC("acl-public", "the bucket ACL becomes public"),
    POLICY_PUBLIC("policy-public", "the bucket policy grants access to everyone"),
    BLOCK_PUBLIC_ACCESS_REMOVED(
            "block-public-access-removed", "Block Public Access is removed: public ACLs and policies take effect"),
    REPLICATION_DELETED(
            "replication-deleted",
            "a replication rule is deleted: new objects are no longer copied to the destination"),
    SELF_LOCKOUT(
            "self-lockout",
            "the bucket policy denies ossops's own caller over its own connection: the owner is locked out");

    private final String id;
    private final String summary;

    DangerRule(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public String summary() {
        return summary;
    }
}
