package dev.ossops.emulator.config;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One lifecycle {@code Rule} as OSS stores it; dates are midnight UTC instants. */
public record LifecycleRule(
        String id,
        String prefix,
        boolean enabled,
        Map<String, String> tags,
        Optional<Filter> filter,
        Optional<Expiration> expiration,
        List<Transition> transitions,
        Optional<AbortMultipartUpload> abortMultipartUpload,
        Optional<Long> noncurrentExpirationDays,
        List<NoncurrentTransition> noncurrentTransitions) {

    public LifecycleRule {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        transitions = List.copyOf(transitions);
        noncurrentTransitions = List.copyOf(noncurrentTransitions);
    }

    /** Whether this rule selects an object: prefix, every rule tag, size bounds and no matching {@code Not}. */
    public boolean selects(String key, Map<String, String> objectTags, long size) {
        if (!key.startsWith(prefix)) {
            return false;
        }
        if (!tags.entrySet().stream().allMatch(t -> t.getValue().equals(objectTags.get(t.getKey())))) {
            return false;
        }
        return filter.map(f -> f.admits(key, objectTags, size)).orElse(true);
    }

    /** Filter: size bounds (exclusive) and exclusions. */
    public record Filter(Optional<Long> objectSizeGreaterThan, Optional<Long> objectSizeLessThan, List<Not> nots) {
        public Filter {
            nots = List.copyOf(nots);
        }

        boolean admits(String key, Map<String, String> objectTags, long size) {
            if (objectSizeGreaterThan.isPresent() && size <= objectSizeGreaterThan.get()) {
                return false;
            }
            if (objectSizeLessThan.isPresent() && size >= objectSizeLessThan.get()) {
                return false;
            }
            return nots.stream().noneMatch(n -> n.excludes(key, objectTags));
        }
    }

    /** {@code Not}: objects under {@code prefix} (and carrying {@code tag}, when given) are excluded. */
    public record Not(String prefix, Optional<Map.Entry<String, String>> tag) {
        boolean excludes(String key, Map<String, String> objectTags) {
            return key.startsWith(prefix)
                    && tag.map(t -> t.getValue().equals(objectTags.get(t.getKey())))
                            .orElse(true);
        }
    }

    /** {@code Expiration}: exactly one of the forms is present. */
    public record Expiration(
            Optional<Long> days,
            Optional<Instant> date,
            Optional<Instant> createdBeforeDate,
            Optional<Boolean> expiredObjectDeleteMarker) {}

    /** {@code Transition} of current versions by age ({@code Days}) or by {@code CreatedBeforeDate}. */
    public record Transition(
            Optional<Long> days,
            Optional<Instant> createdBeforeDate,
            StorageClass storageClass,
            Optional<Boolean> isAccessTime,
            Optional<Boolean> returnToStdWhenVisit,
            Optional<Boolean> allowSmallFile) {}

    /** {@code NoncurrentVersionTransition}: days since the version became noncurrent. */
    public record NoncurrentTransition(
            long noncurrentDays,
            StorageClass storageClass,
            Optional<Boolean> isAccessTime,
            Optional<Boolean> returnToStdWhenVisit,
            Optional<Boolean> allowSmallFile) {}

    /** {@code AbortMultipartUpload}: by age of the upload or by creation date. */
    public record AbortMultipartUpload(Optional<Long> days, Optional<Instant> createdBeforeDate) {}

    /** The storage classes lifecycle can transition to, coldest last. */
    /** The classes a rule transitions to, from warm to cold. */
    public enum StorageClass {
        IA(1),
        Archive(2),
        ColdArchive(3),
        DeepColdArchive(4);

        private final int coldness;

        StorageClass(int coldness) {
            this.coldness = coldness;
        }

        /** How cold the class is: Standard (not listed) is 0, each class here colder than the one before. */
        public int coldness() {
            return coldness;
        }
    }
}
