package dev.ossops.emulator.service;

import dev.ossops.checksum.Crc64;
import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.net.Bandwidth;
import dev.ossops.emulator.net.ThrottledInputStream;
import dev.ossops.emulator.store.BucketRecord;
import dev.ossops.emulator.store.DiskStore;
import dev.ossops.emulator.store.KeyRecord;
import dev.ossops.emulator.store.ObjectVersion;
import dev.ossops.emulator.store.RestoreState;
import dev.ossops.emulator.store.StagedBlob;
import dev.ossops.policy.OssAction;
import org.jspecify.annotations.Nullable;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Object reads, writes, copies, deletes, ACLs and tags, with OSS's rules. */
public final class ObjectService {
    private final DiskStore store;
    private final AccessControl access;
    private final BucketService buckets;
    private final StoredConfigs configs;
    private final Clock clock;
    private final Duration restoreDelay;
    private final Versions versions = new Versions();

    /** @param restoreDelay how long a RestoreObject runs, on the context's clock, before the copy can be read */
    public ObjectService(ServiceContext context, BucketService buckets, StoredConfigs configs, Duration restoreDelay) {
        this.store = context.store();
        this.access = context.access();
        this.clock = context.clock();
        this.buckets = buckets;
        this.configs = configs;
        this.restoreDelay = restoreDelay;
    }

    /** The version a write created, and whether the bucket reports version ids (it has been versioned). */
    public record Written(ObjectVersion version, boolean versioned) {}

    /**
     * What PutObject, PutSymlink and AppendObject check before the body is staged: the bucket exists, the caller may
     * write {@code key} in it and set the ACL {@code write} asks for.
     */
    private void checkWrite(Caller caller, String bucketName, String key, ObjectWrite write) {
        BucketRecord bucket = buckets.require(bucketName);
        access.checkObjectWrite(caller, bucket, key, OssAction.PUT_OBJECT);
        if (write.acl() != null) {
            access.checkObjectAclChange(bucket, write.acl());
        }
    }

    /** PutObject: {@code body} is streamed to disk before any metadata changes. */
    public Written put(
            Caller caller,
            String bucketName,
            String key,
            InputStream body,
            ObjectWrite write,
            @Nullable String contentMd5,
            boolean forbidOverwrite) {
        Names.checkKey(key);
        checkWrite(caller, bucketName, key, write);
        StagedBlob staged = store.stage(body);
        boolean committed = false;
        try {
            checkDigest(contentMd5, staged.streamedMd5());
            Written written = commit(
                    bucketName,
                    key,
                    staged,
                    write,
                    "Normal",
                    etag(staged.streamedMd5()),
                    staged.crc64(),
                    forbidOverwrite);
            committed = true;
            return written;
        } finally {
            if (!committed) {
                store.discard(staged);
            }
        }
    }

    /**
     * {@code write} as it encrypts a new object of the bucket: the encryption it asks for, else the
     * bucket's default encryption rule (PutBucketEncryption applies to objects written after it).
     */
    ObjectWrite encrypted(String bucketName, ObjectWrite write) {
        if (ServerSideEncryption.of(write.headers()).isPresent()) {
            return write;
        }
        return configs.encryption(bucketName)
                .map(rule -> write.withHeaders(ServerSideEncryption.of(rule).recordIn(write.headers())))
                .orElse(write);
    }

    /** Commits a staged body as the newest version of {@code key}; used by put, copy and multipart completion. */
    Written commit(
            String bucketName,
            String key,
            StagedBlob staged,
            ObjectWrite requested,
            String type,
            String etag,
            long crc,
            boolean forbidOverwrite) {
        ObjectWrite write = encrypted(bucketName, requested);
        String storageClass = write.storageClass() == null ? null : Names.checkStorageClass(write.storageClass());
        String acl = write.acl() == null ? "default" : Names.checkAcl(write.acl(), true);
        // The content is moved into place outside the lock; only the metadata update is serialised.
        String blob = store.commitBlob(bucketName, staged);
        Content content = new Content(blob, staged.size(), etag, Crc64.format(crc), type, null);
        Committed committed;
        try {
            committed =
                    store.atomically(() -> newest(bucketName, key, content, write, storageClass, acl, forbidOverwrite));
        } catch (RuntimeException e) {
            store.deleteBlob(bucketName, blob);
            throw e;
        }
        // Replaced contents are deleted after the metadata no longer points at them.
        committed.orphaned().forEach(b -> store.deleteBlob(bucketName, b));
        return committed.written();
    }

    /** Committed content waiting to become a version; a symlink has no blob and names its target. */
    private record Content(
            @Nullable String blob,
            long size,
            String etag,
            String crc64,
            String type,
            @Nullable String symlinkTarget) {}

    private Committed newest(
            String bucketName,
            String key,
            Content content,
            ObjectWrite write,
            @Nullable String storageClass,
            String acl,
            boolean forbidOverwrite) {
        BucketRecord bucket = buckets.require(bucketName);
        if (forbidOverwrite
                && bucket.versioning() == null
                && store.key(bucketName, key).flatMap(KeyRecord::current).isPresent()) {
            throw new OssException(OssError.FILE_ALREADY_EXISTS);
        }
        ObjectVersion version = new ObjectVersion(
                versions.newId(bucket),
                false,
                content.blob(),
                content.size(),
                content.etag(),
                content.crc64(),
                clock.millis(),
                content.type(),
                storageClass == null ? bucket.storageClass() : storageClass,
                acl,
                write.headers(),
                write.userMeta(),
                write.tags(),
                content.symlinkTarget(),
                null,
                null);
        List<String> dropped = versions.add(store, bucket, key, version);
        return new Committed(new Written(version, bucket.versioning() != null), dropped);
    }

    private record Committed(Written written, List<String> orphaned) {}

    /** The version an append left, whether the bucket reports version ids, and the blobs it orphaned. */
    public record Appended(ObjectVersion version, boolean versioned) {}

    /**
     * PutSymlink: a version of type Symlink that names {@code target} in the same bucket. OSS does
     * not check that the target exists or can be read when the link is created (PutSymlink, "Usage
     * notes"); reads through the link do. Its ETag is the MD5 of the target's name.
     */
    public Written putSymlink(
            Caller caller, String bucketName, String key, String target, ObjectWrite write, boolean forbidOverwrite) {
        Names.checkKey(key);
        Names.checkKey(target);
        checkWrite(caller, bucketName, key, write);
        String storageClass = write.storageClass() == null ? null : Names.checkStorageClass(write.storageClass());
        String acl = write.acl() == null ? "default" : Names.checkAcl(write.acl(), true);
        Content link;
        try {
            link = new Content(
                    null,
                    0,
                    etag(MessageDigest.getInstance("MD5").digest(target.getBytes(StandardCharsets.UTF_8))),
                    Crc64.format(0),
                    ObjectVersion.SYMLINK,
                    target);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
        Committed committed =
                store.atomically(() -> newest(bucketName, key, link, write, storageClass, acl, forbidOverwrite));
        committed.orphaned().forEach(b -> store.deleteBlob(bucketName, b));
        return committed.written();
    }

    /** GetSymlink: the link itself, never its target; NotSymlink for any other object. */
    public ObjectRead getSymlink(Caller caller, String bucketName, String key, @Nullable String versionId) {
        BucketRecord bucket = buckets.require(bucketName);
        OssAction action = versionId == null ? OssAction.GET_OBJECT : OssAction.GET_OBJECT_VERSION;
        ObjectVersion version = find(bucket, key, versionId, caller, action);
        access.checkObject(caller, bucket, key, version, action);
        if (!ObjectVersion.SYMLINK.equals(version.type())) {
            throw new OssException(OssError.NOT_SYMLINK);
        }
        return new ObjectRead(
                version, bucket.versioning() != null, null, InputStream::nullInputStream, null, bucket.createdMillis());
    }

    /**
     * What a RestoreObject request asks for: {@code days} and {@code tier} as given in its
     * {@code RestoreRequest} (null when absent), and whether it had a {@code JobParameters} element.
     */
    public record RestoreRequest(
            @Nullable Integer days, @Nullable String tier, boolean jobParameters) {
        public static final RestoreRequest DEFAULTS = new RestoreRequest(null, null, false);
    }

    /**
     * RestoreObject, per OSS's API reference: only Archive, Cold Archive and Deep Cold Archive
     * objects are restored; the first request starts a restore (true: 202 Accepted), which takes the
     * configured delay on the emulator's clock; a request while it runs is RestoreAlreadyInProgress;
     * a request on a restored copy extends it by {@code days} from now (false: 200 OK). Days are
     * 1-7 for Archive and 1-365 for the cold classes; JobParameters (a Tier) only for the cold
     * classes: Expedited, Standard or Bulk for Cold Archive, Expedited or Standard for Deep Cold Archive.
     */
    /** {@code requested} is read only once the caller is authorized, and outside the store's lock (it may wait on the client). */
    public Restored restore(
            Caller caller,
            String bucketName,
            String key,
            @Nullable String versionId,
            Supplier<RestoreRequest> requested) {
        getForAdmin(caller, bucketName, key, versionId, OssAction.RESTORE_OBJECT);
        RestoreRequest request = requested.get();
        return store.atomically(() -> {
            boolean versioned = buckets.require(bucketName).versioning() != null;
            ObjectVersion version = getForAdmin(caller, bucketName, key, versionId, OssAction.RESTORE_OBJECT);
            if (!version.archived()) {
                throw new OssException(OssError.OPERATION_NOT_SUPPORTED);
            }
            long days = restoreDays(version.storageClass(), request);
            long now = clock.millis();
            RestoreState current = version.restore();
            RestoreState next;
            boolean started;
            if (current != null && current.ongoing(now)) {
                throw new OssException(OssError.RESTORE_ALREADY_IN_PROGRESS);
            } else if (current != null && current.readable(now)) {
                next = new RestoreState(
                        current.completesAt(), now + Duration.ofDays(days).toMillis());
                started = false;
            } else {
                long completes = now + restoreDelay.toMillis();
                next = new RestoreState(
                        completes, completes + Duration.ofDays(days).toMillis());
                started = true;
            }
            KeyRecord record = store.key(bucketName, key).orElseThrow();
            List<ObjectVersion> updated = record.versions().stream()
                    .map(v -> v.versionId().equals(version.versionId()) ? v.withRestore(next) : v)
                    .toList();
            store.putKey(bucketName, new KeyRecord(key, updated));
            return new Restored(version.versionId(), started, versioned);
        });
    }

    /** The version a RestoreObject addressed, whether it started a restore, and whether the bucket reports version ids. */
    public record Restored(String versionId, boolean started, boolean versioned) {}

    private static long restoreDays(@Nullable String storageClass, RestoreRequest request) {
        boolean archive = "Archive".equals(storageClass);
        if (archive && request.jobParameters()) {
            // The SDK's own tests expect MalformedXML for a tier on an Archive object.
            throw new OssException(OssError.MALFORMED_XML);
        }
        int maxDays = archive ? 7 : 365;
        int days = request.days() == null ? 1 : request.days();
        if (days < 1 || days > maxDays) {
            throw new OssException(
                    OssError.INVALID_ARGUMENT,
                    "The Days of RestoreRequest must be between 1 and " + maxDays + " for " + storageClass
                            + " objects.");
        }
        String tier = request.tier();
        if (tier != null) {
            List<String> tiers = "ColdArchive".equals(storageClass)
                    ? List.of("Expedited", "Standard", "Bulk")
                    : List.of("Expedited", "Standard");
            if (!tiers.contains(tier)) {
                throw new OssException(
                        OssError.INVALID_ARGUMENT,
                        "The Tier of RestoreRequest must be one of " + String.join(", ", tiers) + " for " + storageClass
                                + " objects.");
            }
        }
        return days;
    }

    /** OSS's limit on an Appendable object's total size: 5 GB (AppendObject, "Limits"). */
    static final long MAX_APPENDABLE_SIZE = 5L * 1024 * 1024 * 1024;

    /**
     * AppendObject, as OSS's API reference describes it: {@code position} must equal the current
     * length (0 creates the object); only the current version, and only an Appendable one that is
     * not sealed, can grow, and it grows in place without a new version; where the key is missing or
     * its newest version is a delete marker, position 0 creates a new Appendable version. The
     * request's metadata, and its encryption or else the bucket's default, apply when the object is
     * created. The body is staged before any check that depends on the object, so the check and the
     * append happen under one lock.
     */
    public Appended append(
            Caller caller,
            String bucketName,
            String key,
            long position,
            InputStream body,
            ObjectWrite requested,
            @Nullable String contentMd5) {
        Names.checkKey(key);
        checkWrite(caller, bucketName, key, requested);
        ObjectWrite write = encrypted(bucketName, requested);
        String storageClass = write.storageClass() == null ? null : Names.checkStorageClass(write.storageClass());
        String acl = write.acl() == null ? "default" : Names.checkAcl(write.acl(), true);
        StagedBlob staged = store.stage(body);
        try {
            checkDigest(contentMd5, staged.streamedMd5());
            AppendOutcome outcome =
                    store.atomically(() -> appendLocked(bucketName, key, position, staged, write, storageClass, acl));
            outcome.orphaned().forEach(b -> store.deleteBlob(bucketName, b));
            return outcome.appended();
        } finally {
            // Gone already when the append consumed it.
            store.discard(staged);
        }
    }

    private record AppendOutcome(Appended appended, List<String> orphaned) {}

    private AppendOutcome appendLocked(
            String bucketName,
            String key,
            long position,
            StagedBlob staged,
            ObjectWrite write,
            @Nullable String storageClass,
            String acl) {
        BucketRecord bucket = buckets.require(bucketName);
        KeyRecord record = store.key(bucketName, key).orElse(null);
        ObjectVersion newest = record == null || record.versions().isEmpty()
                ? null
                : record.versions().get(0);
        boolean versioned = bucket.versioning() != null;
        if (record == null || newest == null || newest.deleteMarker()) {
            if (position != 0) {
                throw positionNotEqualToLength(0);
            }
            checkAppendableSize(staged.size());
            String blob = store.commitBlob(bucketName, staged);
            ObjectVersion created = new ObjectVersion(
                    versions.newId(bucket),
                    false,
                    blob,
                    staged.size(),
                    appendEtag(null, staged.streamedMd5()),
                    Crc64.format(staged.crc64()),
                    clock.millis(),
                    ObjectVersion.APPENDABLE,
                    storageClass == null ? bucket.storageClass() : storageClass,
                    acl,
                    write.headers(),
                    write.userMeta(),
                    write.tags());
            return new AppendOutcome(new Appended(created, versioned), versions.add(store, bucket, key, created));
        }
        if (!ObjectVersion.APPENDABLE.equals(newest.type()) || newest.sealedTime() != null) {
            throw new OssException(OssError.OBJECT_NOT_APPENDABLE);
        }
        if (position != newest.size()) {
            throw positionNotEqualToLength(newest.size());
        }
        checkAppendableSize(newest.size() + staged.size());
        // An Appendable version always has content; only delete markers and symlinks lack a blob or CRC.
        store.appendToBlob(
                bucketName, Objects.requireNonNull(newest.blob(), "an appendable has a blob"), newest.size(), staged);
        ObjectVersion grown = newest.appended(
                newest.size() + staged.size(),
                appendEtag(newest.etag(), staged.streamedMd5()),
                Crc64.format(Crc64.combine(
                        Crc64.parse(Objects.requireNonNull(newest.crc64(), "an appendable has a CRC-64")),
                        staged.crc64(),
                        staged.size())),
                clock.millis());
        List<ObjectVersion> updated = new ArrayList<>(record.versions());
        updated.set(0, grown);
        store.putKey(bucketName, new KeyRecord(key, updated));
        return new AppendOutcome(new Appended(grown, versioned), List.of());
    }

    private static void checkAppendableSize(long size) {
        if (size > MAX_APPENDABLE_SIZE) {
            throw new OssException(OssError.ENTITY_TOO_LARGE)
                    .with("MaxSizeAllowed", Long.toString(MAX_APPENDABLE_SIZE))
                    .with("ProposedSize", Long.toString(size));
        }
    }

    /** The error OSS answers for a wrong position, naming the position to use in x-oss-next-append-position. */
    private static OssException positionNotEqualToLength(long length) {
        return new OssException(OssError.POSITION_NOT_EQUAL_TO_LENGTH)
                .withHeader("x-oss-next-append-position", Long.toString(length));
    }

    /**
     * The ETag of an Appendable object. OSS documents no formula and its examples are not the
     * content's MD5; this chains the MD5 of each appended piece onto the previous ETag, so it
     * changes with every append without reading the object again. One append gives the content MD5.
     */
    private static String appendEtag(@Nullable String previous, byte[] pieceMd5) {
        if (previous == null) {
            return etag(pieceMd5);
        }
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(previous.getBytes(StandardCharsets.US_ASCII));
            md5.update(pieceMd5);
            return etag(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }

    /**
     * SealAppendObject: the current version must be Appendable and {@code position} its length;
     * sealing again keeps the first sealed time (OSS's API reference). Returns the sealed version.
     */
    public ObjectVersion seal(Caller caller, String bucketName, String key, long position) {
        BucketRecord checked = buckets.require(bucketName);
        access.checkObjectWrite(caller, checked, key, OssAction.SEAL_APPEND_OBJECT);
        return store.atomically(() -> {
            KeyRecord record = store.key(bucketName, key).orElse(null);
            ObjectVersion newest = record == null ? null : record.current().orElse(null);
            if (record == null || newest == null) {
                throw noSuchKey(key);
            }
            if (!ObjectVersion.APPENDABLE.equals(newest.type())) {
                throw new OssException(OssError.OBJECT_NOT_APPENDABLE);
            }
            if (position != newest.size()) {
                throw positionNotEqualToLength(newest.size());
            }
            if (newest.sealedTime() != null) {
                return newest;
            }
            ObjectVersion sealed = newest.sealed(clock.millis());
            List<ObjectVersion> updated = new ArrayList<>(record.versions());
            updated.set(0, sealed);
            store.putKey(bucketName, new KeyRecord(key, updated));
            return sealed;
        });
    }

    /**
     * Whether the bucket tracks access (PutBucketAccessMonitor): GetObjectMeta answers
     * {@code x-oss-last-access-time} only then, as the official SDK's tests expect of OSS.
     */
    public boolean accessMonitored(String bucketName) {
        return configs.accessMonitor(bucketName);
    }

    /** The whole content of an object, for CopyObject and UploadPartCopy: the content must be readable. */
    public ObjectRead read(
            Caller caller, String bucketName, String key, @Nullable String versionId, Conditions conditions) {
        return read(caller, bucketName, key, versionId, conditions, ByteRange.Header.NONE, false);
    }

    /**
     * GetObject / HeadObject / GetObjectMeta. Through a symlink the target's content is served
     * ({@link #throughSymlink}). An Archive, Cold Archive or Deep Cold Archive object's content can
     * be read only while a restored copy exists; its metadata ({@code metadataOnly}) always. The
     * range to serve follows the request's Range header and range behaviour ({@link ByteRange}).
     */
    public ObjectRead read(
            Caller caller,
            String bucketName,
            String key,
            @Nullable String versionId,
            Conditions conditions,
            ByteRange.Header range,
            boolean metadataOnly) {
        BucketRecord bucket = buckets.require(bucketName);
        OssAction action = versionId == null ? OssAction.GET_OBJECT : OssAction.GET_OBJECT_VERSION;
        ObjectVersion version = find(bucket, key, versionId, caller, action);
        access.checkObject(caller, bucket, key, version, action);
        boolean link = ObjectVersion.SYMLINK.equals(version.type());
        ObjectVersion data = link ? symlinkTarget(caller, bucket, version) : version;
        RestoreStatus restore = restoreStatus(data);
        if (!metadataOnly && data.archived() && (restore == null || restore.ongoing())) {
            throw new OssException(OssError.INVALID_OBJECT_STATE);
        }
        ObjectVersion served = link ? throughSymlink(version, data) : version;
        conditions.check(served.etag(), served.lastModified());
        // What is served is never a delete marker (find refuses them) nor a link (it serves its target's blob).
        Supplier<InputStream> content = () ->
                store.openBlob(bucketName, Objects.requireNonNull(served.blob(), "a version with content has a blob"));
        return new ObjectRead(
                served,
                bucket.versioning() != null,
                ByteRange.parse(range.value(), served.size(), range.standard()),
                content,
                restore,
                bucket.createdMillis());
    }

    /**
     * The version a symlink points to: the current version of the key it names, read with GetObject
     * permission on it too. A missing target is SymlinkTargetNotExist, a symlink InvalidTargetType.
     */
    private ObjectVersion symlinkTarget(Caller caller, BucketRecord bucket, ObjectVersion link) {
        String targetKey = Objects.requireNonNull(link.symlinkTarget(), "a symlink version names its target");
        ObjectVersion target =
                store.key(bucket.name(), targetKey).flatMap(KeyRecord::current).orElse(null);
        access.checkObject(caller, bucket, targetKey, target, OssAction.GET_OBJECT);
        if (target == null) {
            throw new OssException(OssError.SYMLINK_TARGET_NOT_EXIST);
        }
        if (ObjectVersion.SYMLINK.equals(target.type())) {
            throw new OssException(OssError.INVALID_TARGET_TYPE);
        }
        return target;
    }

    /**
     * What a read through {@code link} serves, per OSS's GetObject reference: the target's content,
     * Content-Length, ETag (and CRC-64), the later of the two Last-Modified times, and the link's own
     * other metadata.
     */
    private static ObjectVersion throughSymlink(ObjectVersion link, ObjectVersion target) {
        return new ObjectVersion(
                link.versionId(),
                false,
                target.blob(),
                target.size(),
                target.etag(),
                target.crc64(),
                Math.max(link.lastModified(), target.lastModified()),
                ObjectVersion.SYMLINK,
                link.storageClass(),
                link.acl(),
                link.headers(),
                link.userMeta(),
                link.tags(),
                link.symlinkTarget(),
                null,
                null);
    }

    /** The restore state of an archived version now; null when none was requested or the copy expired. */
    private @Nullable RestoreStatus restoreStatus(ObjectVersion v) {
        return RestoreStatus.at(v.restore(), clock.millis());
    }

    /** The version addressed, checking READ before revealing whether it exists. */
    private ObjectVersion find(
            BucketRecord bucket, String key, @Nullable String versionId, Caller caller, OssAction action) {
        KeyRecord record = store.key(bucket.name(), key).orElse(null);
        ObjectVersion version;
        if (versionId == null) {
            // The newest version, which may be a delete marker hiding the key.
            version = record == null || record.versions().isEmpty()
                    ? null
                    : record.versions().get(0);
        } else {
            version = record == null ? null : record.version(versionId).orElse(null);
        }
        if (version == null || version.deleteMarker()) {
            access.checkObject(caller, bucket, key, null, action);
            if (versionId != null && version == null) {
                throw new OssException(
                        OssError.NO_SUCH_VERSION,
                        OssError.NO_SUCH_VERSION.defaultMessage(),
                        Map.of("Key", key, "VersionId", versionId));
            }
            if (versionId != null) {
                // A delete marker addressed by its version id has no content, ACL or tags to act on.
                throw new OssException(OssError.DELETE_MARKER_NOT_ALLOWED)
                        .withHeader("x-oss-delete-marker", "true")
                        .withHeader("x-oss-version-id", versionId);
            }
            OssException missing = noSuchKey(key);
            if (version != null) {
                missing = missing.withHeader("x-oss-delete-marker", "true")
                        .withHeader("x-oss-version-id", version.versionId());
            }
            throw missing;
        }
        return version;
    }

    static OssException noSuchKey(String key) {
        return new OssException(OssError.NO_SUCH_KEY, OssError.NO_SUCH_KEY.defaultMessage(), Map.of("Key", key));
    }

    /** The outcome of DeleteObject. */
    public record Deleted(
            String key,
            @Nullable String versionId,
            boolean deleteMarker,
            @Nullable String deleteMarkerVersionId,
            boolean versioned) {}

    public Deleted delete(Caller caller, String bucketName, String key, @Nullable String versionId) {
        BucketRecord checked = buckets.require(bucketName);
        access.checkObjectWrite(
                caller, checked, key, versionId == null ? OssAction.DELETE_OBJECT : OssAction.DELETE_OBJECT_VERSION);
        return deleteChecked(bucketName, key, versionId);
    }

    private Deleted deleteChecked(String bucketName, String key, @Nullable String versionId) {
        DeleteOutcome outcome = store.atomically(() -> {
            BucketRecord bucket = buckets.require(bucketName);
            if (versionId != null) {
                ObjectVersion removed = versions.remove(store, bucket, key, versionId);
                boolean marker = removed != null && removed.deleteMarker();
                return new DeleteOutcome(
                        new Deleted(key, versionId, marker, marker ? versionId : null, true),
                        removed == null || removed.blob() == null ? List.of() : List.of(removed.blob()));
            }
            if (bucket.versioning() == null) {
                List<String> blobs = store.key(bucketName, key)
                        .map(r -> r.versions().stream()
                                .filter(v -> v.blob() != null)
                                .map(ObjectVersion::blob)
                                .toList())
                        .orElse(List.of());
                store.putKey(bucketName, new KeyRecord(key, List.of()));
                return new DeleteOutcome(new Deleted(key, null, false, null, false), blobs);
            }
            ObjectVersion marker = new ObjectVersion(
                    versions.newId(bucket),
                    true,
                    null,
                    0,
                    null,
                    null,
                    clock.millis(),
                    null,
                    null,
                    "default",
                    Map.of(),
                    Map.of(),
                    Map.of());
            return new DeleteOutcome(
                    new Deleted(key, null, true, marker.versionId(), true), versions.add(store, bucket, key, marker));
        });
        outcome.orphaned().forEach(b -> store.deleteBlob(bucketName, b));
        return outcome.deleted();
    }

    private record DeleteOutcome(Deleted deleted, List<String> orphaned) {}

    /** One entry of a DeleteMultipleObjects request. */
    public record DeleteTarget(String key, @Nullable String versionId) {}

    public List<Deleted> deleteMultiple(Caller caller, String bucketName, List<DeleteTarget> targets) {
        BucketRecord checked = buckets.require(bucketName);
        if (targets.isEmpty() || targets.size() > 1000) {
            throw new OssException(OssError.MALFORMED_XML);
        }
        for (DeleteTarget t : targets) {
            access.checkObjectWrite(
                    caller,
                    checked,
                    t.key(),
                    t.versionId() == null ? OssAction.DELETE_OBJECT : OssAction.DELETE_OBJECT_VERSION);
        }
        return targets.stream()
                .map(t -> deleteChecked(bucketName, t.key(), t.versionId()))
                .toList();
    }

    /**
     * CopyObject; {@code write} is null for metadata directive COPY. The copy's encryption is what
     * the request asks for (or the target bucket's default), never the source's: the official SDK's
     * ObjectEncryptionTest copies an encrypted object without the headers and reads no encryption back.
     */
    public Copied copy(
            Caller caller,
            String sourceBucket,
            String sourceKey,
            @Nullable String sourceVersionId,
            Conditions conditions,
            String bucketName,
            String key,
            @Nullable ObjectWrite write,
            Optional<ServerSideEncryption> encryption,
            boolean forbidOverwrite) {
        return copy(
                caller,
                sourceBucket,
                sourceKey,
                sourceVersionId,
                conditions,
                bucketName,
                key,
                write,
                null,
                encryption,
                Bandwidth.UNLIMITED,
                forbidOverwrite);
    }

    /**
     * CopyObject with the target's storage class given apart from the metadata: OSS's
     * x-oss-storage-class applies whatever the metadata directive (copying an object onto itself
     * is how its storage class is changed). The source must be readable: an archived source is
     * restored first. The source is read as fast as {@code bandwidth} allows (x-oss-traffic-limit).
     */
    public Copied copy(
            Caller caller,
            String sourceBucket,
            String sourceKey,
            @Nullable String sourceVersionId,
            Conditions conditions,
            String bucketName,
            String key,
            @Nullable ObjectWrite write,
            @Nullable String storageClass,
            Optional<ServerSideEncryption> encryption,
            Bandwidth bandwidth,
            boolean forbidOverwrite) {
        Names.checkKey(key);
        ObjectRead source = read(caller, sourceBucket, sourceKey, sourceVersionId, conditions);
        BucketRecord target = buckets.require(bucketName);
        access.checkObjectWrite(caller, target, key, OssAction.PUT_OBJECT);
        ObjectVersion from = source.version();
        ObjectWrite copied = write != null
                ? write
                : new ObjectWrite(
                        from.headers(),
                        from.userMeta(),
                        "default".equals(from.acl()) ? null : from.acl(),
                        from.storageClass(),
                        from.tags());
        Map<String, String> unencrypted = ServerSideEncryption.without(copied.headers());
        ObjectWrite encrypted =
                copied.withHeaders(encryption.map(e -> e.recordIn(unencrypted)).orElse(unencrypted));
        ObjectWrite effective = storageClass == null
                ? encrypted
                : new ObjectWrite(
                        encrypted.headers(), encrypted.userMeta(), encrypted.acl(), storageClass, encrypted.tags());
        StagedBlob staged = store.stage(
                List.of(() -> ThrottledInputStream.of(source.content().get(), bandwidth)));
        boolean committed = false;
        try {
            Written written = commit(
                    bucketName,
                    key,
                    staged,
                    effective,
                    "Normal",
                    etag(staged.streamedMd5()),
                    staged.crc64(),
                    forbidOverwrite);
            committed = true;
            return new Copied(written, source.versioned() ? from.versionId() : null);
        } finally {
            if (!committed) {
                store.discard(staged);
            }
        }
    }

    /** The outcome of CopyObject, with the source version id when the source bucket is versioned. */
    public record Copied(Written written, @Nullable String sourceVersionId) {}

    /** The version an ACL or tagging request addresses, checked for {@code action}. */
    public ObjectVersion getForAdmin(
            Caller caller, String bucketName, String key, @Nullable String versionId, OssAction action) {
        BucketRecord bucket = buckets.require(bucketName);
        ObjectVersion version = find(bucket, key, versionId, caller, action);
        access.checkObject(caller, bucket, key, version, action);
        return version;
    }

    /** The account that owns the bucket, which OSS names as the Owner of its objects. */
    public String bucketOwner(String bucketName) {
        return buckets.require(bucketName).owner();
    }

    public void putAcl(Caller caller, String bucketName, String key, @Nullable String versionId, String acl) {
        String checked = Names.checkAcl(acl, true);
        getForAdmin(caller, bucketName, key, versionId, OssAction.PUT_OBJECT_ACL);
        access.checkObjectAclChange(buckets.require(bucketName), checked);
        update(caller, bucketName, key, versionId, OssAction.PUT_OBJECT_ACL, v -> v.withAcl(checked));
    }

    /** {@code tags} is read only once the caller is authorized, and outside the store's lock (it may wait on the client). */
    public void putTags(
            Caller caller,
            String bucketName,
            String key,
            @Nullable String versionId,
            Supplier<Map<String, String>> tags) {
        getForAdmin(caller, bucketName, key, versionId, OssAction.PUT_OBJECT_TAGGING);
        Map<String, String> requested = tags.get();
        update(caller, bucketName, key, versionId, OssAction.PUT_OBJECT_TAGGING, v -> v.withTags(requested));
    }

    public void deleteTags(Caller caller, String bucketName, String key, @Nullable String versionId) {
        update(caller, bucketName, key, versionId, OssAction.DELETE_OBJECT_TAGGING, v -> v.withTags(Map.of()));
    }

    private void update(
            Caller caller,
            String bucketName,
            String key,
            @Nullable String versionId,
            OssAction action,
            UnaryOperator<ObjectVersion> change) {
        store.atomically(() -> {
            ObjectVersion version = getForAdmin(caller, bucketName, key, versionId, action);
            KeyRecord record = store.key(bucketName, key).orElseThrow();
            List<ObjectVersion> updated = record.versions().stream()
                    .map(v -> v.versionId().equals(version.versionId()) ? change.apply(v) : v)
                    .toList();
            store.putKey(bucketName, new KeyRecord(key, updated));
            return null;
        });
    }

    /** Quoted-less uppercase hex MD5, the ETag OSS gives simple objects. */
    static String etag(byte[] md5) {
        return HexFormat.of().withUpperCase().formatHex(md5);
    }

    /** Checks Content-MD5 (base64) against the MD5 of what was received. */
    static void checkDigestOf(@Nullable String contentMd5, byte[] actual) {
        checkDigest(contentMd5, actual);
    }

    private static void checkDigest(@Nullable String contentMd5, byte[] actual) {
        if (contentMd5 == null) {
            return;
        }
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(contentMd5.trim());
        } catch (IllegalArgumentException e) {
            throw new OssException(OssError.INVALID_DIGEST);
        }
        if (!Arrays.equals(expected, actual)) {
            throw new OssException(OssError.INVALID_DIGEST)
                    .with("ContentMD5", contentMd5.trim())
                    .with("CalculatedMD5", Base64.getEncoder().encodeToString(actual));
        }
    }

    /** Checks a Content-MD5 against bytes already in memory (small XML request bodies). */
    public static void checkDigest(@Nullable String contentMd5, byte[] body, boolean required) {
        if (contentMd5 == null) {
            if (required) {
                throw new OssException(
                        OssError.MISSING_ARGUMENT,
                        OssError.MISSING_ARGUMENT.defaultMessage(),
                        Map.of("ArgumentName", "Content-MD5"));
            }
            return;
        }
        try {
            checkDigest(contentMd5, MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }
}
