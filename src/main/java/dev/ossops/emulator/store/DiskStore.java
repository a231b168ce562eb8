package dev.ossops.emulator.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.common.Digests;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The emulator's disk: buckets, their configuration documents, objects (every version of a key
 * in one small JSON file, contents in blob files) and multipart uploads, laid out as
 * <pre>
 * DATA/buckets/NAME/bucket.json
 * DATA/buckets/NAME/config/SUBRESOURCE.json
 * DATA/buckets/NAME/keys/SHA256(KEY).json
 * DATA/buckets/NAME/blobs/ID                   one file, or for a multipart object a directory
 *                                               of its parts' contents (hard links), 00000, 00001, ...
 * DATA/buckets/NAME/uploads/UPLOADID/upload.json
 * DATA/buckets/NAME/uploads/UPLOADID/part-N-SEQUENCE-LASTMODIFIED-CRC64-ETAG.data   see {@link PartFiles}
 * DATA/tmp/                      staging for bodies being received
 * </pre>
 * Every file is written with {@link AtomicFiles}; contents are committed before the metadata
 * that points at them; a part's record is its file's name, committed by the rename that stores
 * its content. Metadata is indexed in memory at start; contents are only streamed.
 * Callers group read-check-write sequences with {@link #atomically}.
 */
public final class DiskStore {
    // Compiled once: String.matches compiled the pattern again on every request.
    private static final Pattern BLOB_ID = Pattern.compile("[0-9a-f-]{36}");
    private static final Pattern UPLOAD_ID = Pattern.compile("[0-9A-F]{32}");
    private final Path root;
    private final Path tmp;
    private final ObjectMapper json =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Map<String, BucketState> buckets = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    /** Orders the files of one part number; above every sequence on disk. */
    private final AtomicLong partSequence = new AtomicLong();
    /**
     * Blob ids are UUID-shaped: this run's high half, drawn at load to differ from every stored blob's, and a
     * counter. {@link UUID#randomUUID} read the kernel's random source on every PUT; a drawn half that no stored
     * blob has keeps a new id from ever naming (and its rename from replacing) another object's content.
     */
    private long blobIdHigh;

    private final AtomicLong blobIdLow = new AtomicLong();

    private static final class BucketState {
        volatile BucketRecord record;
        final NavigableMap<String, KeyRecord> keys = new ConcurrentSkipListMap<>();
        final Map<String, UploadRecord> uploads = new ConcurrentHashMap<>();
        final Map<String, StoredDocument> configs = new ConcurrentHashMap<>();
        /** Each upload's parts by number. */
        final Map<String, NavigableMap<Integer, PartFiles.Stored>> parts = new ConcurrentHashMap<>();

        BucketState(BucketRecord record) {
            this.record = record;
        }
    }

    private DiskStore(Path root) {
        this.root = root;
        this.tmp = root.resolve("tmp");
    }

    /** Opens (creating if needed) the store under {@code root} and loads its metadata. */
    public static DiskStore open(Path root) {
        DiskStore store = new DiskStore(root);
        store.load();
        return store;
    }

    private void load() {
        try {
            Files.createDirectories(root.resolve("buckets"));
            AtomicFiles.deleteTree(tmp);
            Files.createDirectories(tmp);
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root.resolve("buckets"))) {
                for (Path dir : dirs) {
                    Path bucketFile = dir.resolve("bucket.json");
                    if (Files.isRegularFile(bucketFile)) {
                        loadBucket(dir, read(bucketFile, BucketRecord.class));
                    }
                }
            }
            blobIdHigh = unusedBlobIdHigh();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open emulator data directory " + root, e);
        }
    }

    private void loadBucket(Path dir, BucketRecord record) throws IOException {
        BucketState state = new BucketState(record);
        for (Path file : list(dir.resolve("keys"))) {
            if (file.getFileName().toString().endsWith(".json")) {
                KeyRecord key = read(file, KeyRecord.class);
                state.keys.put(key.key(), key);
            }
        }
        for (Path file : list(dir.resolve("config"))) {
            String name = file.getFileName().toString();
            if (name.endsWith(".json")) {
                state.configs.put(name.substring(0, name.length() - 5), read(file, StoredDocument.class));
            }
        }
        for (Path upload : list(dir.resolve("uploads"))) {
            Path file = upload.resolve("upload.json");
            if (Files.isRegularFile(file)) {
                UploadRecord record2 = read(file, UploadRecord.class);
                state.uploads.put(record2.uploadId(), record2);
                state.parts.put(record2.uploadId(), loadParts(upload));
            } else {
                // An upload directory without its record is a crash during initiate, abort or complete.
                AtomicFiles.deleteTree(upload);
            }
        }
        collectGarbage(dir, state);
        buckets.put(record.name(), state);
    }

    /**
     * Indexes an upload's part files. Where a crash left two files of one part number (a replacement
     * stored, the file it replaced not yet deleted), the later sequence wins and the other is deleted.
     */
    private NavigableMap<Integer, PartFiles.Stored> loadParts(Path upload) throws IOException {
        NavigableMap<Integer, PartFiles.Stored> parts = new ConcurrentSkipListMap<>();
        List<PartFiles.Stored> found = new ArrayList<>();
        for (Path file : list(upload)) {
            String name = file.getFileName().toString();
            Optional<String> legacyData = PartFiles.legacyData(name);
            if (legacyData.isPresent()) {
                PartRecord part = read(file, PartRecord.class);
                found.add(new PartFiles.Stored(part, legacyData.get(), 0));
            } else {
                PartFiles.parse(name, Files.size(file)).ifPresent(found::add);
            }
        }
        for (PartFiles.Stored part : found) {
            PartFiles.Stored other = parts.get(part.record().number());
            if (other != null && other.sequence() > part.sequence()) {
                deletePartFile(upload, part);
                continue;
            }
            if (other != null) {
                deletePartFile(upload, other);
            }
            parts.put(part.record().number(), part);
            partSequence.accumulateAndGet(part.sequence(), Math::max);
        }
        return parts;
    }

    /** Deletes a part's file and, for a legacy part, its JSON record. */
    private static void deletePartFile(Path upload, PartFiles.Stored part) throws IOException {
        Files.deleteIfExists(upload.resolve(part.file()));
        if (part.sequence() == 0) {
            Files.deleteIfExists(upload.resolve(PartFiles.legacyRecord(part.file())));
        }
    }

    /**
     * Deletes blobs no version points at: contents committed just before a crash prevented the
     * metadata write, or replaced contents whose deletion the crash interrupted.
     */
    private static void collectGarbage(Path dir, BucketState state) throws IOException {
        Set<String> referenced = new HashSet<>();
        for (KeyRecord key : state.keys.values()) {
            for (ObjectVersion v : key.versions()) {
                if (v.blob() != null) {
                    referenced.add(v.blob());
                }
            }
        }
        for (Path blob : list(dir.resolve("blobs"))) {
            if (!referenced.contains(blob.getFileName().toString())) {
                AtomicFiles.deleteTree(blob);
            }
        }
    }

    /** A high half no blob kept by {@link #collectGarbage} (every blob a version points at) has. */
    private long unusedBlobIdHigh() {
        Set<Long> used = new HashSet<>();
        for (BucketState state : buckets.values()) {
            for (KeyRecord key : state.keys.values()) {
                for (ObjectVersion v : key.versions()) {
                    String blob = v.blob();
                    if (blob != null) {
                        try {
                            used.add(UUID.fromString(blob).getMostSignificantBits());
                        } catch (IllegalArgumentException e) {
                            // Not UUID-shaped: no id drawn here can equal it.
                        }
                    }
                }
            }
        }
        SecureRandom random = new SecureRandom();
        long high;
        do {
            high = random.nextLong();
        } while (used.contains(high));
        return high;
    }

    private static List<Path> list(Path dir) throws IOException {
        List<Path> result = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                entries.forEach(result::add);
            }
        }
        return result;
    }

    /** Runs {@code action} with no other store mutation interleaved. */
    public <T> T atomically(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- buckets

    public Collection<BucketRecord> buckets() {
        return buckets.values().stream()
                .map(s -> s.record)
                .sorted(Comparator.comparing(BucketRecord::name))
                .toList();
    }

    public Optional<BucketRecord> bucket(String name) {
        BucketState state = buckets.get(name);
        return state == null ? Optional.empty() : Optional.of(state.record);
    }

    public void putBucket(BucketRecord record) {
        AtomicFiles.write(bucketDir(record.name()).resolve("bucket.json"), bytes(record));
        buckets.compute(record.name(), (name, state) -> {
            if (state == null) {
                return new BucketState(record);
            }
            state.record = record;
            return state;
        });
    }

    public void deleteBucket(String name) {
        // Drop the marker file first: a crash mid-delete leaves a directory that is not loaded.
        try {
            Files.deleteIfExists(bucketDir(name).resolve("bucket.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete bucket " + name, e);
        }
        buckets.remove(name);
        AtomicFiles.deleteTree(bucketDir(name));
    }

    // ---------------------------------------------------------------- configuration documents

    public Optional<StoredDocument> config(String bucket, String subresource) {
        return Optional.ofNullable(state(bucket).configs.get(subresource));
    }

    public void putConfig(String bucket, String subresource, StoredDocument document) {
        AtomicFiles.write(bucketDir(bucket).resolve("config").resolve(subresource + ".json"), bytes(document));
        state(bucket).configs.put(subresource, document);
    }

    public void deleteConfig(String bucket, String subresource) {
        try {
            Files.deleteIfExists(bucketDir(bucket).resolve("config").resolve(subresource + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete configuration " + subresource, e);
        }
        state(bucket).configs.remove(subresource);
    }

    // ---------------------------------------------------------------- objects

    public Optional<KeyRecord> key(String bucket, String key) {
        return Optional.ofNullable(state(bucket).keys.get(key));
    }

    /**
     * All keys of the bucket in {@link String} order. OSS orders by UTF-8 bytes; the two agree except
     * for keys with characters above U+FFFF mixed with characters in U+E000..U+FFFF.
     */
    public NavigableMap<String, KeyRecord> keys(String bucket) {
        return Collections.unmodifiableNavigableMap(state(bucket).keys);
    }

    /** Persists {@code record}; a record without versions removes the key. */
    public void putKey(String bucket, KeyRecord record) {
        Path file = bucketDir(bucket).resolve("keys").resolve(Digests.sha256Hex(record.key()) + ".json");
        if (record.versions().isEmpty()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete object metadata", e);
            }
            state(bucket).keys.remove(record.key());
        } else {
            AtomicFiles.write(file, keyBytes(record));
            state(bucket).keys.put(record.key(), record);
        }
    }

    /** Streams {@code body} into a staging file, computing size, MD5 and CRC-64 on the way, and forces it to disk. */
    public StagedBlob stage(InputStream body) {
        try {
            dev.ossops.common.AtomicFiles.TempFile temp =
                    dev.ossops.common.AtomicFiles.createTemp(tmp, "body-", ".data");
            Path file = temp.path();
            BodyCopy.Digests digests;
            try (FileChannel out = temp.channel()) {
                digests = BodyCopy.copy(body, out);
                // fdatasync: the content and the size needed to read it back, not the timestamps.
                out.force(false);
            } catch (IOException e) {
                // A client that hangs up mid-body must not leave its bytes in tmp until the next restart.
                throw deleteAfterFailure(file, e);
            } catch (RuntimeException e) {
                throw deleteAfterFailure(file, e);
            }
            return new StagedBlob(file, digests.size(), digests.md5(), digests.crc64());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot receive request body", e);
        }
    }

    /**
     * Assembles a multipart upload's part files, in the given order, into one staged blob without
     * copying a byte: the blob is a directory of hard links to the part files, one segment per part,
     * read back as one stream ({@link SegmentedBlob}). Joining 2 GiB of parts used to cost a 2 GiB
     * copy and fsync while the client waited for CompleteMultipartUpload. The upload keeps its own
     * links until it is deleted, so a crash before the commit loses nothing. Where the file system
     * has no hard links, the parts are copied into one file as before. The caller derives the ETag
     * and CRC-64 from the part records, so the staged blob carries {@code crc64} as given and no MD5.
     */
    public StagedBlob concatenateParts(String bucket, String uploadId, List<PartRecord> parts, long crc64) {
        Path dir = uploadDir(bucket, uploadId);
        try {
            Path assembled = Files.createTempDirectory(tmp, "object-");
            long size = 0;
            try {
                for (int i = 0; i < parts.size(); i++) {
                    PartRecord part = parts.get(i);
                    Path segment = assembled.resolve(SegmentedBlob.segmentName(i));
                    Files.createLink(segment, dir.resolve(partFile(bucket, uploadId, part)));
                    requireSize(part, Files.size(segment));
                    size += part.size();
                }
                AtomicFiles.forceDirectory(assembled);
            } catch (UnsupportedOperationException | FileSystemException e) {
                AtomicFiles.deleteTree(assembled);
                return copyParts(bucket, uploadId, parts, crc64);
            } catch (IOException | RuntimeException e) {
                AtomicFiles.deleteTree(assembled);
                throw e;
            }
            return new StagedBlob(assembled, size, null, crc64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot assemble object", e);
        }
    }

    /** A part file whose length differs from its record was changed behind the store's back. */
    private static void requireSize(PartRecord part, long actual) throws IOException {
        if (actual != part.size()) {
            throw new IOException(
                    "part " + part.number() + " holds " + actual + " bytes, its record says " + part.size());
        }
    }

    /** The fallback of {@link #concatenateParts}: in-kernel copies ({@link FileChannel#transferTo}) into one file and one fsync. */
    private StagedBlob copyParts(String bucket, String uploadId, List<PartRecord> parts, long crc64)
            throws IOException {
        Path dir = uploadDir(bucket, uploadId);
        dev.ossops.common.AtomicFiles.TempFile temp = dev.ossops.common.AtomicFiles.createTemp(tmp, "body-", ".data");
        Path file = temp.path();
        long size = 0;
        try (FileChannel out = temp.channel()) {
            for (PartRecord part : parts) {
                try (FileChannel in =
                        FileChannel.open(dir.resolve(partFile(bucket, uploadId, part)), StandardOpenOption.READ)) {
                    requireSize(part, in.size());
                    transferFully(in, out, part.size());
                }
                size += part.size();
            }
            out.force(false);
        } catch (IOException e) {
            throw deleteAfterFailure(file, e);
        } catch (RuntimeException e) {
            throw deleteAfterFailure(file, e);
        }
        return new StagedBlob(file, size, null, crc64);
    }

    /** Streams several stored inputs into one staging file (multipart completion, copies). */
    public StagedBlob stage(List<Supplier<InputStream>> pieces) {
        try (InputStream all = new SequenceInputStream(Collections.enumeration(new LazyStreams(pieces)))) {
            return stage(all);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot assemble object", e);
        }
    }

    /** Discards a staged body that will not be committed. */
    public void discard(StagedBlob staged) {
        AtomicFiles.deleteTree(staged.file());
    }

    /** Moves a staged body into the bucket's blobs and returns its id. */
    public String commitBlob(String bucket, StagedBlob staged) {
        String id = new UUID(blobIdHigh, blobIdLow.incrementAndGet()).toString();
        try {
            AtomicFiles.moveIntoPlace(staged.file(), blobPath(bucket, id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store object", e);
        }
        return id;
    }

    /**
     * Appends a staged body to an Appendable object's blob in place and discards the staging file.
     * The blob is first cut back to {@code length}, the size its metadata records, so bytes of an
     * append that a crash kept from being recorded are overwritten rather than served. Readers
     * stream a recorded length and never see the bytes being added.
     */
    public void appendToBlob(String bucket, String blob, long length, StagedBlob staged) {
        Path target = blobPath(bucket, blob);
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE);
                FileChannel in = FileChannel.open(staged.file(), StandardOpenOption.READ)) {
            if (out.size() < length) {
                throw new IOException("blob " + blob + " holds " + out.size() + " bytes, its record says " + length);
            }
            out.truncate(length);
            out.position(length);
            transferFully(in, out, staged.size());
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to object", e);
        } finally {
            discard(staged);
        }
    }

    public InputStream openBlob(String bucket, String blob) {
        Path path = blobPath(bucket, blob);
        try {
            return Files.isDirectory(path) ? SegmentedBlob.open(path) : Files.newInputStream(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read object", e);
        }
    }

    public void deleteBlob(String bucket, String blob) {
        AtomicFiles.deleteTree(blobPath(bucket, blob));
    }

    private Path blobPath(String bucket, String blob) {
        if (!BLOB_ID.matcher(blob).matches()) {
            throw new IllegalArgumentException("not a blob id");
        }
        return bucketDir(bucket).resolve("blobs").resolve(blob);
    }

    // ---------------------------------------------------------------- multipart uploads

    public void putUpload(String bucket, UploadRecord upload) {
        AtomicFiles.write(uploadDir(bucket, upload.uploadId()).resolve("upload.json"), bytes(upload));
        state(bucket).parts.putIfAbsent(upload.uploadId(), new ConcurrentSkipListMap<>());
        state(bucket).uploads.put(upload.uploadId(), upload);
    }

    public Optional<UploadRecord> upload(String bucket, String uploadId) {
        return Optional.ofNullable(state(bucket).uploads.get(uploadId));
    }

    public Collection<UploadRecord> uploads(String bucket) {
        return List.copyOf(state(bucket).uploads.values());
    }

    /**
     * Stores a staged body as a part of an upload, replacing any earlier part of that number. The
     * rename that moves the content into the upload's directory, under a name that carries the
     * record, is the commit; the file of a replaced part is deleted after it.
     */
    public void putPart(String bucket, String uploadId, PartRecord part, StagedBlob staged) {
        Path dir = uploadDir(bucket, uploadId);
        NavigableMap<Integer, PartFiles.Stored> parts = partsOf(bucket, uploadId);
        long sequence = partSequence.incrementAndGet();
        PartFiles.Stored stored = new PartFiles.Stored(part, PartFiles.name(part, sequence), sequence);
        try {
            AtomicFiles.moveIntoPlace(staged.file(), dir.resolve(stored.file()));
            PartFiles.Stored replaced = parts.put(part.number(), stored);
            if (replaced != null) {
                deletePartFile(dir, replaced);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store part", e);
        }
    }

    /** The uploaded parts by number. */
    public NavigableMap<Integer, PartRecord> parts(String bucket, String uploadId) {
        TreeMap<Integer, PartRecord> parts = new TreeMap<>();
        partsOf(bucket, uploadId).forEach((number, stored) -> parts.put(number, stored.record()));
        return parts;
    }

    private NavigableMap<Integer, PartFiles.Stored> partsOf(String bucket, String uploadId) {
        NavigableMap<Integer, PartFiles.Stored> parts = state(bucket).parts.get(uploadId);
        if (parts == null) {
            throw new IllegalStateException("upload " + uploadId + " is not in the store");
        }
        return parts;
    }

    /** The name of the file that holds {@code part}'s content. */
    private String partFile(String bucket, String uploadId, PartRecord part) throws IOException {
        PartFiles.Stored stored = partsOf(bucket, uploadId).get(part.number());
        if (stored == null) {
            throw new IOException("part " + part.number() + " is not stored");
        }
        return stored.file();
    }

    public void deleteUpload(String bucket, String uploadId) {
        Path dir = uploadDir(bucket, uploadId);
        try {
            Files.deleteIfExists(dir.resolve("upload.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete upload", e);
        }
        state(bucket).uploads.remove(uploadId);
        state(bucket).parts.remove(uploadId);
        AtomicFiles.deleteTree(dir);
    }

    // ---------------------------------------------------------------- helpers

    private BucketState state(String bucket) {
        BucketState state = buckets.get(bucket);
        if (state == null) {
            throw new IllegalStateException("bucket " + bucket + " is not in the store");
        }
        return state;
    }

    private Path bucketDir(String bucket) {
        return root.resolve("buckets").resolve(bucket);
    }

    private Path uploadDir(String bucket, String uploadId) {
        if (!UPLOAD_ID.matcher(uploadId).matches()) {
            throw new IllegalArgumentException("not an upload id");
        }
        return bucketDir(bucket).resolve("uploads").resolve(uploadId);
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private byte[] keyBytes(KeyRecord record) {
        try {
            return KeyRecordJson.write(json.getFactory(), record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise KeyRecord", e);
        }
    }

    private <T> T read(Path file, Class<T> type) throws IOException {
        return json.readValue(file.toFile(), type);
    }

    /** Deletes a staging file whose writing failed and returns the failure to rethrow. */
    private static <E extends Exception> E deleteAfterFailure(Path file, E failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException cleanup) {
            failure.addSuppressed(cleanup);
        }
        return failure;
    }

    /** Appends exactly {@code count} bytes of {@code in} (from its start) to {@code out}. */
    private static void transferFully(FileChannel in, FileChannel out, long count) throws IOException {
        long done = 0;
        while (done < count) {
            long n = in.transferTo(done, count - done, out);
            if (n <= 0) {
                throw new IOException("part file ended after " + done + " of " + count + " bytes");
            }
            done += n;
        }
    }

    /** Opens each piece only when the sequence reaches it, so one file handle is open at a time. */
    private static final class LazyStreams extends AbstractList<InputStream> {
        private final List<Supplier<InputStream>> pieces;

        LazyStreams(List<Supplier<InputStream>> pieces) {
            this.pieces = pieces;
        }

        @Override
        public InputStream get(int index) {
            return pieces.get(index).get();
        }

        @Override
        public int size() {
            return pieces.size();
        }
    }
}
