package dev.ossops.emulator.service;

import dev.ossops.checksum.Crc64;
import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.store.BucketRecord;
import dev.ossops.emulator.store.DiskStore;
import dev.ossops.emulator.store.PartRecord;
import dev.ossops.emulator.store.StagedBlob;
import dev.ossops.emulator.store.UploadRecord;
import dev.ossops.policy.OssAction;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Supplier;

/** Multipart uploads: initiate, parts (uploaded or copied), complete, abort and the listings. */
public final class MultipartService {
    /** Every part but the last must be at least 100 KB (OSS's documented minimum). */
    public static final long MIN_PART_SIZE = 100 * 1024;
    public static final int MAX_PART_NUMBER = 10000;

    private final DiskStore store;
    private final AccessControl access;
    private final BucketService buckets;
    private final ObjectService objects;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public MultipartService(DiskStore store, AccessControl access, BucketService buckets, ObjectService objects, Clock clock) {
        this.store = store;
        this.access = access;
        this.buckets = buckets;
        this.objects = objects;
        this.clock = clock;
    }

    public UploadRecord initiate(Caller caller, String bucketName, String key, ObjectWrite write) {
        Names.checkKey(key);
        BucketRecord bucket = buckets.require(bucketName);
        // OSS authorises InitiateMultipartUpload, UploadPart and Complete as oss:PutObject.
        access.checkObject(caller, bucket, key, null, OssAction.PUT_OBJECT);
        if (write.acl() != null) {
            Names.checkAcl(write.acl(), true);
        }
        if (write.storageClass() != null) {
            Names.checkStorageClass(write.storageClass());
        }
        byte[] id = new byte[16];
        random.nextBytes(id);
        UploadRecord upload = new UploadRecord(HexFormat.of().withUpperCase().formatHex(id), key, clock.millis(),
                write.storageClass(), write.acl(), write.headers(), write.userMeta(), write.tags());
        store.atomically(() -> {
            buckets.require(bucketName);
            store.putUpload(bucketName, upload);
            return null;
        });
        return upload;
    }

    public PartRecord uploadPart(Caller caller, String bucketName, String key, String uploadId, String partNumber,
                                 InputStream body, String contentMd5) {
        int number = partNumber(partNumber);
        require(caller, bucketName, key, uploadId, OssAction.PUT_OBJECT);
        StagedBlob staged = store.stage(body);
        return commitPart(bucketName, key, uploadId, number, staged, contentMd5);
    }

    public PartRecord uploadPartCopy(Caller caller, String bucketName, String key, String uploadId, String partNumber,
                                     String sourceBucket, String sourceKey, String sourceVersionId, String sourceRange,
                                     Conditions conditions) {
        int number = partNumber(partNumber);
        require(caller, bucketName, key, uploadId, OssAction.PUT_OBJECT);
        ObjectRead source = objects.read(caller, sourceBucket, sourceKey, sourceVersionId, conditions, null);
        ByteRange range = sourceRange == null ? null : ByteRange.parse(sourceRange, source.version().size());
        if (sourceRange != null && range == null) {
            throw new OssException(OssError.INVALID_ARGUMENT, "The x-oss-copy-source-range is invalid.");
        }
        Supplier<InputStream> content = range == null ? source.content() : () -> RangeStreams.slice(source.content().get(), range);
        StagedBlob staged = store.stage(List.of(content));
        return commitPart(bucketName, key, uploadId, number, staged, null);
    }

    private PartRecord commitPart(String bucketName, String key, String uploadId, int number, StagedBlob staged, String contentMd5) {
        boolean committed = false;
        try {
            ObjectService.checkDigestOf(contentMd5, staged.md5());
            PartRecord part = new PartRecord(number, ObjectService.etag(staged.md5()), staged.size(), Crc64.format(staged.crc64()),
                    clock.millis());
            store.atomically(() -> {
                requireUpload(bucketName, key, uploadId);
                store.putPart(bucketName, uploadId, part, staged);
                return null;
            });
            committed = true;
            return part;
        } finally {
            if (!committed) {
                store.discard(staged);
            }
        }
    }

    /** One entry of the CompleteMultipartUpload part list. */
    public record CompletedPart(int number, String etag) {
    }

    public ObjectService.Written complete(Caller caller, String bucketName, String key, String uploadId, List<CompletedPart> list) {
        UploadRecord upload = require(caller, bucketName, key, uploadId, OssAction.PUT_OBJECT);
        NavigableMap<Integer, PartRecord> uploaded = store.parts(bucketName, uploadId);
        if (list.isEmpty()) {
            throw new OssException(OssError.MALFORMED_XML);
        }
        List<PartRecord> chosen = new ArrayList<>();
        int previous = 0;
        for (CompletedPart p : list) {
            if (p.number() <= previous) {
                throw new OssException(OssError.INVALID_PART_ORDER);
            }
            previous = p.number();
            PartRecord part = uploaded.get(p.number());
            if (part == null || !part.etag().equals(Conditions.unquote(p.etag()))) {
                throw new OssException(OssError.INVALID_PART).with("PartNumber", Integer.toString(p.number()))
                        .with("ETag", p.etag());
            }
            chosen.add(part);
        }
        for (int i = 0; i < chosen.size() - 1; i++) {
            if (chosen.get(i).size() < MIN_PART_SIZE) {
                throw new OssException(OssError.ENTITY_TOO_SMALL).with("PartNumber", Integer.toString(chosen.get(i).number()))
                        .with("MinSizeAllowed", Long.toString(MIN_PART_SIZE)).with("ProposedSize", Long.toString(chosen.get(i).size()));
            }
        }
        // The object's ETag and CRC-64 come from the part records; the content is neither re-read nor re-hashed.
        MessageDigest md5 = md5();
        long crc = 0;
        for (PartRecord part : chosen) {
            md5.update(HexFormat.of().parseHex(part.etag()));
            crc = Crc64.combine(crc, Crc64.parse(part.crc64()), part.size());
        }
        String etag = ObjectService.etag(md5.digest()) + "-" + chosen.size();
        StagedBlob staged = store.concatenateParts(bucketName, uploadId, chosen, crc);
        ObjectWrite write = new ObjectWrite(upload.headers(), upload.userMeta(), upload.acl(), upload.storageClass(), upload.tags());
        boolean committed = false;
        try {
            ObjectService.Written written = objects.commit(bucketName, key, staged, write, "Multipart", etag, crc, false);
            committed = true;
            store.atomically(() -> {
                store.deleteUpload(bucketName, uploadId);
                return null;
            });
            return written;
        } finally {
            if (!committed) {
                store.discard(staged);
            }
        }
    }

    public void abort(Caller caller, String bucketName, String key, String uploadId) {
        require(caller, bucketName, key, uploadId, OssAction.ABORT_MULTIPART_UPLOAD);
        store.atomically(() -> {
            store.deleteUpload(bucketName, uploadId);
            return null;
        });
    }

    /** A page of ListParts. */
    public record PartPage(UploadRecord upload, List<PartRecord> parts, boolean truncated, int nextMarker) {
    }

    public PartPage listParts(Caller caller, String bucketName, String key, String uploadId, int marker, int maxParts) {
        UploadRecord upload = require(caller, bucketName, key, uploadId, OssAction.LIST_PARTS);
        List<PartRecord> all = new ArrayList<>(store.parts(bucketName, uploadId).tailMap(marker, false).values());
        boolean truncated = all.size() > maxParts;
        List<PartRecord> page = truncated ? all.subList(0, maxParts) : all;
        return new PartPage(upload, page, truncated, page.isEmpty() ? 0 : page.get(page.size() - 1).number());
    }

    /** A page of ListMultipartUploads. */
    public record UploadPage(List<UploadRecord> uploads, List<String> prefixes, boolean truncated, String nextKeyMarker,
                             String nextUploadIdMarker) {
    }

    public UploadPage listUploads(Caller caller, String bucketName, String prefix, String delimiter, String keyMarker,
                                  String uploadIdMarker, int maxUploads) {
        BucketRecord bucket = buckets.require(bucketName);
        access.checkBucket(caller, bucket, OssAction.LIST_MULTIPART_UPLOADS);
        String p = prefix == null ? "" : prefix;
        // Uploads of one key are listed in the order they were initiated; the markers name a position in that order.
        List<UploadRecord> all = store.uploads(bucketName).stream()
                .sorted(Comparator.comparing(UploadRecord::key).thenComparing(UploadRecord::initiated).thenComparing(UploadRecord::uploadId))
                .filter(u -> u.key().startsWith(p))
                .toList();
        int from = 0;
        if (keyMarker != null) {
            from = all.size();
            for (int i = 0; i < all.size(); i++) {
                UploadRecord u = all.get(i);
                if (u.key().compareTo(keyMarker) > 0) {
                    from = i;
                    break;
                }
                if (u.key().equals(keyMarker) && u.uploadId().equals(uploadIdMarker)) {
                    from = i + 1;
                    break;
                }
            }
        }
        List<UploadRecord> sorted = all.subList(from, all.size());
        List<UploadRecord> uploads = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String lastKey = null;
        String lastId = null;
        boolean truncated = false;
        for (UploadRecord u : sorted) {
            String common = null;
            if (delimiter != null && !delimiter.isEmpty()) {
                int at = u.key().indexOf(delimiter, p.length());
                common = at < 0 ? null : u.key().substring(0, at + delimiter.length());
            }
            if (common != null && common.equals(lastKey)) {
                continue;
            }
            if (uploads.size() + prefixes.size() >= maxUploads) {
                truncated = true;
                break;
            }
            if (common != null) {
                prefixes.add(common);
                lastKey = common;
                lastId = null;
            } else {
                uploads.add(u);
                lastKey = u.key();
                lastId = u.uploadId();
            }
        }
        return new UploadPage(uploads, prefixes, truncated, truncated ? lastKey : null, truncated ? lastId : null);
    }

    private UploadRecord require(Caller caller, String bucketName, String key, String uploadId, OssAction action) {
        BucketRecord bucket = buckets.require(bucketName);
        access.checkObject(caller, bucket, key, null, action);
        return requireUpload(bucketName, key, uploadId);
    }

    private UploadRecord requireUpload(String bucketName, String key, String uploadId) {
        buckets.require(bucketName);
        return store.upload(bucketName, uploadId).filter(u -> u.key().equals(key))
                .orElseThrow(() -> new OssException(OssError.NO_SUCH_UPLOAD, OssError.NO_SUCH_UPLOAD.defaultMessage(),
                        Map.of("UploadId", uploadId)));
    }

    private static int partNumber(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_PART_NUMBER) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below as OSS does
        }
        throw new OssException(OssError.INVALID_ARGUMENT, "Part number must be an integer between 1 and 10000, inclusive.",
                Map.of("ArgumentName", "partNumber", "ArgumentValue", String.valueOf(value)));
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }
}
