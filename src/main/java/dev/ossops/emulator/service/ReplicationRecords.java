package dev.ossops.emulator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.config.ReplicationConfiguration;
import dev.ossops.emulator.config.ReplicationRule;
import dev.ossops.emulator.store.DiskStore;
import dev.ossops.emulator.store.StoredDocument;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bucket's replication rules as stored with the bucket (so they survive a restart), each with
 * the time it was added: without historical replication only objects written from then on are
 * copied. Kept as the emulator's own JSON under the {@code replication} configuration slot.
 */
final class ReplicationRecords {
    static final String SLOT = "replication";
    private static final String CONTENT_TYPE = "application/json";

    private final DiskStore store;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    ReplicationRecords(DiskStore store) {
        this.store = store;
    }

    /** The rules and the millisecond each was added (by rule id). */
    record Rules(ReplicationConfiguration config, Map<String, Long> addedMillis) {
        static final Rules NONE = new Rules(ReplicationConfiguration.EMPTY, Map.of());

        Rules {
            addedMillis = Map.copyOf(addedMillis);
        }

        long added(String ruleId) {
            return addedMillis.getOrDefault(ruleId, 0L);
        }
    }

    /** Caller holds the store lock or accepts a snapshot. */
    Rules load(String bucket) {
        return store.config(bucket, SLOT).map(d -> parse(d.body())).orElse(Rules.NONE);
    }

    void save(String bucket, Rules rules) {
        if (rules.config().rules().isEmpty()) {
            store.deleteConfig(bucket, SLOT);
            return;
        }
        List<StoredRule> stored = rules.config().rules().stream()
                .map(r -> StoredRule.of(r, rules.added(r.id())))
                .toList();
        try {
            store.putConfig(bucket, SLOT, new StoredDocument(CONTENT_TYPE, json.writeValueAsBytes(stored)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise replication rules of " + bucket, e);
        }
    }

    private Rules parse(byte[] body) {
        try {
            StoredRule[] stored = json.readValue(body, StoredRule[].class);
            Map<String, Long> added = new LinkedHashMap<>();
            ReplicationConfiguration config = ReplicationConfiguration.EMPTY;
            for (StoredRule s : stored) {
                config = config.add(s.toRule());
                added.put(s.id(), s.addedMillis());
            }
            return new Rules(config, added);
        } catch (IOException e) {
            throw new UncheckedIOException("stored replication rules are unreadable", e);
        }
    }

    /** The JSON shape of one rule: plain nullable fields, so no Optional support is needed. */
    record StoredRule(
            String id,
            List<String> prefixes,
            List<String> actions,
            String destinationBucket,
            String destinationLocation,
            @Nullable String transferType,
            boolean historical,
            @Nullable String syncRole,
            @Nullable Boolean sseKmsEncryptedObjects,
            @Nullable String replicaKmsKeyId,
            @Nullable Boolean rtc,
            @Nullable String sourceLocation,
            String status,
            long addedMillis) {

        static StoredRule of(ReplicationRule r, long addedMillis) {
            return new StoredRule(
                    r.id(),
                    r.prefixes(),
                    r.actions(),
                    r.destination().bucket(),
                    r.destination().location(),
                    r.destination().transferType().orElse(null),
                    r.historicalObjectReplication(),
                    r.syncRole().orElse(null),
                    r.sseKmsEncryptedObjects().orElse(null),
                    r.replicaKmsKeyId().orElse(null),
                    r.rtc().orElse(null),
                    r.sourceLocation().orElse(null),
                    r.status().name(),
                    addedMillis);
        }

        ReplicationRule toRule() {
            return new ReplicationRule(
                    id,
                    prefixes,
                    actions,
                    new ReplicationRule.Destination(
                            destinationBucket, destinationLocation, Optional.ofNullable(transferType)),
                    historical,
                    Optional.ofNullable(syncRole),
                    Optional.ofNullable(sseKmsEncryptedObjects),
                    Optional.ofNullable(replicaKmsKeyId),
                    Optional.ofNullable(rtc),
                    Optional.ofNullable(sourceLocation),
                    ReplicationRule.Status.valueOf(status));
        }
    }
}
