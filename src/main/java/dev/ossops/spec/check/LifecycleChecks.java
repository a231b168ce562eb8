package dev.ossops.spec.check;

import dev.ossops.spec.ProblemCode;
import dev.ossops.spec.schema.DocumentResolver.Document;
import dev.ossops.spec.schema.DocumentSchemas;
import dev.ossops.spec.tree.ListNode;
import dev.ossops.spec.tree.MapNode;
import dev.ossops.spec.tree.Node;
import dev.ossops.spec.tree.PropertyPath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rules OSS enforces on a bucket's lifecycle configuration beyond its shape, reported in the lifecycle documents
 * themselves, plus warnings for costly but legal rules.
 */
final class LifecycleChecks {

    /** Minimum storage durations (days) OSS bills for when objects leave a class early. */
    private static final Map<String, Integer> MINIMUM_DAYS =
            Map.of("IA", 30, "Archive", 60, "ColdArchive", 180, "DeepColdArchive", 180);

    private final CheckContext context;

    LifecycleChecks(CheckContext context) {
        this.context = context;
    }

    /** One rule with the property path it is reported under. */
    record Rule(MapNode node, String path) {
        boolean enabled() {
            return node.string("Status").filter("Enabled"::equals).isPresent();
        }
    }

    /** A bucket's rules in order; {@code complete} is false when a document could not be read. */
    record Rules(List<Rule> rules, boolean complete) {}

    /** The rules of every lifecycle document of a bucket, in order. */
    Rules rules(Node lifecycle, String path) {
        List<Rule> rules = new ArrayList<>();
        boolean complete = true;
        List<Node> entries = lifecycle.asItems();
        for (int i = 0; i < entries.size(); i++) {
            String entryPath = lifecycle instanceof ListNode ? PropertyPath.index(path, i) : path;
            Optional<Document> document = context.documents().resolve(entries.get(i), entryPath);
            if (document.isEmpty() || !(document.get().root() instanceof MapNode root)) {
                complete = false;
                continue;
            }
            Optional<Node> list = root.get("Rules");
            if (list.isPresent() && list.get() instanceof ListNode ruleList) {
                String rulesPath = PropertyPath.key(document.get().basePath(), "Rules");
                for (int r = 0; r < ruleList.items().size(); r++) {
                    Node rule = ruleList.items().get(r);
                    if (rule instanceof MapNode map) {
                        rules.add(new Rule(map, PropertyPath.index(rulesPath, r)));
                    }
                }
            }
        }
        return new Rules(rules, complete);
    }

    void check(Node lifecycle, String path, List<Rule> rules) {
        if (rules.size() > DocumentSchemas.MAX_LIFECYCLE_RULES) {
            context.problems()
                    .error(
                            ProblemCode.LIFECYCLE,
                            lifecycle,
                            path,
                            "a bucket has at most " + DocumentSchemas.MAX_LIFECYCLE_RULES
                                    + " lifecycle rules, these documents hold " + rules.size());
        }
        Map<String, Node> ids = new HashMap<>();
        for (Rule rule : rules) {
            rule.node().get("ID").filter(id -> id.asString().isPresent()).ifPresent(id -> {
                Node first = ids.putIfAbsent(id.asString().get(), id);
                if (first != null) {
                    context.problems()
                            .error(
                                    ProblemCode.LIFECYCLE,
                                    id,
                                    PropertyPath.key(rule.path(), "ID"),
                                    "duplicate rule ID '" + id.asString().get() + "' (also used at " + first.location()
                                            + "); rule IDs must be unique within a bucket");
                }
            });
            checkRule(rule);
        }
    }

    private void checkRule(Rule rule) {
        MapNode node = rule.node();
        String path = rule.path();
        if (!node.has("Expiration")
                && !node.has("Transitions")
                && !node.has("AbortMultipartUpload")
                && !node.has("NoncurrentVersionExpiration")
                && !node.has("NoncurrentVersionTransitions")) {
            context.problems()
                    .error(
                            ProblemCode.LIFECYCLE,
                            node,
                            path,
                            "a rule needs at least one action: Expiration, Transitions, "
                                    + "AbortMultipartUpload, NoncurrentVersionExpiration or NoncurrentVersionTransitions");
        }
        context.map(node, "Expiration")
                .ifPresent(expiration -> exactlyOne(
                        expiration,
                        PropertyPath.key(path, "Expiration"),
                        List.of("Days", "CreatedBeforeDate", "Date", "ExpiredObjectDeleteMarker")));
        context.map(node, "AbortMultipartUpload")
                .ifPresent(abort -> exactlyOne(
                        abort, PropertyPath.key(path, "AbortMultipartUpload"), List.of("Days", "CreatedBeforeDate")));
        Optional<Long> expirationDays = context.map(node, "Expiration").flatMap(e -> e.integer("Days"));
        checkTransitions(
                node,
                path,
                "Transitions",
                "Days",
                expirationDays,
                context.map(node, "Expiration").flatMap(e -> e.get("Days")),
                PropertyPath.key(PropertyPath.key(path, "Expiration"), "Days"));
        Optional<MapNode> noncurrentExpiration = context.map(node, "NoncurrentVersionExpiration");
        checkTransitions(
                node,
                path,
                "NoncurrentVersionTransitions",
                "NoncurrentDays",
                noncurrentExpiration.flatMap(e -> e.integer("NoncurrentDays")),
                noncurrentExpiration.flatMap(e -> e.get("NoncurrentDays")),
                PropertyPath.key(PropertyPath.key(path, "NoncurrentVersionExpiration"), "NoncurrentDays"));
    }

    private void exactlyOne(MapNode node, String path, List<String> keys) {
        long present = keys.stream().filter(node::has).count();
        if (present != 1) {
            context.problems()
                    .error(
                            ProblemCode.LIFECYCLE,
                            node,
                            path,
                            "set exactly one of " + String.join(", ", keys.subList(0, keys.size() - 1)) + " or "
                                    + keys.get(keys.size() - 1) + "; found " + present);
        }
    }

    private void checkTransitions(
            MapNode rule,
            String rulePath,
            String key,
            String daysKey,
            Optional<Long> expiration,
            Optional<Node> expirationNode,
            String expirationPath) {
        Optional<Node> list = rule.get(key);
        if (list.isEmpty()) {
            return;
        }
        List<Node> items = list.get().asItems();
        String listPath = PropertyPath.key(rulePath, key);
        int previousClass = -1;
        long previousDays = 0;
        String previousName = null;
        MapNode previous = null;
        String previousPath = null;
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof MapNode transition)) {
                continue;
            }
            String path = list.get() instanceof ListNode ? PropertyPath.index(listPath, i) : listPath;
            if (key.equals("Transitions")) {
                exactlyOne(transition, path, List.of("Days", "CreatedBeforeDate"));
            }
            Optional<String> storageClass = transition.string("StorageClass");
            int classIndex = storageClass
                    .map(DocumentSchemas.TRANSITION_CLASSES::indexOf)
                    .orElse(-1);
            if (classIndex >= 0 && previousClass >= 0 && classIndex <= previousClass) {
                context.problems()
                        .error(
                                ProblemCode.LIFECYCLE,
                                transition.get("StorageClass").orElseThrow(),
                                PropertyPath.key(path, "StorageClass"),
                                "a transition to " + storageClass.get() + " cannot follow one to " + previousName
                                        + "; classes only get colder: Standard -> IA -> Archive -> ColdArchive -> DeepColdArchive");
            }
            Optional<Long> days = transition.integer(daysKey);
            if (days.isPresent() && previous != null && days.get() <= previousDays) {
                context.problems()
                        .error(
                                ProblemCode.LIFECYCLE,
                                transition.get(daysKey).orElseThrow(),
                                PropertyPath.key(path, daysKey),
                                "must be greater than the previous transition's " + previousDays + " days, got "
                                        + days.get());
            }
            if (days.isPresent() && previous != null && previousName != null && previousPath != null) {
                warnEarlyRemoval(previous, previousPath, previousName, previousDays, days.get(), "the next transition");
            }
            if (classIndex >= 0) {
                previousClass = classIndex;
                previousName = storageClass.get();
            }
            if (days.isPresent()) {
                previousDays = days.get();
                previous = transition;
                previousPath = path;
                if (i == items.size() - 1 && expiration.isPresent() && previousName != null) {
                    if (expiration.get() <= days.get()) {
                        context.problems()
                                .error(
                                        ProblemCode.LIFECYCLE,
                                        expirationNode.orElseThrow(),
                                        expirationPath,
                                        "must be later than the last transition (" + days.get() + " days), got "
                                                + expiration.get());
                    } else {
                        warnEarlyRemoval(transition, path, previousName, days.get(), expiration.get(), "expiration");
                    }
                }
            }
        }
    }

    private void warnEarlyRemoval(
            MapNode transition, String path, String storageClass, long enterDay, long leaveDay, String what) {
        int minimum = MINIMUM_DAYS.getOrDefault(storageClass, 0);
        if (leaveDay > enterDay && leaveDay - enterDay < minimum) {
            Node at = transition.get("StorageClass").orElse(transition);
            context.problems()
                    .warning(
                            ProblemCode.LIFECYCLE,
                            at,
                            PropertyPath.key(path, "StorageClass"),
                            "objects enter " + storageClass + " at day " + enterDay
                                    + " and leave it at day " + leaveDay + " (" + what + "), before its " + minimum
                                    + "-day minimum storage duration; OSS bills the full " + minimum + " days");
        }
    }
}
