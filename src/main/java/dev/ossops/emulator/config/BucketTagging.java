package dev.ossops.emulator.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bucket's tags in the order they were put. */
public record BucketTagging(Map<String, String> tags) {
    public BucketTagging {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
