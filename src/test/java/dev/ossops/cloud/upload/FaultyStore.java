package dev.ossops.cloud.upload;

import dev.ossops.upload.Checkpoint;
import dev.ossops.upload.ObjectStore;
import dev.ossops.upload.PartPlan;
import dev.ossops.upload.TransferException;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** Counts the calls that send bytes and, when told, fails UploadPart after a number of parts: a crash mid-upload. */
final class FaultyStore implements ObjectStore {
    private final ObjectStore delegate;
    final AtomicInteger puts = new AtomicInteger();
    final AtomicInteger parts = new AtomicInteger();
    final AtomicInteger heads = new AtomicInteger();
    private final int failAfterParts;
    private final boolean resumable;

    FaultyStore(ObjectStore delegate, int failAfterParts, boolean resumable) {
        this.delegate = delegate;
        this.failAfterParts = failAfterParts;
        this.resumable = resumable;
    }

    static FaultyStore counting(ObjectStore delegate) {
        return new FaultyStore(delegate, Integer.MAX_VALUE, true);
    }

    @Override
    public Optional<ObjectInfo> head(String bucket, String key) {
        heads.incrementAndGet();
        return delegate.head(bucket, key);
    }

    @Override
    public Stored put(String bucket, String key, Path file, long size, String contentType, LongConsumer progress) {
        puts.incrementAndGet();
        return delegate.put(bucket, key, file, size, contentType, progress);
    }

    @Override
    public String initiate(String bucket, String key, String contentType, Consumer<LostAnswer> lost) {
        return delegate.initiate(bucket, key, contentType, lost);
    }

    @Override
    public Stored uploadPart(
            String bucket, String key, String uploadId, Path file, PartPlan.Part part, LongConsumer progress) {
        if (parts.incrementAndGet() > failAfterParts) {
            throw new TransferException(
                    "UploadPart " + part.number() + " failed: simulated crash", "SimulatedCrash", resumable, null);
        }
        return delegate.uploadPart(bucket, key, uploadId, file, part, progress);
    }

    @Override
    public Optional<List<Checkpoint.ListedPart>> listParts(String bucket, String key, String uploadId) {
        return delegate.listParts(bucket, key, uploadId);
    }

    @Override
    public Stored complete(String bucket, String key, String uploadId, List<Checkpoint.CompletedPart> parts) {
        return delegate.complete(bucket, key, uploadId, parts);
    }

    @Override
    public void abort(String bucket, String key, String uploadId) {
        delegate.abort(bucket, key, uploadId);
    }

    @Override
    public List<PendingUpload> uploadsOf(String bucket, String key) {
        return delegate.uploadsOf(bucket, key);
    }

    @Override
    public URI presign(
            String bucket,
            String key,
            String method,
            Instant expiration,
            Optional<String> contentType,
            Map<String, String> headers) {
        return delegate.presign(bucket, key, method, expiration, contentType, headers);
    }

    @Override
    public InputStream read(String bucket, String key, long offset, long length) {
        return delegate.read(bucket, key, offset, length);
    }
}
