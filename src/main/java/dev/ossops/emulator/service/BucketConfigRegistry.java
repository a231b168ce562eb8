package dev.ossops.emulator.service;

import dev.ossops.emulator.config.BucketConfigCodec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bucket sub-configurations the emulator serves through {@link BucketConfigCodec}s, by
 * sub-resource. {@link #DEFAULT_CODECS} is the single list the configuration codecs are added to.
 */
public final class BucketConfigRegistry {
    /** The codecs every emulator serves. Add new codecs here. */
    public static final List<BucketConfigCodec> DEFAULT_CODECS = dev.ossops.emulator.config.BucketConfigCodecs.standard().all();

    /**
     * Sub-resources OSS serves on buckets that go through codecs: requests for one of these without
     * a registered codec are answered NotImplemented rather than mistaken for ListObjects.
     */
    public static final Set<String> CONFIG_SUBRESOURCES = Set.of("cors", "lifecycle", "encryption", "policy", "tagging",
            "referer", "logging", "publicAccessBlock", "website", "replication", "inventory", "worm", "requestPayment",
            "transferAcceleration", "httpsConfig", "resourceGroup");

    private final Map<String, BucketConfigCodec> codecs = new LinkedHashMap<>();

    public BucketConfigRegistry(List<BucketConfigCodec> codecs) {
        for (BucketConfigCodec codec : codecs) {
            if (this.codecs.putIfAbsent(codec.subresource(), codec) != null) {
                throw new IllegalArgumentException("two codecs for ?" + codec.subresource());
            }
        }
    }

    public static BucketConfigRegistry defaults() {
        return new BucketConfigRegistry(DEFAULT_CODECS);
    }

    public Optional<BucketConfigCodec> codec(String subresource) {
        return Optional.ofNullable(codecs.get(subresource));
    }

    /** Whether {@code subresource} names a configuration, served or not. */
    public boolean isConfiguration(String subresource) {
        return codecs.containsKey(subresource) || CONFIG_SUBRESOURCES.contains(subresource);
    }
}
