package dev.ossops.emulator.service;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.config.BucketConfigCodec;
import dev.ossops.emulator.config.ReplicationCodec;
import dev.ossops.emulator.config.ReplicationConfiguration;
import dev.ossops.emulator.config.ReplicationRule;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.store.DiskStore;
import dev.ossops.policy.OssAction;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Data replication rules (PutBucketReplication, GetBucketReplication, DeleteBucketReplication,
 * GetBucketReplicationLocation, GetBucketReplicationProgress); the copying itself is the
 * {@link ReplicationWorker}'s.
 */
public final class ReplicationService {
    /** The regions GetBucketReplicationLocation offers (OSS's example answer, plus the emulator's own region's peers). */
    private static final List<String> REGIONS = List.of(
            "oss-cn-beijing",
            "oss-cn-hangzhou",
            "oss-cn-qingdao",
            "oss-cn-shanghai",
            "oss-cn-shenzhen",
            "oss-cn-hongkong",
            "oss-us-west-1",
            "oss-ap-southeast-1");
    /** Regions reachable only with the listed transfer types (LocationTransferTypeConstraint). */
    private static final Map<String, List<String>> TRANSFER_TYPES =
            Map.of("oss-cn-hongkong", List.of("internal", "oss_acc"), "oss-us-west-1", List.of("internal", "oss_acc"));

    private final DiskStore store;
    private final BucketService buckets;
    private final ReplicationRecords records;
    private final ReplicationWorker worker;
    private final ReplicationCodec codec;
    private final Clock clock;

    public ReplicationService(
            DiskStore store, BucketService buckets, ReplicationWorker worker, ReplicationCodec codec, Clock clock) {
        this.store = store;
        this.buckets = buckets;
        this.records = new ReplicationRecords(store);
        this.worker = worker;
        this.codec = codec;
        this.clock = clock;
    }

    /** PutBucketReplication: one rule, {@code starting}; the destination bucket must exist. */
    public ReplicationRule add(Caller caller, String bucket, Supplier<byte[]> body) {
        buckets.get(caller, bucket, OssAction.PUT_BUCKET_REPLICATION);
        ReplicationRule rule = codec.parseAdd(bucket, body.get());
        return store.atomically(() -> {
            buckets.require(bucket);
            String destination = rule.destination().bucket();
            if (store.bucket(destination).isEmpty()) {
                throw BucketService.noSuchBucket(destination);
            }
            ReplicationRecords.Rules rules = records.load(bucket);
            Map<String, Long> added = new HashMap<>(rules.addedMillis());
            added.put(rule.id(), clock.millis());
            records.save(bucket, new ReplicationRecords.Rules(rules.config().add(rule), added));
            return rule;
        });
    }

    public BucketConfigCodec.StoredConfig get(Caller caller, String bucket) {
        buckets.get(caller, bucket, OssAction.GET_BUCKET_REPLICATION);
        return codec.render(bucket, store.atomically(() -> records.load(bucket)).config());
    }

    /** DeleteBucketReplication: the rule turns {@code closing} and disappears once the worker has stopped it. */
    public void delete(Caller caller, String bucket, Supplier<byte[]> body) {
        buckets.get(caller, bucket, OssAction.DELETE_BUCKET_REPLICATION);
        String id = codec.parseDelete(body.get());
        store.atomically(() -> {
            buckets.require(bucket);
            ReplicationRecords.Rules rules = records.load(bucket);
            if (rules.config().rules().isEmpty()) {
                throw new OssException(OssError.NO_SUCH_REPLICATION_CONFIGURATION).with("BucketName", bucket);
            }
            records.save(bucket, new ReplicationRecords.Rules(rules.config().delete(id), rules.addedMillis()));
            return null;
        });
    }

    public BucketConfigCodec.StoredConfig location(Caller caller, String bucket) {
        buckets.get(caller, bucket, OssAction.GET_BUCKET_REPLICATION_LOCATION);
        String own = "oss-" + buckets.region();
        return codec.renderLocations(
                REGIONS.stream().filter(r -> !r.equals(own)).toList(), TRANSFER_TYPES);
    }

    public BucketConfigCodec.StoredConfig progress(Caller caller, String bucket, @Nullable String ruleId) {
        buckets.get(caller, bucket, OssAction.GET_BUCKET_REPLICATION_PROGRESS);
        ReplicationRecords.Rules rules = store.atomically(() -> records.load(bucket));
        if (rules.config().rules().isEmpty()) {
            throw new OssException(OssError.NO_SUCH_REPLICATION_CONFIGURATION).with("BucketName", bucket);
        }
        ReplicationConfiguration config = rules.config();
        ReplicationRule rule = config.rule(ruleId == null ? "" : ruleId)
                .orElseThrow(() -> new OssException(OssError.NO_SUCH_REPLICATION_RULE));
        ReplicationWorker.Progress p = worker.progress(bucket, rule, rules.added(rule.id()));
        return codec.renderProgress(config, rule.id(), p.historicalFraction(), p.newObjectsUntil());
    }
}
