package dev.ossops.cloud.upload;

import com.aliyun.oss.ClientException;
import com.aliyun.oss.HttpMethod;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.AbortMultipartUploadRequest;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.CompleteMultipartUploadResult;
import com.aliyun.oss.model.GeneratePresignedUrlRequest;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.ListPartsRequest;
import com.aliyun.oss.model.MultipartUpload;
import com.aliyun.oss.model.MultipartUploadListing;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.PartListing;
import com.aliyun.oss.model.PartSummary;
import com.aliyun.oss.model.PutObjectRequest;
import com.aliyun.oss.model.PutObjectResult;
import com.aliyun.oss.model.UploadPartRequest;
import com.aliyun.oss.model.UploadPartResult;
import dev.ossops.checksum.Crc64;
import dev.ossops.cloud.CloudErrors;
import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.OssClients;
import dev.ossops.cloud.Retry;
import dev.ossops.cloud.credentials.Secrets;
import dev.ossops.cloud.oss.ListingEncoding;
import dev.ossops.cloud.oss.Regions;
import dev.ossops.upload.Checkpoint;
import dev.ossops.upload.ObjectStore;
import dev.ossops.upload.PartPlan;
import dev.ossops.upload.TransferException;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * {@link ObjectStore} over the official OSS SDK: every call through the one {@link Retry} layer;
 * a part or object whose CRC-64 as OSS computed it differs from the bytes streamed is refused;
 * a call refused because the STS token expired is sent once more with fresh credentials.
 */
public final class OssTransfer implements ObjectStore, AutoCloseable {
    /** What OSS answers when an STS token has run out (the code depends on where it is checked). */
    private static final Set<String> EXPIRED_TOKEN = Set.of("SecurityTokenExpired", "InvalidSecurityToken");

    private static final Set<String> NOT_FOUND = Set.of("NoSuchKey", "NoSuchUpload");
    private static final int LIST_PAGE = 1000;

    private final OSS oss;
    private final Retry retry;
    private final Runnable onTokenExpired;
    /** Plain presigned GETs without the SDK's per-URL cost, when the client signs V4. */
    private final Optional<V4GetPresigner> getPresigner;

    /**
     * @param onTokenExpired forgets cached credentials (e.g. {@code RefreshingCredentialSource::invalidate})
     */
    public OssTransfer(OSS oss, Retry retry, Runnable onTokenExpired) {
        this(oss, retry, onTokenExpired, Optional.empty());
    }

    private OssTransfer(OSS oss, Retry retry, Runnable onTokenExpired, Optional<V4GetPresigner> getPresigner) {
        this.oss = oss;
        this.retry = retry;
        this.onTokenExpired = onTokenExpired;
        this.getPresigner = getPresigner;
    }

    /** A transfer client for buckets in {@code region} of {@code target}, with up to {@code connections} connections. */
    public static OssTransfer create(
            CloudTarget target, String region, SignatureVersion version, int connections, Runnable onTokenExpired) {
        return create(target, region, version, connections, onTokenExpired, () -> {});
    }

    /** As above; {@code onThrottled} hears of every throttling answer before it is retried (e.g. {@code TransferSlots::throttled}). */
    public static OssTransfer create(
            CloudTarget target,
            String region,
            SignatureVersion version,
            int connections,
            Runnable onTokenExpired,
            Runnable onThrottled) {
        Retry retry = Retry.standard().observing(e -> {
            if (CloudErrors.isThrottling(e)) {
                onThrottled.run();
            }
        });
        Optional<V4GetPresigner> getPresigner = version == SignatureVersion.V4
                ? V4GetPresigner.of(
                        target.ossEndpoint(region), target.endpoint().isPresent(), region, target.credentials())
                : Optional.empty();
        return new OssTransfer(
                OssClients.create(target, region, version.sdk(), connections, false),
                retry,
                onTokenExpired,
                getPresigner);
    }

    /** The region a bucket lives in (GetBucketLocation, which needs oss:GetBucketLocation), e.g. {@code cn-beijing}. */
    public String bucketRegion(String bucket) {
        return call("GetBucketLocation " + bucket, () -> Regions.strip(oss.getBucketLocation(bucket)));
    }

    @Override
    public Optional<ObjectInfo> head(String bucket, String key) {
        return optional(() -> call("HeadObject " + bucket + "/" + key, () -> {
            ObjectMetadata meta = oss.getObjectMetadata(bucket, key);
            Long crc = meta.getServerCRC();
            return new ObjectInfo(
                    meta.getContentLength(),
                    crc == null ? OptionalLong.empty() : OptionalLong.of(crc),
                    meta.getETag(),
                    Optional.ofNullable(meta.getContentType()));
        }));
    }

    @Override
    public Stored put(String bucket, String key, Path file, long size, String contentType, LongConsumer progress) {
        String what = "PutObject " + bucket + "/" + key;
        return call(
                what,
                () -> attempt(progress, counted -> {
                    try (PartStreams in = PartStreams.open(file, 0, size, counted)) {
                        ObjectMetadata meta = new ObjectMetadata();
                        meta.setContentLength(size);
                        meta.setContentType(contentType);
                        PutObjectResult result = oss.putObject(new PutObjectRequest(bucket, key, in, meta));
                        return checked(what, result.getETag(), result.getServerCRC(), in.crc64());
                    }
                }));
    }

    @Override
    public String initiate(String bucket, String key, String contentType, Consumer<LostAnswer> lost) {
        ObjectMetadata meta = new ObjectMetadata();
        meta.setContentType(contentType);
        return call("InitiateMultipartUpload " + bucket + "/" + key, () -> {
            Instant sent = Instant.now();
            try {
                return oss.initiateMultipartUpload(new InitiateMultipartUploadRequest(bucket, key, meta))
                        .getUploadId();
            } catch (ClientException | OSSException e) {
                // OSS may have served the request when the connection failed (ClientException) or the
                // answer was cut off part-way (the SDK's InvalidResponse); an error answer created nothing.
                if (e instanceof ClientException || "InvalidResponse".equals(((OSSException) e).getErrorCode())) {
                    lost.accept(new LostAnswer(sent, Instant.now()));
                }
                throw e;
            }
        });
    }

    @Override
    public Stored uploadPart(
            String bucket, String key, String uploadId, Path file, PartPlan.Part part, LongConsumer progress) {
        String what = "UploadPart " + part.number() + " of " + bucket + "/" + key;
        return call(
                what,
                () -> attempt(progress, counted -> {
                    try (PartStreams in = PartStreams.open(file, part.offset(), part.length(), counted)) {
                        UploadPartRequest request =
                                new UploadPartRequest(bucket, key, uploadId, part.number(), in, part.length());
                        UploadPartResult result = oss.uploadPart(request);
                        return checked(what, result.getETag(), result.getServerCRC(), in.crc64());
                    }
                }));
    }

    @Override
    public Optional<List<Checkpoint.ListedPart>> listParts(String bucket, String key, String uploadId) {
        return optional(() -> call("ListParts " + bucket + "/" + key, () -> {
            List<Checkpoint.ListedPart> parts = new ArrayList<>();
            Integer marker = null;
            while (true) {
                ListPartsRequest request = new ListPartsRequest(bucket, key, uploadId);
                // The answer names the key: encoded, a key XML cannot carry does not break the page.
                request.setEncodingType(ListingEncoding.URL);
                request.setMaxParts(LIST_PAGE);
                request.setPartNumberMarker(marker);
                PartListing listing = oss.listParts(request);
                for (PartSummary p : listing.getParts()) {
                    parts.add(new Checkpoint.ListedPart(p.getPartNumber(), p.getETag(), p.getSize()));
                }
                if (!listing.isTruncated()) {
                    return parts;
                }
                marker = listing.getNextPartNumberMarker();
            }
        }));
    }

    @Override
    public Stored complete(String bucket, String key, String uploadId, List<Checkpoint.CompletedPart> parts) {
        List<PartETag> etags = parts.stream()
                .map(p -> new PartETag(p.number(), p.etag(), p.size(), p.crc64()))
                .toList();
        String what = "CompleteMultipartUpload " + bucket + "/" + key;
        return call(what, () -> {
            CompleteMultipartUploadResult result = oss.completeMultipartUpload(
                    new CompleteMultipartUploadRequest(bucket, key, uploadId, new ArrayList<>(etags)));
            if (result.getServerCRC() == null) {
                throw new TransferException(what + ": OSS returned no CRC-64 to check", null, false, null);
            }
            return new Stored(result.getETag(), result.getServerCRC());
        });
    }

    @Override
    public void abort(String bucket, String key, String uploadId) {
        optional(() -> call("AbortMultipartUpload " + bucket + "/" + key, () -> {
            oss.abortMultipartUpload(new AbortMultipartUploadRequest(bucket, key, uploadId));
            return Boolean.TRUE;
        }));
    }

    @Override
    public List<PendingUpload> uploadsOf(String bucket, String key) {
        return call("ListMultipartUploads " + bucket + "/" + key, () -> {
            List<PendingUpload> found = new ArrayList<>();
            String keyMarker = null;
            String idMarker = null;
            while (true) {
                ListMultipartUploadsRequest request = new ListMultipartUploadsRequest(bucket);
                request.setEncodingType(ListingEncoding.URL);
                request.setPrefix(key);
                request.setKeyMarker(keyMarker);
                request.setUploadIdMarker(idMarker);
                MultipartUploadListing listing = oss.listMultipartUploads(request);
                for (MultipartUpload u : listing.getMultipartUploads()) {
                    // The prefix also matches longer keys (key.bak): only the exact key counts.
                    if (ListingEncoding.decode(u.getKey()).equals(key)) {
                        found.add(new PendingUpload(
                                u.getUploadId(), u.getInitiated().toInstant()));
                    }
                }
                if (!listing.isTruncated()) {
                    return found;
                }
                keyMarker = ListingEncoding.decode(listing.getNextKeyMarker());
                idMarker = listing.getNextUploadIdMarker();
            }
        });
    }

    @Override
    public URI presign(
            String bucket,
            String key,
            String method,
            Instant expiration,
            Optional<String> contentType,
            Map<String, String> headers) {
        if (getPresigner.isPresent() && method.equals("GET") && contentType.isEmpty() && headers.isEmpty()) {
            Optional<String> url = call(
                    "presign GET " + bucket + "/" + key,
                    () -> getPresigner.get().presign(bucket, key, expiration, Instant.now()));
            if (url.isPresent()) {
                return URI.create(url.get());
            }
        }
        GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(bucket, key, HttpMethod.valueOf(method));
        request.setExpiration(Date.from(expiration));
        contentType.ifPresent(request::setContentType);
        headers.forEach(request::addHeader);
        // Signing is local: nothing to retry, but the SDK's exceptions still become safe messages.
        return call("presign " + method + " " + bucket + "/" + key, () -> {
            try {
                return oss.generatePresignedUrl(request).toURI();
            } catch (URISyntaxException e) {
                throw new TransferException(
                        "presign " + bucket + "/" + key + ": the SDK built an invalid URL", null, false, e);
            }
        });
    }

    /**
     * A presigned GET URL with an {@code x-oss-process} chain (image processing), which OSS signs as a sub-resource,
     * so the URL cannot be reused for the original or another rendering.
     */
    public URI presignGet(String bucket, String key, Instant expiration, Optional<String> process) {
        GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(bucket, key, HttpMethod.GET);
        request.setExpiration(Date.from(expiration));
        process.ifPresent(request::setProcess);
        return call("presign GET " + bucket + "/" + key, () -> {
            try {
                return oss.generatePresignedUrl(request).toURI();
            } catch (URISyntaxException e) {
                throw new TransferException(
                        "presign " + bucket + "/" + key + ": the SDK built an invalid URL", null, false, e);
            }
        });
    }

    @Override
    public InputStream read(String bucket, String key, long offset, long length) {
        return call("GetObject " + bucket + "/" + key + " bytes " + offset + "+" + length, () -> {
            GetObjectRequest request = new GetObjectRequest(bucket, key);
            request.setRange(offset, offset + length - 1);
            return oss.getObject(request).getObjectContent();
        });
    }

    /** The body of one attempt that streams bytes. */
    @FunctionalInterface
    private interface Streaming {
        Stored send(LongConsumer progress) throws Exception;
    }

    /** One attempt; if it fails, the bytes it reported are taken back, so a retry does not count them twice. */
    private static Stored attempt(LongConsumer progress, Streaming body) throws Exception {
        long[] sent = {0};
        try {
            return body.send(n -> {
                sent[0] += n;
                progress.accept(n);
            });
        } catch (Exception e) {
            progress.accept(-sent[0]);
            throw e;
        }
    }

    private static Stored checked(String what, String etag, Long serverCrc, long localCrc) {
        if (serverCrc == null) {
            throw new TransferException(what + ": OSS returned no CRC-64 to check", null, false, null);
        }
        if (serverCrc != localCrc) {
            throw new TransferException(
                    what + ": OSS computed CRC-64 " + Crc64.format(serverCrc) + " but " + Crc64.format(localCrc)
                            + " was sent",
                    "InvalidDigest",
                    false,
                    null);
        }
        return new Stored(etag, serverCrc);
    }

    /** One call through the retry layer; an expired token gets one more round with fresh credentials. */
    private <T> T call(String what, Callable<T> body) {
        try {
            return retry.call(what, body);
        } catch (CloudException e) {
            if (e.code().filter(EXPIRED_TOKEN::contains).isPresent()) {
                onTokenExpired.run();
                try {
                    return retry.call(what + " (with refreshed credentials)", body);
                } catch (CloudException again) {
                    throw transferFailure(again);
                }
            }
            throw transferFailure(e);
        }
    }

    private static TransferException transferFailure(CloudException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof TransferException t) {
            return t;
        }
        return new TransferException(
                Secrets.redact(e.getMessage()), e.code().orElse(null), CloudErrors.isRetryable(cause), e);
    }

    /** A "not found" answer becomes empty, as every caller wants it. */
    private static <T> Optional<T> optional(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (TransferException e) {
            if (e.code().filter(NOT_FOUND::contains).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void close() {
        oss.shutdown();
    }
}
