package dev.ossops.upload;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The OSS operations the uploader and downloader need, one shape per remote call. Implemented
 * over the official SDK in {@code dev.ossops.cloud.upload}; this package orchestrates through it
 * so that no SDK type reaches the uploader's logic. Failures are {@link TransferException}s whose
 * messages are safe to print; "not found" is {@link Optional#empty()}.
 */
public interface ObjectStore {

    /** What HeadObject reports; {@code contentType} is empty when OSS sent none. */
    record ObjectInfo(long size, OptionalLong crc64, String etag, Optional<String> contentType) {}

    /** What OSS acknowledged for a written object or part: its ETag and the CRC-64 it computed. */
    record Stored(String etag, long crc64) {}

    /** HeadObject: empty when there is no such object. */
    Optional<ObjectInfo> head(String bucket, String key);

    /** PutObject of the whole file, streamed; {@code progress} receives byte counts as they are sent. */
    Stored put(String bucket, String key, Path file, long size, String contentType, LongConsumer progress);

    /**
     * One InitiateMultipartUpload attempt whose answer never arrived whole (the connection failed
     * after the request may have been served), between when it was sent and when it failed: OSS
     * may hold an upload for it whose id was never seen.
     */
    record LostAnswer(Instant sent, Instant failed) {}

    /** A multipart upload in progress, as ListMultipartUploads reports it. */
    record PendingUpload(String uploadId, Instant initiated) {}

    /**
     * InitiateMultipartUpload; returns the upload id. Each attempt (of the retry layer) whose answer
     * was lost is reported to {@code lost} as it happens, whether a later attempt succeeds or not.
     */
    String initiate(String bucket, String key, String contentType, Consumer<LostAnswer> lost);

    /** UploadPart of {@code part} of {@code file}, streamed from disk. */
    Stored uploadPart(String bucket, String key, String uploadId, Path file, PartPlan.Part part, LongConsumer progress);

    /** ListParts, all pages; empty when the upload no longer exists. */
    Optional<List<Checkpoint.ListedPart>> listParts(String bucket, String key, String uploadId);

    /** CompleteMultipartUpload with {@code parts} in order. */
    Stored complete(String bucket, String key, String uploadId, List<Checkpoint.CompletedPart> parts);

    /** AbortMultipartUpload; an upload already gone counts as aborted. */
    void abort(String bucket, String key, String uploadId);

    /** ListMultipartUploads, all pages: the uploads in progress on exactly {@code key}. */
    List<PendingUpload> uploadsOf(String bucket, String key);

    /**
     * A presigned URL for {@code method} (GET or PUT) valid until {@code expiration}; {@code headers}
     * are signed into it and must be sent with the request.
     */
    URI presign(
            String bucket,
            String key,
            String method,
            Instant expiration,
            Optional<String> contentType,
            Map<String, String> headers);

    /** GetObject of {@code length} bytes from {@code offset} (a ranged GET); the caller closes the stream. */
    InputStream read(String bucket, String key, long offset, long length);
}
