package dev.ossops.emulator.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bucket sub-configurations the emulator serves through {@code GET/PUT/DELETE /<bucket>?<subresource>},
 * keyed by sub-resource. Replication ({@link ReplicationCodec}) and {@code ?policyStatus}
 * ({@link PolicyStatus}) have their own shapes and are routed by the service separately.
 */
public final class BucketConfigCodecs {
    private final Map<String, BucketConfigCodec> bySubresource;

    public BucketConfigCodecs(List<BucketConfigCodec> codecs) {
        Map<String, BucketConfigCodec> map = new LinkedHashMap<>();
        for (BucketConfigCodec codec : codecs) {
            if (map.put(codec.subresource(), codec) != null) {
                throw new IllegalArgumentException("two codecs for ?" + codec.subresource());
            }
        }
        this.bySubresource = Map.copyOf(map);
    }

    /** Every configuration codec of the emulator. */
    public static BucketConfigCodecs standard() {
        return new BucketConfigCodecs(List.of(
                new CorsCodec(),
                new LifecycleCodec(),
                new EncryptionCodec(),
                new PolicyCodec(),
                new TaggingCodec(),
                new RefererCodec(),
                new LoggingCodec(),
                new PublicAccessBlockCodec(),
                new RequestPaymentCodec(),
                new AccessMonitorCodec(),
                new ResourceGroupCodec()));
    }

    /** The codec for a sub-resource such as {@code "cors"}; sub-resource names are case-sensitive in OSS. */
    public Optional<BucketConfigCodec> forSubresource(String subresource) {
        return Optional.ofNullable(bySubresource.get(subresource));
    }

    /** Every codec, for registries that route by sub-resource. */
    public List<BucketConfigCodec> all() {
        return List.copyOf(bySubresource.values());
    }

    public Set<String> subresources() {
        return bySubresource.keySet();
    }
}
