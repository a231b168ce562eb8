package dev.ossops.emulator.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One data replication rule of a source bucket, with its lifecycle {@link Status}. */
public record ReplicationRule(
        String id,
        List<String> prefixes,
        List<String> actions,
        Destination destination,
        boolean historicalObjectReplication,
        Optional<String> syncRole,
        Optional<Boolean> sseKmsEncryptedObjects,
        Optional<String> replicaKmsKeyId,
        Optional<Boolean> rtc,
        Optional<String> sourceLocation,
        Status status) {

    public ReplicationRule {
        prefixes = List.copyOf(prefixes);
        actions = List.copyOf(actions);
    }

    public ReplicationRule withStatus(Status newStatus) {
        return new ReplicationRule(
                id,
                prefixes,
                actions,
                destination,
                historicalObjectReplication,
                syncRole,
                sseKmsEncryptedObjects,
                replicaKmsKeyId,
                rtc,
                sourceLocation,
                newStatus);
    }

    /** Whether an object key is replicated by this rule (no prefixes means the whole bucket). */
    public boolean covers(String key) {
        return prefixes.isEmpty() || prefixes.stream().anyMatch(key::startsWith);
    }

    /** {@code TransferType} is {@code internal} or {@code oss_acc}; absent means OSS's default. */
    public record Destination(String bucket, String location, Optional<String> transferType) {}

    /** A rule starts, runs, and after deletion closes before it disappears. */
    public enum Status {
        STARTING,
        DOING,
        CLOSING;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
