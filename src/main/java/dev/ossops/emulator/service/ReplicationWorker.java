package dev.ossops.emulator.service;

import dev.ossops.common.DaemonThreads;
import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.config.ReplicationConfiguration;
import dev.ossops.emulator.config.ReplicationRule;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.store.BucketRecord;
import dev.ossops.emulator.store.DiskStore;
import dev.ossops.emulator.store.KeyRecord;
import dev.ossops.emulator.store.ObjectVersion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Replicates asynchronously, as OSS data replication does: one background thread owned by the
 * emulator passes over every rule at a fixed interval. A pass moves {@code starting} rules to
 * {@code doing} and drops {@code closing} ones (replication has stopped), then copies the current
 * version of each covered key that is missing or older in the destination (for PUT/ALL rules; keys
 * written before the rule only with historical replication) and deletes, in the destination, keys
 * this worker replicated that are gone from the source (DELETE/ALL rules).
 */
public final class ReplicationWorker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ReplicationWorker.class.getName());

    private final DiskStore store;
    private final ObjectService objects;
    private final ReplicationRecords records;
    private final Function<String, Caller> replicators;
    private final Clock clock;
    private final Duration interval;
    private final ScheduledExecutorService executor;
    /** Per bucket/rule: how far replication has got, for GetBucketReplicationProgress. */
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();
    /** Per bucket/rule: keys this worker copied, the only ones whose deletion it replicates. */
    private final Map<String, Set<String>> replicated = new ConcurrentHashMap<>();

    /**
     * @param replicators the identity copies are made as, by the source bucket's owner account (that account's root:
     *                    OSS replicates as the service, for the bucket's owner)
     */
    public ReplicationWorker(
            DiskStore store,
            ObjectService objects,
            Function<String, Caller> replicators,
            Clock clock,
            Duration interval) {
        this.store = store;
        this.objects = objects;
        this.records = new ReplicationRecords(store);
        this.replicators = replicators;
        this.clock = clock;
        this.interval = interval;
        this.executor = DaemonThreads.scheduler("ossops-emulator-replication");
    }

    public void start() {
        // A pass catches and logs its own failures, so one failed pass does not end the repetition.
        DaemonThreads.repeat(executor, interval, this::pass);
    }

    /** How far one rule has got: the fraction of historical objects copied and the time new objects are copied up to. */
    record Progress(double historicalFraction, Instant newObjectsUntil) {}

    Progress progress(String bucket, ReplicationRule rule, long addedMillis) {
        return progress.getOrDefault(bucket + "/" + rule.id(), new Progress(0, Instant.ofEpochMilli(addedMillis)));
    }

    /** One pass over all rules of all buckets; a failing rule is logged and retried on the next pass. */
    void pass() {
        for (BucketRecord bucket : List.copyOf(store.buckets())) {
            ReplicationRecords.Rules rules =
                    store.atomically(() -> store.bucket(bucket.name()).isPresent()
                            ? records.load(bucket.name())
                            : ReplicationRecords.Rules.NONE);
            for (ReplicationRule rule : rules.config().rules()) {
                try {
                    advance(bucket.name(), rule, rules.added(rule.id()));
                } catch (RuntimeException e) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "replication rule " + rule.id() + " of bucket " + bucket.name() + " failed this pass: "
                                    + e.getMessage());
                }
            }
        }
    }

    private void advance(String bucket, ReplicationRule rule, long addedMillis) {
        String ruleKey = bucket + "/" + rule.id();
        if (rule.status() == ReplicationRule.Status.CLOSING) {
            update(bucket, rules -> rules.remove(rule.id()));
            progress.remove(ruleKey);
            replicated.remove(ruleKey);
            return;
        }
        if (rule.status() == ReplicationRule.Status.STARTING) {
            update(bucket, rules -> rules.withStatus(rule.id(), ReplicationRule.Status.DOING));
        }
        String destination = rule.destination().bucket();
        if (store.bucket(destination).isEmpty()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "replication rule " + rule.id() + " of bucket " + bucket + ": destination bucket " + destination
                            + " does not exist");
            return;
        }
        Optional<BucketRecord> sourceBucket = store.bucket(bucket);
        if (sourceBucket.isEmpty()) {
            return;
        }
        Caller replicator = replicators.apply(sourceBucket.get().owner());
        long passStart = clock.millis();
        boolean copies = rule.actions().contains("ALL") || rule.actions().contains("PUT");
        boolean deletes = rule.actions().contains("ALL") || rule.actions().contains("DELETE");
        Set<String> copied = replicated.computeIfAbsent(ruleKey, k -> ConcurrentHashMap.newKeySet());
        NavigableMap<String, KeyRecord> keys = store.atomically(() -> new TreeMap<>(store.keys(bucket)));
        if (copies) {
            for (KeyRecord key : keys.values()) {
                Optional<ObjectVersion> current = key.current();
                if (rule.covers(key.key())
                        && current.isPresent()
                        && (rule.historicalObjectReplication() || current.get().lastModified() >= addedMillis)
                        && outdated(destination, key.key(), current.get())) {
                    // A replica keeps the source object's server-side encryption.
                    Optional<ServerSideEncryption> encryption =
                            ServerSideEncryption.of(current.get().headers());
                    replicate(
                            () -> {
                                objects.copy(
                                        replicator,
                                        bucket,
                                        key.key(),
                                        null,
                                        Conditions.NONE,
                                        destination,
                                        key.key(),
                                        null,
                                        encryption,
                                        false);
                                if (deletes) {
                                    copied.add(key.key());
                                }
                            },
                            bucket,
                            key.key());
                }
            }
        }
        if (deletes) {
            // A deleted key leaves the source's index, so the keys this worker copied are checked instead.
            for (String key : List.copyOf(copied)) {
                KeyRecord source = keys.get(key);
                if (source == null || source.current().isEmpty()) {
                    replicate(
                            () -> {
                                objects.delete(replicator, destination, key, null);
                                copied.remove(key);
                            },
                            bucket,
                            key);
                }
            }
        }
        progress.put(ruleKey, new Progress(1.0, Instant.ofEpochMilli(passStart)));
    }

    private static void replicate(Runnable step, String bucket, String key) {
        try {
            step.run();
        } catch (OssException e) {
            // The key changed under this pass (deleted or rewritten); the next pass sees its new state.
            LOG.log(System.Logger.Level.DEBUG, "replication of " + bucket + "/" + key + " deferred: " + e.getMessage());
        }
    }

    private boolean outdated(String destination, String key, ObjectVersion source) {
        return store.key(destination, key)
                .flatMap(KeyRecord::current)
                .map(d -> d.lastModified() < source.lastModified())
                .orElse(true);
    }

    private void update(String bucket, UnaryOperator<ReplicationConfiguration> change) {
        store.atomically(() -> {
            if (store.bucket(bucket).isEmpty()) {
                return null;
            }
            ReplicationRecords.Rules rules = records.load(bucket);
            records.save(bucket, new ReplicationRecords.Rules(change.apply(rules.config()), rules.addedMillis()));
            return null;
        });
    }

    /** Stops the worker; a pass in progress finishes first (bounded wait). */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
