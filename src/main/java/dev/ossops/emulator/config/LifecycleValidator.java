package dev.ossops.emulator.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The semantic checks OSS makes on a lifecycle configuration after the schema check
 * (PutBucketLifecycle request elements and the 0014-* error pages): limits, unique IDs, one form per
 * action, transitions ordered from warm to cold, expiration after transitions, and overlapping-prefix
 * rules that would contradict each other (0014-00000082).
 */
final class LifecycleValidator {
    static final int MAX_RULES = 1000;
    static final int MAX_ID_LENGTH = 255;
    static final int MAX_TRANSITIONS = 3;
    private static final long MAX_OBJECT_SIZE = 5L * 1024 * 1024 * 1024 * 1024;

    private LifecycleValidator() {}

    static void validate(LifecycleConfiguration config) {
        Set<String> ids = new HashSet<>();
        for (LifecycleRule rule : config.rules()) {
            if (rule.id().length() > MAX_ID_LENGTH) {
                throw ConfigXml.invalid(
                        "Rule ID cannot be longer than " + MAX_ID_LENGTH + " characters.", "ID", rule.id());
            }
            if (!ids.add(rule.id())) {
                throw ConfigXml.invalid("Rule ID must be unique.", "ID", rule.id());
            }
            rule(rule);
        }
        overlaps(config.rules());
    }

    private static void rule(LifecycleRule rule) {
        if (rule.expiration().isEmpty()
                && rule.transitions().isEmpty()
                && rule.abortMultipartUpload().isEmpty()
                && rule.noncurrentExpirationDays().isEmpty()
                && rule.noncurrentTransitions().isEmpty()) {
            throw ConfigXml.invalid("A lifecycle rule must specify at least one action.", "Rule", rule.id());
        }
        if (!rule.tags().isEmpty() && rule.abortMultipartUpload().isPresent()) {
            throw ConfigXml.invalid(
                    "AbortMultipartUpload cannot be specified in a rule that has tags.", "Rule", rule.id());
        }
        rule.filter().ifPresent(f -> filter(rule, f));
        rule.expiration().ifPresent(LifecycleValidator::expiration);
        transitions(rule);
        noncurrent(rule);
    }

    private static void filter(LifecycleRule rule, LifecycleRule.Filter f) {
        for (Optional<Long> bound : List.of(f.objectSizeGreaterThan(), f.objectSizeLessThan())) {
            if (bound.isPresent() && bound.get() > MAX_OBJECT_SIZE) {
                throw ConfigXml.invalid(
                        "Object size filters must be between 0 and 5 TB.",
                        "Filter",
                        bound.get().toString());
            }
        }
        if (f.objectSizeGreaterThan().isPresent()
                && f.objectSizeLessThan().isPresent()
                && f.objectSizeGreaterThan().get() >= f.objectSizeLessThan().get()) {
            throw ConfigXml.invalid(
                    "ObjectSizeGreaterThan must be less than ObjectSizeLessThan.",
                    "Filter",
                    f.objectSizeGreaterThan().get().toString());
        }
        for (LifecycleRule.Not not : f.nots()) {
            if (!not.prefix().startsWith(rule.prefix())
                    || (not.prefix().equals(rule.prefix()) && not.tag().isEmpty())) {
                throw ConfigXml.invalid(
                        "The prefix of Not must start with the rule prefix and be longer than it.",
                        "Not",
                        not.prefix());
            }
        }
    }

    private static void expiration(LifecycleRule.Expiration e) {
        if (e.expiredObjectDeleteMarker().isPresent()
                && (e.days().isPresent()
                        || e.createdBeforeDate().isPresent()
                        || e.date().isPresent())) {
            throw ConfigXml.invalid(
                    "ExpiredObjectDeleteMarker cannot be specified with Days, Date or CreatedBeforeDate.",
                    "Expiration",
                    "ExpiredObjectDeleteMarker");
        }
        long forms = List.of(e.days(), e.date(), e.createdBeforeDate(), e.expiredObjectDeleteMarker()).stream()
                .filter(Optional::isPresent)
                .count();
        if (forms != 1) {
            throw ConfigXml.invalid(
                    "Expiration must contain exactly one of Days, Date, CreatedBeforeDate and "
                            + "ExpiredObjectDeleteMarker.",
                    "Expiration",
                    "");
        }
    }

    private static void transitions(LifecycleRule rule) {
        List<LifecycleRule.Transition> ts = rule.transitions();
        if (ts.size() > MAX_TRANSITIONS) {
            throw ConfigXml.invalid(
                    "A lifecycle rule can contain at most " + MAX_TRANSITIONS + " Transition elements.",
                    "Transition",
                    Integer.toString(ts.size()));
        }
        EnumSet<LifecycleRule.StorageClass> seen = EnumSet.noneOf(LifecycleRule.StorageClass.class);
        for (LifecycleRule.Transition t : ts) {
            if (t.days().isPresent() == t.createdBeforeDate().isPresent()) {
                throw ConfigXml.invalid(
                        "Transition must contain exactly one of Days and CreatedBeforeDate.",
                        "Transition",
                        t.storageClass().name());
            }
            if (!seen.add(t.storageClass())) {
                throw ConfigXml.invalid(
                        "A lifecycle rule can contain only one Transition per storage class.",
                        "StorageClass",
                        t.storageClass().name());
            }
            if (t.returnToStdWhenVisit().orElse(false) && !t.isAccessTime().orElse(false)) {
                throw ConfigXml.invalid(
                        "ReturnToStdWhenVisit can be true only when IsAccessTime is true.",
                        "ReturnToStdWhenVisit",
                        "true");
            }
        }
        boolean byDays = ts.stream().anyMatch(t -> t.days().isPresent());
        boolean byDate = ts.stream().anyMatch(t -> t.createdBeforeDate().isPresent());
        Optional<LifecycleRule.Expiration> exp = rule.expiration();
        boolean expByDays = exp.flatMap(LifecycleRule.Expiration::days).isPresent();
        boolean expByDate =
                exp.flatMap(LifecycleRule.Expiration::createdBeforeDate).isPresent();
        if ((byDays && byDate) || (byDays && expByDate) || (byDate && expByDays)) {
            throw ConfigXml.invalid(
                    "Expiration and Transition in a rule must both use Days or both use CreatedBeforeDate.",
                    "Rule",
                    rule.id());
        }
        List<LifecycleRule.Transition> ordered = new ArrayList<>(ts);
        ordered.sort(Comparator.comparing(LifecycleRule.Transition::storageClass));
        for (int i = 1; i < ordered.size(); i++) {
            LifecycleRule.Transition warmer = ordered.get(i - 1);
            LifecycleRule.Transition colder = ordered.get(i);
            boolean ok = byDays
                    ? warmer.days().get() < colder.days().get()
                    : colder.createdBeforeDate()
                            .get()
                            .isBefore(warmer.createdBeforeDate().get());
            if (!ok) {
                throw ConfigXml.invalid(
                        "The transition to " + colder.storageClass() + " must happen later than the transition to "
                                + warmer.storageClass() + ".",
                        "StorageClass",
                        colder.storageClass().name());
            }
        }
        if (!ordered.isEmpty()) {
            LifecycleRule.Transition last = ordered.get(ordered.size() - 1);
            boolean expiresTooEarly = expByDays
                    ? exp.get().days().get() <= maxDays(ts)
                    : expByDate && !exp.get().createdBeforeDate().get().isBefore(minDate(ts));
            if (expiresTooEarly) {
                throw ConfigXml.invalid(
                        "Expiration must happen later than the transition to " + last.storageClass() + ".",
                        "Expiration",
                        rule.id());
            }
        }
    }

    private static void noncurrent(LifecycleRule rule) {
        List<LifecycleRule.NoncurrentTransition> ts = new ArrayList<>(rule.noncurrentTransitions());
        if (ts.size() > MAX_TRANSITIONS) {
            throw ConfigXml.invalid(
                    "A lifecycle rule can contain at most " + MAX_TRANSITIONS
                            + " NoncurrentVersionTransition elements.",
                    "NoncurrentVersionTransition",
                    Integer.toString(ts.size()));
        }
        EnumSet<LifecycleRule.StorageClass> seen = EnumSet.noneOf(LifecycleRule.StorageClass.class);
        for (LifecycleRule.NoncurrentTransition t : ts) {
            if (!seen.add(t.storageClass())) {
                throw ConfigXml.invalid(
                        "A lifecycle rule can contain only one NoncurrentVersionTransition per storage class.",
                        "StorageClass",
                        t.storageClass().name());
            }
        }
        ts.sort(Comparator.comparing(LifecycleRule.NoncurrentTransition::storageClass));
        for (int i = 1; i < ts.size(); i++) {
            if (ts.get(i - 1).noncurrentDays() >= ts.get(i).noncurrentDays()) {
                throw ConfigXml.invalid(
                        "The noncurrent transition to " + ts.get(i).storageClass()
                                + " must happen later than the noncurrent transition to "
                                + ts.get(i - 1).storageClass() + ".",
                        "StorageClass",
                        ts.get(i).storageClass().name());
            }
        }
        if (rule.noncurrentExpirationDays().isPresent()
                && !ts.isEmpty()
                && rule.noncurrentExpirationDays().get()
                        <= ts.get(ts.size() - 1).noncurrentDays()) {
            throw ConfigXml.invalid(
                    "NoncurrentVersionExpiration must happen later than the noncurrent transitions.",
                    "NoncurrentVersionExpiration",
                    rule.id());
        }
    }

    /**
     * Rules whose prefixes overlap apply together to the objects they share, so their day-based
     * actions must still run warm to cold and expire last across both rules (0014-00000082). The
     * documented check concerns prefix-only rules; rules narrowed by tags or a filter are resolved
     * at run time by precedence (expiration first) instead.
     */
    private static void overlaps(List<LifecycleRule> rules) {
        for (int i = 0; i < rules.size(); i++) {
            for (int j = i + 1; j < rules.size(); j++) {
                LifecycleRule a = rules.get(i);
                LifecycleRule b = rules.get(j);
                boolean prefixOnly = a.tags().isEmpty()
                        && b.tags().isEmpty()
                        && a.filter().isEmpty()
                        && b.filter().isEmpty();
                if (prefixOnly
                        && (a.prefix().startsWith(b.prefix()) || b.prefix().startsWith(a.prefix()))) {
                    List<long[]> steps = new ArrayList<>(daySteps(a));
                    steps.addAll(daySteps(b));
                    for (long[] x : steps) {
                        for (long[] y : steps) {
                            if (x[0] < y[0] && x[1] >= y[1]) {
                                throw ConfigXml.invalid(
                                        "Rules " + a.id() + " and " + b.id()
                                                + " have overlapping prefixes and conflicting actions.",
                                        "Rule",
                                        b.id());
                            }
                        }
                    }
                }
            }
        }
    }

    /** Day-based current-version actions as (coldness rank, days); expiration is the coldest. */
    private static List<long[]> daySteps(LifecycleRule rule) {
        List<long[]> steps = new ArrayList<>();
        for (LifecycleRule.Transition t : rule.transitions()) {
            t.days().ifPresent(d -> steps.add(new long[] {t.storageClass().coldness(), d}));
        }
        rule.expiration()
                .flatMap(LifecycleRule.Expiration::days)
                .ifPresent(d -> steps.add(new long[] {LifecycleRule.StorageClass.DeepColdArchive.coldness() + 1, d}));
        return steps;
    }

    private static long maxDays(List<LifecycleRule.Transition> ts) {
        return ts.stream().mapToLong(t -> t.days().orElse(0L)).max().orElse(0);
    }

    private static Instant minDate(List<LifecycleRule.Transition> ts) {
        return ts.stream()
                .map(t -> t.createdBeforeDate().orElse(Instant.MAX))
                .min(Comparator.naturalOrder())
                .orElseThrow();
    }
}
