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
import org.jspecify.annotations.Nullable;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
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
    /** The time part of the last upload id handed out; ids of one emulator never repeat it. */
    private final AtomicLong lastIdStamp = new AtomicLong();

    public MultipartService(ServiceContext context, BucketService buckets, ObjectService objects) {
        this.store = context.store();
        this.access = context.access();
        this.clock = context.clock();
        this.buckets = buckets;
        this.objects = objects;
    }

    public UploadRecord initiate(Caller caller, String bucketName, String key, ObjectWrite write) {
        Names.checkKey(key);
        BucketRecord bucket = buckets.require(bucketName);
        // OSS authorises InitiateMultipartUpload, UploadPart and Complete as oss:PutObject.
        access.checkObjectWrite(caller, bucket, key, OssAction.PUT_OBJECT);
        if (write.acl() != null) {
            Names.checkAcl(write.acl(), true);
        }
        if (write.storageClass() != null) {
            Names.checkStorageClass(write.storageClass());
        }
        // The object's encryption is fixed here (InitiateMultipartUpload's answer and every
        // UploadPart's echo it), from the request or the bucket's default rule.
        ObjectWrite encrypted = objects.encrypted(bucketName, write);
        UploadRecord upload = new UploadRecord(
                newUploadId(),
                key,
                clock.millis(),
                encrypted.storageClass(),
                encrypted.acl(),
                encrypted.headers(),
                encrypted.userMeta(),
                encrypted.tags());
        store.atomically(() -> {
            buckets.require(bucketName);
            store.putUpload(bucketName, upload);
            return null;
        });
        return upload;
    }

    /**
     * A new upload id: 16 hex digits of a strictly increasing time stamp, then 16 random ones. OSS's
     * ids start with a time component too (its documented samples: 0004B999EF518A1F...), which
     * is what makes "uploads of one key in ascending order of upload id" (ListMultipartUploads)
     * the order they were initiated in.
     */
    private String newUploadId() {
        long stamp = lastIdStamp.accumulateAndGet(clock.millis() * 1000, (last, now) -> Math.max(last + 1, now));
        byte[] tail = new byte[8];
        random.nextBytes(tail);
        return String.format("%016X", stamp) + HexFormat.of().withUpperCase().formatHex(tail);
    }

    /** A part stored, with the upload it belongs to (whose encryption UploadPart's answer echoes). */
    public record StoredPart(PartRecord part, UploadRecord upload) {}

    public StoredPart uploadPart(
            Caller caller,
            String bucketName,
            String key,
            String uploadId,
            @Nullable String partNumber,
            InputStream body,
            @Nullable String contentMd5) {
        int number = partNumber(partNumber);
        UploadRecord upload = require(caller, bucketName, key, uploadId, OssAction.PUT_OBJECT);
        StagedBlob staged = store.stage(body);
        return new StoredPart(commitPart(bucketName, key, uploadId, number, staged, contentMd5), upload);
    }

    public StoredPart uploadPartCopy(
            Caller caller,
            String bucketName,
            String key,
            String uploadId,
            @Nullable String partNumber,
            String sourceBucket,
            String sourceKey,
            @Nullable String sourceVersionId,
            @Nullable String sourceRange,
            Conditions conditions) {
        int number = partNumber(partNumber);
        UploadRecord upload = require(caller, bucketName, key, uploadId, OssAction.PUT_OBJECT);
        if (sourceRange != null && !ByteRange.wellFormed(sourceRange)) {
            throw new OssException(OssError.INVALID_ARGUMENT, "The x-oss-copy-source-range is invalid.");
        }
        ObjectRead source = objects.read(caller, sourceBucket, sourceKey, sourceVersionId, conditions);
        // A range OSS cannot satisfy copies the whole object, as GetObject serves it by default (the
        // official SDK's UploadPartCopyTest copies bytes=size/2-(size*1.5-1) and gets every byte).
        ByteRange range = ByteRange.parse(sourceRange, source.version().size(), false);
        Supplier<InputStream> content = range == null
                ? source.content()
                : () -> RangeStreams.slice(source.content().get(), range);
        StagedBlob staged = store.stage(List.of(content));
        return new StoredPart(commitPart(bucketName, key, uploadId, number, staged, null), upload);
    }

    private PartRecord commitPart(
            String bucketName,
            String key,
            String uploadId,
            int number,
            StagedBlob staged,
            @Nullable String contentMd5) {
        boolean committed = false;
        try {
            ObjectService.checkDigestOf(contentMd5, staged.streamedMd5());
            PartRecord part = new PartRecord(
                    number,
                    ObjectService.etag(staged.streamedMd5()),
                    staged.size(),
                    Crc64.format(staged.crc64()),
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
    public record CompletedPart(int number, String etag) {}

    /**
     * What a CompleteMultipartUpload request asks for.
     *
     * @param parts           reads the part list of the body, or null for {@code x-oss-complete-all: yes} (every
     *                        uploaded part); called only once the caller is authorized
     * @param acl             {@code x-oss-object-acl} of the request, replacing the upload's; null to keep it
     * @param forbidOverwrite {@code x-oss-forbid-overwrite: true}
     */
    public record Completion(
            Supplier<List<CompletedPart>> parts, @Nullable String acl, boolean forbidOverwrite) {}

    public ObjectService.Written complete(
            Caller caller, String bucketName, String key, String uploadId, Completion completion) {
        UploadRecord upload = require(caller, bucketName, key, uploadId, OssAction.PUT_OBJECT);
        String acl = completion.acl() != null ? completion.acl() : upload.acl();
        if (completion.acl() != null) {
            access.checkObjectAclChange(buckets.require(bucketName), Names.checkAcl(completion.acl(), true));
        }
        // Read outside the store's lock: a slow client must not hold it.
        List<CompletedPart> requested = completion.parts().get();
        // Checking the list and linking the parts it names is one step under the store's lock: an
        // UploadPart that replaces a part commits under the same lock, so it lands either before
        // the check (and the list no longer matches) or after the links exist (and changes nothing).
        // Linking holds the lock for microseconds; only where the file system has no hard links
        // does the fallback copy of the parts hold it for the length of the copy.
        Assembly assembly = store.atomically(() -> {
            requireUpload(bucketName, key, uploadId);
            List<PartRecord> chosen = chosenParts(store.parts(bucketName, uploadId), requested);
            // The object's ETag and CRC-64 come from the part records; the content is neither re-read nor re-hashed.
            long crc = 0;
            for (PartRecord part : chosen) {
                crc = Crc64.combine(crc, Crc64.parse(part.crc64()), part.size());
            }
            return new Assembly(etag(chosen), crc, store.concatenateParts(bucketName, uploadId, chosen, crc));
        });
        ObjectWrite write =
                new ObjectWrite(upload.headers(), upload.userMeta(), acl, upload.storageClass(), upload.tags());
        boolean committed = false;
        try {
            ObjectService.Written written = objects.commit(
                    bucketName,
                    key,
                    assembly.staged(),
                    write,
                    "Multipart",
                    assembly.etag(),
                    assembly.crc(),
                    completion.forbidOverwrite());
            committed = true;
            store.atomically(() -> {
                store.deleteUpload(bucketName, uploadId);
                return null;
            });
            return written;
        } finally {
            if (!committed) {
                store.discard(assembly.staged());
            }
        }
    }

    /** The parts of a completion, linked into one staged blob, with the object's ETag and CRC-64. */
    private record Assembly(String etag, long crc, StagedBlob staged) {}

    /**
     * The uploaded parts a completion names, checked as OSS checks them: ascending part numbers,
     * each part uploaded with that ETag, every part but the last at least {@link #MIN_PART_SIZE}.
     * A null list (x-oss-complete-all) takes every uploaded part in part-number order. An empty
     * list is accepted: OSS creates an empty object (the official SDK's integration tests complete
     * an upload with no parts and expect success).
     */
    private static List<PartRecord> chosenParts(NavigableMap<Integer, PartRecord> uploaded, List<CompletedPart> list) {
        List<PartRecord> chosen = new ArrayList<>();
        if (list == null) {
            chosen.addAll(uploaded.values());
        } else {
            int previous = 0;
            for (CompletedPart p : list) {
                if (p.number() <= previous) {
                    throw new OssException(OssError.INVALID_PART_ORDER);
                }
                previous = p.number();
                PartRecord part = uploaded.get(p.number());
                if (part == null || !part.etag().equals(Conditions.unquote(p.etag()))) {
                    throw new OssException(OssError.INVALID_PART)
                            .with("PartNumber", Integer.toString(p.number()))
                            .with("ETag", p.etag());
                }
                chosen.add(part);
            }
        }
        for (int i = 0; i < chosen.size() - 1; i++) {
            if (chosen.get(i).size() < MIN_PART_SIZE) {
                throw new OssException(OssError.ENTITY_TOO_SMALL)
                        .with("PartNumber", Integer.toString(chosen.get(i).number()))
                        .with("MinSizeAllowed", Long.toString(MIN_PART_SIZE))
                        .with("ProposedSize", Long.toString(chosen.get(i).size()));
            }
        }
        return chosen;
    }

    /**
     * The ETag OSS gives a multipart object: the MD5 of the parts' ETags written one after the
     * other (as the hex text OSS returned for them, without quotes), in hex, then "-" and the
     * number of parts. The official Java SDK's integration tests compute the expected value this
     * way (TestUtils.calcMultipartsETag); OSS's API reference only calls it "generated by rules".
     */
    static String etag(List<PartRecord> parts) {
        MessageDigest md5 = md5();
        for (PartRecord part : parts) {
            md5.update(part.etag().getBytes(StandardCharsets.US_ASCII));
        }
        return ObjectService.etag(md5.digest()) + "-" + parts.size();
    }

    public void abort(Caller caller, String bucketName, String key, String uploadId) {
        require(caller, bucketName, key, uploadId, OssAction.ABORT_MULTIPART_UPLOAD);
        store.atomically(() -> {
            store.deleteUpload(bucketName, uploadId);
            return null;
        });
    }

    /**
     * A page of ListParts. {@code nextMarker} is the number of the last part listed, absent when
     * the page lists none (OSS then answers an empty NextPartNumberMarker; the official SDK's
     * tests expect no marker for an upload without parts).
     */
    public record PartPage(UploadRecord upload, List<PartRecord> parts, boolean truncated, OptionalInt nextMarker) {}

    public PartPage listParts(Caller caller, String bucketName, String key, String uploadId, int marker, int maxParts) {
        UploadRecord upload = require(caller, bucketName, key, uploadId, OssAction.LIST_PARTS);
        List<PartRecord> all = new ArrayList<>(
                store.parts(bucketName, uploadId).tailMap(marker, false).values());
        boolean truncated = all.size() > maxParts;
        List<PartRecord> page = truncated ? all.subList(0, maxParts) : all;
        return new PartPage(
                upload,
                page,
                truncated,
                page.isEmpty()
                        ? OptionalInt.empty()
                        : OptionalInt.of(page.get(page.size() - 1).number()));
    }

    /**
     * A page of ListMultipartUploads. The next markers name the last entry listed (an upload, or a
     * common prefix with no upload id), truncated or not, as OSS's documented sample answer shows;
     * null when nothing was listed.
     */
    public record UploadPage(
            List<UploadRecord> uploads,
            List<String> prefixes,
            boolean truncated,
            @Nullable String nextKeyMarker,
            @Nullable String nextUploadIdMarker) {}

    /**
     * ListMultipartUploads as documented: uploads in ascending order of key, the uploads of one key
     * in ascending order of upload id. With {@code key-marker} alone the listing starts at the
     * first key after it; with {@code upload-id-marker} too, the uploads of that very key whose ids
     * come after the marker are listed first (the marker need not be an existing upload).
     */
    public UploadPage listUploads(
            Caller caller,
            String bucketName,
            @Nullable String prefix,
            @Nullable String delimiter,
            @Nullable String keyMarker,
            @Nullable String uploadIdMarker,
            int maxUploads) {
        buckets.get(caller, bucketName, OssAction.LIST_MULTIPART_UPLOADS);
        String p = prefix == null ? "" : prefix;
        String afterKey = keyMarker == null ? "" : keyMarker;
        String afterId = uploadIdMarker == null || keyMarker == null ? "" : uploadIdMarker;
        List<UploadRecord> sorted = store.uploads(bucketName).stream()
                .filter(u -> u.key().startsWith(p))
                .filter(u -> u.key().compareTo(afterKey) > 0
                        || (!afterId.isEmpty()
                                && u.key().equals(afterKey)
                                && u.uploadId().compareTo(afterId) > 0))
                .sorted(Comparator.comparing(UploadRecord::key).thenComparing(UploadRecord::uploadId))
                .toList();
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
            // A common prefix is listed once; a key-marker equal to it means an earlier page listed it.
            if (common != null && (common.equals(lastKey) || common.equals(keyMarker))) {
                continue;
            }
            if (uploads.size() + prefixes.size() >= maxUploads) {
                truncated = true;
                break;
            }
            if (common != null) {
                prefixes.add(common);
                lastKey = common;
                lastId = "";
            } else {
                uploads.add(u);
                lastKey = u.key();
                lastId = u.uploadId();
            }
        }
        return new UploadPage(uploads, prefixes, truncated, lastKey, lastId);
    }

    private UploadRecord require(Caller caller, String bucketName, String key, String uploadId, OssAction action) {
        BucketRecord bucket = buckets.require(bucketName);
        access.checkObjectWrite(caller, bucket, key, action);
        return requireUpload(bucketName, key, uploadId);
    }

    private UploadRecord requireUpload(String bucketName, String key, String uploadId) {
        buckets.require(bucketName);
        return store.upload(bucketName, uploadId)
                .filter(u -> u.key().equals(key))
                .orElseThrow(() -> new OssException(
                        OssError.NO_SUCH_UPLOAD,
                        OssError.NO_SUCH_UPLOAD.defaultMessage(),
                        Map.of("UploadId", uploadId)));
    }

    private static int partNumber(@Nullable String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_PART_NUMBER) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below as OSS does
        }
        throw new OssException(
                OssError.INVALID_ARGUMENT,
                "Part number must be an integer between 1 and 10000, inclusive.",
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
