package dev.ossops.emulator.service;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.config.LoggingCodec;
import dev.ossops.emulator.config.LoggingConfiguration;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.store.DiskStore;
import dev.ossops.policy.OssAction;

import java.util.function.Supplier;

/**
 * PutBucketLogging with OSS's check that the target bucket exists (and so is in the same account
 * and region: the emulator has one of each); storing is the generic configuration path's.
 */
public final class LoggingService {
    private final DiskStore store;
    private final BucketService buckets;
    private final LoggingCodec codec = new LoggingCodec();

    public LoggingService(DiskStore store, BucketService buckets) {
        this.store = store;
        this.buckets = buckets;
    }

    /** {@code body} is read only once the caller is authorized. */
    public void put(Caller caller, String bucket, Supplier<byte[]> body) {
        buckets.get(caller, bucket, OssAction.PUT_BUCKET_LOGGING);
        byte[] document = body.get();
        LoggingConfiguration config = codec.parse(document);
        config.targetBucket().ifPresent(target -> {
            if (store.bucket(target).isEmpty()) {
                throw new OssException(OssError.INVALID_TARGET_BUCKET_FOR_LOGGING).with("TargetBucket", target);
            }
        });
        buckets.putConfig(caller, bucket, "logging", () -> document);
    }
}
