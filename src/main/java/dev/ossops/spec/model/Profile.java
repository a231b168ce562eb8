package dev.ossops.spec.model;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A validated ossops/v1 profile. Maps keep the order of the file; {@code access} holds the access assertions. */
public record Profile(
        Path source,
        String name,
        String region,
        Endpoint endpoint,
        Credentials credentials,
        Map<String, Bucket> buckets,
        Ram ram,
        Cdn cdn,
        Optional<UploaderSpec> uploader,
        Optional<Lock> lock,
        Optional<Serve> serve,
        Map<String, AccessAssertion> access) {

    public Profile {
        buckets = ordered(buckets);
        access = ordered(access);
    }

    /** An unmodifiable copy that keeps insertion order (Map.copyOf would not). */
    static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
