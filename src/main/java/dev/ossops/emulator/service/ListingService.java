package dev.ossops.emulator.service;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.store.BucketRecord;
import dev.ossops.emulator.store.DiskStore;
import dev.ossops.emulator.store.KeyRecord;
import dev.ossops.emulator.store.ObjectVersion;
import dev.ossops.policy.OssAction;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ListObjects, ListObjectsV2 and ListObjectVersions: keys in order after a marker, filtered by
 * prefix, rolled up into common prefixes at the delimiter; keys and prefixes both count
 * against max-keys, as in OSS.
 */
public final class ListingService {
    private final DiskStore store;
    private final BucketService buckets;
    private final Clock clock;

    public ListingService(ServiceContext context, BucketService buckets) {
        this.store = context.store();
        this.clock = context.clock();
        this.buckets = buckets;
    }

    /**
     * One listed entry: an object version, or a common prefix (version null), with where a restore
     * of the version stands at listing time (null when none), which OSS lists as RestoreInfo.
     */
    public record Entry(
            String key,
            ObjectVersion version,
            boolean latest,
            @Nullable RestoreStatus restore) {
        public boolean isPrefix() {
            return version == null;
        }
    }

    /** A page of results; {@code nextMarker} is the last key or prefix returned when truncated. */
    /** One page of a listing; {@code owner} is the bucket's account, which the listing shows as every entry's Owner. */
    public record Page(
            List<Entry> objects,
            List<String> prefixes,
            boolean truncated,
            @Nullable String nextMarker,
            @Nullable String nextVersionIdMarker,
            String owner) {}

    public static int maxKeys(@Nullable String value, int limit) {
        if (value == null) {
            return 100;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 0 && n <= limit) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the OSS error below
        }
        throw new OssException(
                OssError.INVALID_ARGUMENT,
                "max-keys must be between 0 and " + limit + ".",
                Map.of("ArgumentName", "max-keys", "ArgumentValue", value));
    }

    public Page list(
            Caller caller,
            String bucketName,
            @Nullable String prefix,
            @Nullable String delimiter,
            @Nullable String marker,
            int maxKeys) {
        BucketRecord bucket = buckets.get(caller, bucketName, OssAction.LIST_OBJECTS);
        long now = clock.millis();
        String p = prefix == null ? "" : prefix;
        List<Entry> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String last = null;
        boolean truncated = false;
        for (KeyRecord record : store.keys(bucketName)
                .tailMap(marker == null ? "" : marker, false)
                .values()) {
            String key = record.key();
            if (!key.startsWith(p)) {
                if (key.compareTo(p) > 0) {
                    break;
                }
                continue;
            }
            if (record.current().isEmpty()) {
                continue;
            }
            String common = commonPrefix(key, p, delimiter);
            if (common != null
                    && ((last != null && last.equals(common)) || (marker != null && marker.startsWith(common)))) {
                continue;
            }
            if (objects.size() + prefixes.size() >= maxKeys) {
                truncated = true;
                break;
            }
            if (common != null) {
                prefixes.add(common);
                last = common;
            } else {
                objects.add(new Entry(
                        key,
                        record.current().get(),
                        true,
                        RestoreStatus.at(record.current().get().restore(), now)));
                last = key;
            }
        }
        return new Page(objects, prefixes, truncated, truncated ? last : null, null, bucket.owner());
    }

    public Page listVersions(
            Caller caller,
            String bucketName,
            @Nullable String prefix,
            @Nullable String delimiter,
            @Nullable String keyMarker,
            @Nullable String versionIdMarker,
            int maxKeys) {
        BucketRecord bucket = buckets.get(caller, bucketName, OssAction.LIST_OBJECT_VERSIONS);
        long now = clock.millis();
        String p = prefix == null ? "" : prefix;
        List<Entry> entries = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String lastKey = null;
        String lastVersion = null;
        boolean truncated = false;
        boolean inclusive = keyMarker != null && versionIdMarker != null;
        outer:
        for (KeyRecord record : store.keys(bucketName)
                .tailMap(keyMarker == null ? "" : keyMarker, inclusive)
                .values()) {
            String key = record.key();
            if (!key.startsWith(p)) {
                if (key.compareTo(p) > 0) {
                    break;
                }
                continue;
            }
            String common = commonPrefix(key, p, delimiter);
            if (common != null) {
                if (common.equals(lastKey) || (keyMarker != null && keyMarker.startsWith(common))) {
                    continue;
                }
                if (entries.size() + prefixes.size() >= maxKeys) {
                    truncated = true;
                    break;
                }
                prefixes.add(common);
                lastKey = common;
                lastVersion = null;
                continue;
            }
            boolean skipping = inclusive && key.equals(keyMarker);
            for (int i = 0; i < record.versions().size(); i++) {
                ObjectVersion v = record.versions().get(i);
                if (skipping) {
                    skipping = !v.versionId().equals(versionIdMarker);
                    continue;
                }
                if (entries.size() + prefixes.size() >= maxKeys) {
                    truncated = true;
                    break outer;
                }
                entries.add(new Entry(key, v, i == 0, RestoreStatus.at(v.restore(), now)));
                lastKey = key;
                lastVersion = v.versionId();
            }
        }
        return new Page(
                entries,
                prefixes,
                truncated,
                truncated ? lastKey : null,
                truncated ? lastVersion : null,
                bucket.owner());
    }

    private static @Nullable String commonPrefix(String key, String prefix, @Nullable String delimiter) {
        if (delimiter == null || delimiter.isEmpty()) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }
}
