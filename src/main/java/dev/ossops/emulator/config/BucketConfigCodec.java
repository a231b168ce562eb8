package dev.ossops.emulator.config;

/**
 * One bucket sub-configuration (CORS, lifecycle, encryption, ...) as OSS accepts and returns it
 * through {@code PUT/GET/DELETE /<bucket>?<subresource>}. The service layer stores what
 * {@link #accept} returns and answers GET with it, or with {@link #whenUnset} when nothing is set.
 */
public interface BucketConfigCodec {

    /** The query sub-resource that addresses this configuration, for example {@code "cors"}. */
    String subresource();

    /**
     * Validates a PUT body exactly as OSS does and returns the document to store and to return on
     * GET. Throws {@link dev.ossops.emulator.error.OssException} ({@code MalformedXML},
     * {@code InvalidArgument}, ...) for what OSS refuses.
     */
    StoredConfig accept(byte[] body);

    /**
     * {@link #accept(byte[])} for a PUT on {@code bucket}: the entry point for the service layer.
     * Configurations that refer to their own bucket (the bucket policy's {@code Resource}) override it.
     */
    default StoredConfig accept(String bucket, byte[] body) {
        return accept(body);
    }

    /**
     * What GET answers when the configuration is not set: throws the matching {@code NoSuch...}
     * error, or returns the default document OSS returns for configurations that always exist.
     */
    StoredConfig whenUnset(String bucket);

    /** A stored configuration document and the content type GET answers with. */
    record StoredConfig(String contentType, byte[] body) {}
}
