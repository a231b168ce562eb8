package dev.ossops.emulator.service;

import dev.ossops.emulator.store.BucketRecord;
import dev.ossops.emulator.store.DiskStore;
import dev.ossops.emulator.store.KeyRecord;
import dev.ossops.emulator.store.ObjectVersion;
import org.jspecify.annotations.Nullable;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * How a new version or delete marker joins a key's history under the bucket's versioning state:
 * unversioned buckets keep one "null" version, Enabled buckets add a version with a fresh id,
 * Suspended buckets replace the "null" version. Returns the blobs no longer referenced.
 */
final class Versions {
    static final String NULL = "null";
    private final SecureRandom random = new SecureRandom();

    String newId(BucketRecord bucket) {
        if (!"Enabled".equals(bucket.versioning())) {
            return NULL;
        }
        byte[] bytes = new byte[45];
        random.nextBytes(bytes);
        // Opaque and URL-safe; 64 characters like the ids OSS hands out (the official SDK's
        // ObjectVersionTest checks the length), with the "CAEQ" start OSS's ids have.
        return "CAEQ" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Adds {@code version} as the newest of {@code key}; must run inside {@link DiskStore#atomically}. */
    List<String> add(DiskStore store, BucketRecord bucket, String key, ObjectVersion version) {
        List<ObjectVersion> versions = new ArrayList<>(
                store.key(bucket.name(), key).map(KeyRecord::versions).orElse(List.of()));
        List<String> orphaned = new ArrayList<>();
        if (bucket.versioning() == null) {
            versions.forEach(v -> collect(v, orphaned));
            versions.clear();
        } else if (NULL.equals(version.versionId())) {
            versions.removeIf(v -> {
                if (NULL.equals(v.versionId())) {
                    collect(v, orphaned);
                    return true;
                }
                return false;
            });
        }
        versions.add(0, version);
        store.putKey(bucket.name(), new KeyRecord(key, versions));
        return orphaned;
    }

    /** Removes one version permanently; returns it if it existed. */
    @Nullable
    ObjectVersion remove(DiskStore store, BucketRecord bucket, String key, String versionId) {
        KeyRecord record = store.key(bucket.name(), key).orElse(null);
        if (record == null) {
            return null;
        }
        ObjectVersion removed = record.version(versionId).orElse(null);
        if (removed != null) {
            List<ObjectVersion> rest = new ArrayList<>(record.versions());
            rest.remove(removed);
            store.putKey(bucket.name(), new KeyRecord(key, rest));
        }
        return removed;
    }

    private static void collect(ObjectVersion v, List<String> orphaned) {
        if (v.blob() != null) {
            orphaned.add(v.blob());
        }
    }
}
