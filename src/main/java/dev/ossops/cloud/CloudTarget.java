package dev.ossops.cloud;

import dev.ossops.cloud.credentials.CredentialSource;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom ossops talks to Alibaba Cloud. Against the real service each bucket is
 * reached at its own region's endpoint and RAM, STS and CDN at their service endpoints; an
 * {@code endpoint} override (the emulator) serves every region and service at one URL.
 *
 * @param endpoint    one URL for every service and region, or empty for the real endpoints
 * @param region      the default region (buckets may live elsewhere)
 * @param credentials where credentials come from
 * @param internal    use the {@code -internal} OSS endpoints (from ECS in the same region)
 */
public record CloudTarget(Optional<URI> endpoint, String region, CredentialSource credentials, boolean internal) {

    public CloudTarget {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
    }

    /** The real service, at the region's public endpoints. */
    public static CloudTarget publicEndpoints(String region, CredentialSource credentials) {
        return new CloudTarget(Optional.empty(), region, credentials, false);
    }

    /** One URL for everything, such as the emulator's {@code http://127.0.0.1:9000}. */
    public static CloudTarget single(URI endpoint, String region, CredentialSource credentials) {
        return new CloudTarget(Optional.of(endpoint), region, credentials, false);
    }

    /** The OSS endpoint of {@code bucketRegion}: {@code https://oss-<region>[-internal].aliyuncs.com}. */
    public URI ossEndpoint(String bucketRegion) {
        return endpoint.orElseGet(
                () -> URI.create("https://oss-" + bucketRegion + (internal ? "-internal" : "") + ".aliyuncs.com"));
    }

    /**
     * Where a browser reaches {@code bucket} in {@code bucketRegion} (a PostObject form's action): path style on a
     * single endpoint (the emulator), the bucket's virtual host on OSS.
     */
    public URI bucketUrl(String bucket, String bucketRegion) {
        if (endpoint.isPresent()) {
            String base = endpoint.get().toString();
            return URI.create((base.endsWith("/") ? base : base + "/") + bucket);
        }
        URI oss = ossEndpoint(bucketRegion);
        return URI.create(oss.getScheme() + "://" + bucket + "." + oss.getHost().toLowerCase(Locale.ROOT));
    }

    /** The endpoint of a POP (RPC) product: {@code ram}, {@code sts} or {@code cdn}. */
    public URI popEndpoint(PopProduct product) {
        return endpoint.orElseGet(() -> URI.create("https://" + product.publicHost(region)));
    }
}
