package dev.ossops.emulator.config;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bucket's lifecycle rules and the pure decision of what they do to one object. When several
 * actions are due, OSS's documented precedence applies ("How OSS resolves rule conflicts"):
 * expiration overrides transition, and of the due transitions the coldest class is the result.
 */
public record LifecycleConfiguration(List<LifecycleRule> rules) {
    private static final Duration DAY = Duration.ofDays(1);

    public LifecycleConfiguration {
        rules = List.copyOf(rules);
    }

    /**
     * Whether any rule transitions on the last access time ({@code IsAccessTime}), which needs
     * access tracking on: PutBucketAccessMonitor may not disable it while such a rule exists.
     */
    public boolean usesAccessTime() {
        return rules.stream()
                .anyMatch(r ->
                        r.transitions().stream().anyMatch(t -> t.isAccessTime().orElse(false))
                                || r.noncurrentTransitions().stream()
                                        .anyMatch(t -> t.isAccessTime().orElse(false)));
    }

    /** Enabled rules that select the object, in document order. */
    public List<LifecycleRule> rulesFor(String key, Map<String, String> tags, long size) {
        return rules.stream()
                .filter(LifecycleRule::enabled)
                .filter(r -> r.selects(key, tags, size))
                .toList();
    }

    /**
     * The action due now on the current version of an object, if any. {@code lastAccessed} is used by
     * transitions with {@code IsAccessTime=true}; without access tracking pass {@code lastModified}.
     */
    public Optional<LifecycleAction> currentVersionAction(ObjectFacts object, Instant now) {
        List<LifecycleAction> due = new ArrayList<>();
        for (LifecycleRule rule : rulesFor(object.key(), object.tags(), object.size())) {
            rule.expiration().ifPresent(e -> {
                boolean byDays = e.days()
                        .map(d -> !now.isBefore(object.lastModified().plus(DAY.multipliedBy(d))))
                        .orElse(false);
                boolean byDate = e.date().map(d -> !now.isBefore(d)).orElse(false);
                boolean byCreated = e.createdBeforeDate()
                        .map(d -> object.lastModified().isBefore(d))
                        .orElse(false);
                if (byDays || byDate || byCreated) {
                    due.add(new LifecycleAction(rule.id(), LifecycleAction.Kind.EXPIRE, Optional.empty()));
                }
            });
            for (LifecycleRule.Transition t : rule.transitions()) {
                Instant base = t.isAccessTime().orElse(false) ? object.lastAccessed() : object.lastModified();
                boolean byDays = t.days()
                        .map(d -> !now.isBefore(base.plus(DAY.multipliedBy(d))))
                        .orElse(false);
                boolean byCreated = t.createdBeforeDate()
                        .map(d -> object.lastModified().isBefore(d))
                        .orElse(false);
                if ((byDays || byCreated) && colder(t.storageClass(), object.storageClass())) {
                    due.add(new LifecycleAction(
                            rule.id(), LifecycleAction.Kind.TRANSITION, Optional.of(t.storageClass())));
                }
            }
        }
        return strongest(due);
    }

    /** The action due now on a noncurrent version that became noncurrent at {@code noncurrentSince}. */
    public Optional<LifecycleAction> noncurrentVersionAction(ObjectFacts object, Instant noncurrentSince, Instant now) {
        List<LifecycleAction> due = new ArrayList<>();
        for (LifecycleRule rule : rulesFor(object.key(), object.tags(), object.size())) {
            rule.noncurrentExpirationDays()
                    .filter(d -> !now.isBefore(noncurrentSince.plus(DAY.multipliedBy(d))))
                    .ifPresent(d ->
                            due.add(new LifecycleAction(rule.id(), LifecycleAction.Kind.EXPIRE, Optional.empty())));
            for (LifecycleRule.NoncurrentTransition t : rule.noncurrentTransitions()) {
                if (!now.isBefore(noncurrentSince.plus(DAY.multipliedBy(t.noncurrentDays())))
                        && colder(t.storageClass(), object.storageClass())) {
                    due.add(new LifecycleAction(
                            rule.id(), LifecycleAction.Kind.TRANSITION, Optional.of(t.storageClass())));
                }
            }
        }
        return strongest(due);
    }

    /** The first rule (in order) that aborts a multipart upload of {@code key} initiated at {@code initiated}. */
    public Optional<String> abortingRule(String key, Instant initiated, Instant now) {
        return rules.stream()
                .filter(LifecycleRule::enabled)
                .filter(r -> key.startsWith(r.prefix()))
                .filter(r -> r.abortMultipartUpload()
                        .map(a -> a.days()
                                        .map(d -> !now.isBefore(initiated.plus(DAY.multipliedBy(d))))
                                        .orElse(false)
                                || a.createdBeforeDate()
                                        .map(initiated::isBefore)
                                        .orElse(false))
                        .orElse(false))
                .map(LifecycleRule::id)
                .findFirst();
    }

    /** Whether {@code target} is colder than the object's current class ({@code Standard} is warmest). */
    private static boolean colder(LifecycleRule.StorageClass target, Optional<LifecycleRule.StorageClass> current) {
        return current.map(c -> target.coldness() > c.coldness()).orElse(true);
    }

    private static Optional<LifecycleAction> strongest(List<LifecycleAction> due) {
        return due.stream().max(Comparator.comparingInt(LifecycleAction::rank));
    }

    /** What lifecycle knows about an object; {@code storageClass} empty means Standard. */
    public record ObjectFacts(
            String key,
            Map<String, String> tags,
            long size,
            Instant lastModified,
            Instant lastAccessed,
            Optional<LifecycleRule.StorageClass> storageClass) {
        public ObjectFacts {
            tags = Map.copyOf(tags);
        }
    }

    /** A due action: expire (delete) or transition to {@code storageClass}, and the rule that wants it. */
    public record LifecycleAction(String ruleId, Kind kind, Optional<LifecycleRule.StorageClass> storageClass) {
        public enum Kind {
            TRANSITION,
            EXPIRE
        }

        int rank() {
            return kind == Kind.EXPIRE
                    ? Integer.MAX_VALUE
                    : storageClass.orElseThrow().coldness();
        }
    }
}
