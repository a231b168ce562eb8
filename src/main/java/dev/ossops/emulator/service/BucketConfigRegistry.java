package dev.ossops.emulator.service;

import dev.ossops.emulator.config.BucketConfigCodec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bucket sub-configurations the emulator serves through {@link BucketConfigCodec}s, by
 * sub-resource. {@link #DEFAULT_CODECS} is the single list the configuration codecs are added to;
 * which sub-resources are configurations at all is in the http layer's route table.
 */
public final class BucketConfigRegistry {
    /** The codecs every emulator serves. Add new codecs here. */
    public static final List<BucketConfigCodec> DEFAULT_CODECS =
            dev.ossops.emulator.config.BucketConfigCodecs.standard().all();

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
}
