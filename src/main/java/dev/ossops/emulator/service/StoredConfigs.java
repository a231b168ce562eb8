package dev.ossops.emulator.service;

import dev.ossops.emulator.config.AccessMonitorCodec;
import dev.ossops.emulator.config.CorsCodec;
import dev.ossops.emulator.config.CorsConfiguration;
import dev.ossops.emulator.config.EncryptionCodec;
import dev.ossops.emulator.config.EncryptionConfiguration;
import dev.ossops.emulator.config.LoggingCodec;
import dev.ossops.emulator.config.LoggingConfiguration;
import dev.ossops.emulator.store.DiskStore;

import java.util.Optional;

/**
 * Typed views of the configuration documents stored with a bucket, for the features that act on
 * them (CORS enforcement, GetBucketInfo). The documents were validated when stored, so parsing
 * them again cannot fail on well-formed data.
 */
public final class StoredConfigs {
    private final DiskStore store;
    private final CorsCodec cors = new CorsCodec();
    private final EncryptionCodec encryption = new EncryptionCodec();
    private final LoggingCodec logging = new LoggingCodec();
    private final AccessMonitorCodec accessMonitor = new AccessMonitorCodec();

    public StoredConfigs(DiskStore store) {
        this.store = store;
    }

    public Optional<CorsConfiguration> cors(String bucket) {
        return store.config(bucket, "cors").map(d -> cors.parse(d.body()));
    }

    public Optional<EncryptionConfiguration> encryption(String bucket) {
        return store.config(bucket, "encryption").map(d -> encryption.parse(d.body()));
    }

    /** Whether the bucket has data replication rules (GetBucketInfo's CrossRegionReplication). */
    public boolean replicating(String bucket) {
        return store.config(bucket, ReplicationRecords.SLOT).isPresent();
    }

    /** Whether access tracking is on (PutBucketAccessMonitor); off when never set. */
    public boolean accessMonitor(String bucket) {
        return store.config(bucket, AccessMonitorCodec.SUBRESOURCE)
                .map(d -> accessMonitor.parse(d.body()))
                .orElse(false);
    }

    /** {@link LoggingConfiguration#DISABLED} when never set. */
    public LoggingConfiguration logging(String bucket) {
        return store.config(bucket, "logging").map(d -> logging.parse(d.body())).orElse(LoggingConfiguration.DISABLED);
    }
}
