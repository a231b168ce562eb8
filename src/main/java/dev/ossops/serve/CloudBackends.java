package dev.ossops.serve;

import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.credentials.RefreshingCredentialSource;
import dev.ossops.cloud.upload.OssTransfer;
import dev.ossops.cloud.upload.SignatureVersion;
import dev.ossops.cloud.upload.StsVending;
import dev.ossops.upload.PostPolicy;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Storage} and {@link TokenVendor} over the {@code cloud} gateways, as the service's own identity: presigned URLs
 * and PostObject forms signed with V4, HeadObject through the retry layer, AssumeRole through STS. With the real service
 * these credentials should be a RAM user's (STS refuses AssumeRole to a root account's AccessKey) allowed
 * {@code sts:AssumeRole} on the upload role and {@code oss:PutObject}/{@code oss:GetObject} on the upload prefix.
 */
public final class CloudBackends implements Storage, AutoCloseable {
    /** Connections to OSS: presigning is local, so these serve HeadObject for complete only. */
    private static final int CONNECTIONS = 16;

    private final CloudTarget target;
    private final RefreshingCredentialSource credentials;
    private final String bucket;
    private final String region;
    private final Clock clock;
    private final OssTransfer oss;
    private final StsVending sts;

    public CloudBackends(
            CloudTarget target, RefreshingCredentialSource credentials, String bucket, String region, Clock clock) {
        this.target = target;
        this.credentials = credentials;
        this.bucket = bucket;
        this.region = region;
        this.clock = clock;
        this.oss = OssTransfer.create(target, region, SignatureVersion.V4, CONNECTIONS, credentials::invalidate);
        this.sts = new StsVending(target);
    }

    /** AssumeRole through this identity's STS client. */
    public TokenVendor tokens() {
        return sts::assume;
    }

    @Override
    public URI presignPut(String key, String contentType, Instant expiration) {
        return oss.presign(
                bucket, key, "PUT", expiration, Optional.of(contentType), Map.of("x-oss-forbid-overwrite", "true"));
    }

    @Override
    public URI presignGet(String key, Instant expiration, Optional<String> process) {
        return oss.presignGet(bucket, key, expiration, process);
    }

    @Override
    public Optional<StoredObject> head(String key) {
        return oss.head(bucket, key).map(info -> new StoredObject(info.size(), info.contentType()));
    }

    @Override
    public PostPolicy.PostForm postForm(PostPolicy.Request request, Map<String, String> pinned) {
        return PostPolicy.sign(request, pinned, credentials.resolve(), clock);
    }

    /** Path style on a single endpoint (the emulator), the bucket's virtual host on OSS. */
    @Override
    public URI bucketUrl() {
        return target.bucketUrl(bucket, region);
    }

    @Override
    public URI endpoint() {
        return target.ossEndpoint(region);
    }

    @Override
    public void close() {
        oss.close();
        sts.close();
    }
}
