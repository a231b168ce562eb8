package dev.ossops.audit.collect;

import dev.ossops.spec.model.UploaderSpec;
import dev.ossops.spec.tree.Location;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to audit: {@code region} is where ListBuckets is asked (each bucket is then read at its own region);
 * {@code buckets} the names from {@code --buckets}, or empty for every bucket of the account; {@code objectSample} how
 * many object ACLs to read per bucket; the uploader section, profile file and profile locations pass through to
 * the snapshot.
 */
public record AuditScope(
        String region,
        Optional<List<String>> buckets,
        int objectSample,
        Optional<UploaderSpec> uploader,
        Optional<String> profileFile,
        Map<String, Location> profileLocations) {
    public AuditScope {
        Objects.requireNonNull(region, "region");
        buckets = buckets.map(List::copyOf);
        if (objectSample < 0) {
            throw new IllegalArgumentException("objectSample must not be negative, got " + objectSample);
        }
        profileLocations = Collections.unmodifiableMap(new LinkedHashMap<>(profileLocations));
    }
}
