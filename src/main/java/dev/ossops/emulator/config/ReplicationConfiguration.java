package dev.ossops.emulator.config;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A bucket's replication rules. OSS manages them one at a time ({@code POST ?replication&comp=add}
 * and {@code comp=delete}), so this is an immutable list with add and delete operations.
 */
public record ReplicationConfiguration(List<ReplicationRule> rules) {
    public static final int MAX_RULES = 100;
    public static final ReplicationConfiguration EMPTY = new ReplicationConfiguration(List.of());

    public ReplicationConfiguration {
        rules = List.copyOf(rules);
    }

    public Optional<ReplicationRule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Adds a rule: IDs are unique, a destination bucket is the target of one rule only, at most 100 rules. */
    public ReplicationConfiguration add(ReplicationRule rule) {
        if (rules.size() >= MAX_RULES) {
            throw ConfigXml.invalid(
                    "A bucket can have at most " + MAX_RULES + " replication rules.",
                    "Rule",
                    Integer.toString(rules.size() + 1));
        }
        if (rule(rule.id()).isPresent()) {
            throw ConfigXml.invalid("The replication rule ID already exists.", "ID", rule.id());
        }
        if (rules.stream()
                .anyMatch(
                        r -> r.destination().bucket().equals(rule.destination().bucket()))) {
            throw ConfigXml.invalid(
                    "A replication rule for this destination bucket already exists.",
                    "Bucket",
                    rule.destination().bucket());
        }
        List<ReplicationRule> more = new ArrayList<>(rules);
        more.add(rule);
        return new ReplicationConfiguration(more);
    }

    /** DeleteBucketReplication: the rule is closing; {@link #remove} drops it once replication has stopped. */
    public ReplicationConfiguration delete(String id) {
        ReplicationRule existing = rule(id).orElseThrow(() -> new OssException(OssError.NO_SUCH_REPLICATION_RULE));
        return replace(existing.withStatus(ReplicationRule.Status.CLOSING));
    }

    /** Moves a rule to {@code status} (the service's replication worker reports starting -> doing). */
    public ReplicationConfiguration withStatus(String id, ReplicationRule.Status status) {
        ReplicationRule existing = rule(id).orElseThrow(() -> new OssException(OssError.NO_SUCH_REPLICATION_RULE));
        return replace(existing.withStatus(status));
    }

    public ReplicationConfiguration remove(String id) {
        return new ReplicationConfiguration(
                rules.stream().filter(r -> !r.id().equals(id)).toList());
    }

    private ReplicationConfiguration replace(ReplicationRule changed) {
        return new ReplicationConfiguration(rules.stream()
                .map(r -> r.id().equals(changed.id()) ? changed : r)
                .toList());
    }
}
