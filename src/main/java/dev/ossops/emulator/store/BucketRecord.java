package dev.ossops.emulator.store;

import org.jspecify.annotations.Nullable;

/**
 * A bucket as persisted in {@code bucket.json}.
 *
 * @param versioning null while the bucket was never versioned, then "Enabled" or "Suspended"
 */
public record BucketRecord(
        String name,
        String owner,
        long createdMillis,
        String region,
        String storageClass,
        String redundancy,
        String acl,
        @Nullable String versioning) {
    public BucketRecord withAcl(String newAcl) {
        return new BucketRecord(name, owner, createdMillis, region, storageClass, redundancy, newAcl, versioning);
    }

    public BucketRecord withVersioning(@Nullable String status) {
        return new BucketRecord(name, owner, createdMillis, region, storageClass, redundancy, acl, status);
    }
}
