package dev.ossops.cloud.oss;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.ListVersionsRequest;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.OSSVersionSummary;
import com.aliyun.oss.model.ObjectListing;
import com.aliyun.oss.model.VersionListing;
import dev.ossops.cloud.Retry;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Bounded object inventories for expiration impact: at most {@code limit} objects (or versions) are examined, so a
 * plan against a huge bucket stays quick; the result says when the listing stopped early.
 */
public final class BucketObjects {
    private static final int PAGE = 1000;

    private final Function<String, OSS> clients;
    private final Retry retry;

    BucketObjects(Function<String, OSS> clients, Retry retry) {
        this.clients = clients;
        this.retry = retry;
    }

    /**
     * Current objects under {@code prefix} last modified at least {@code minAgeDays} before {@code now} and, when
     * {@code modifiedBefore} is present, before that instant.
     */
    public Inventory current(
            OssBucket b, String prefix, long minAgeDays, Optional<Instant> modifiedBefore, Instant now, long limit) {
        Instant cutoff = now.minus(Duration.ofDays(minAgeDays));
        long examined = 0;
        long count = 0;
        long bytes = 0;
        String marker = null;
        while (true) {
            int page = (int) Math.min(PAGE, limit - examined);
            if (page <= 0) {
                return new Inventory(count, bytes, true, limit);
            }
            ListObjectsRequest request = new ListObjectsRequest(b.name())
                    .withPrefix(prefix)
                    .withMaxKeys(page)
                    .withMarker(marker)
                    .withEncodingType(ListingEncoding.URL);
            ObjectListing listing = retry.call(
                    "ListObjects " + b.name() + "/" + prefix,
                    () -> clients.apply(b.region()).listObjects(request));
            for (OSSObjectSummary o : listing.getObjectSummaries()) {
                examined++;
                Instant modified = o.getLastModified().toInstant();
                if (!modified.isAfter(cutoff)
                        && modifiedBefore.map(modified::isBefore).orElse(true)) {
                    count++;
                    bytes += o.getSize();
                }
            }
            if (!listing.isTruncated()) {
                return new Inventory(count, bytes, false, limit);
            }
            marker = ListingEncoding.decode(listing.getNextMarker());
        }
    }

    /**
     * Versions under {@code prefix} (keys, markers: the SDK decodes this listing's URL encoding) that have been noncurrent for at least {@code minAgeDays}: a version becomes
     * noncurrent when the next newer version of its key is written, which the listing gives (newest first per key).
     */
    public Inventory noncurrent(OssBucket b, String prefix, long minAgeDays, Instant now, long limit) {
        Instant cutoff = now.minus(Duration.ofDays(minAgeDays));
        long examined = 0;
        long count = 0;
        long bytes = 0;
        String keyMarker = null;
        String versionMarker = null;
        String previousKey = null;
        Instant supersededAt = null;
        while (true) {
            int page = (int) Math.min(PAGE, limit - examined);
            if (page <= 0) {
                return new Inventory(count, bytes, true, limit);
            }
            ListVersionsRequest request = new ListVersionsRequest()
                    .withBucketName(b.name())
                    .withPrefix(prefix)
                    .withMaxResults(page)
                    .withKeyMarker(keyMarker)
                    .withVersionIdMarker(versionMarker)
                    .withEncodingType(ListingEncoding.URL);
            VersionListing listing = retry.call(
                    "ListObjectVersions " + b.name() + "/" + prefix,
                    () -> clients.apply(b.region()).listVersions(request));
            for (OSSVersionSummary v : listing.getVersionSummaries()) {
                examined++;
                if (!v.getKey().equals(previousKey)) {
                    previousKey = v.getKey();
                    supersededAt = null;
                }
                if (!v.isLatest() && supersededAt != null && !supersededAt.isAfter(cutoff) && !v.isDeleteMarker()) {
                    count++;
                    bytes += v.getSize();
                }
                supersededAt = v.getLastModified().toInstant();
            }
            if (!listing.isTruncated()) {
                return new Inventory(count, bytes, false, limit);
            }
            keyMarker = listing.getNextKeyMarker();
            versionMarker = listing.getNextVersionIdMarker();
        }
    }
}
