package dev.ossops.spec.model;

import java.util.List;
import java.util.Optional;

/** One OSS lifecycle rule (the union of a bucket's lifecycle documents is its configuration). */
public record LifecycleRule(
        String id,
        String prefix,
        boolean enabled,
        List<Not> filterNot,
        List<Tag> tags,
        Optional<Expiration> expiration,
        List<Transition> transitions,
        Optional<AbortMultipartUpload> abortMultipartUpload,
        Optional<Long> noncurrentExpirationDays,
        List<NoncurrentTransition> noncurrentTransitions) {

    public LifecycleRule {
        filterNot = List.copyOf(filterNot);
        tags = List.copyOf(tags);
        transitions = List.copyOf(transitions);
        noncurrentTransitions = List.copyOf(noncurrentTransitions);
    }

    public record Tag(String key, String value) {}

    /** Objects excluded from the rule by prefix and/or tag. */
    public record Not(Optional<String> prefix, Optional<Tag> tag) {}

    /** Exactly one of the fields is present. Dates are as written (ISO 8601). */
    public record Expiration(
            Optional<Long> days,
            Optional<String> createdBeforeDate,
            Optional<String> date,
            Optional<Boolean> expiredObjectDeleteMarker) {}

    public record Transition(
            Optional<Long> days,
            Optional<String> createdBeforeDate,
            String storageClass,
            boolean isAccessTime,
            boolean returnToStdWhenVisit,
            boolean allowSmallFile) {}

    public record AbortMultipartUpload(Optional<Long> days, Optional<String> createdBeforeDate) {}

    public record NoncurrentTransition(
            long noncurrentDays, String storageClass, boolean isAccessTime, boolean returnToStdWhenVisit) {}
}
