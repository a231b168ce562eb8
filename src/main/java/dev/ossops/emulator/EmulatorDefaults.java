package dev.ossops.emulator;

/**
 * The documented defaults for a local emulator. The root key is public on purpose: it only ever
 * opens an emulator bound to 127.0.0.1 and must never be used against a real account.
 */
public final class EmulatorDefaults {
    /** AccessKey id of the emulator's root account (24 characters, shaped like a real LTAI id). */
    public static final String ROOT_KEY_ID = "LTAI5tOssopsEmulatorRoot";
    /** AccessKey secret of the emulator's root account (30 characters, like a real secret). */
    public static final String ROOT_KEY_SECRET = "OssopsEmulatorLocalOnlySecret0";
    /** The 16-digit uid of the emulator's account. */
    public static final String ACCOUNT_ID = "1680000000000001";
    /** The port {@code ossops emulator} listens on unless told otherwise. */
    public static final int PORT = 9000;
    /** The data directory {@code ossops emulator} uses unless told otherwise. */
    public static final String DATA_DIR = ".ossops/emulator";
    /** Buckets per account before PutBucket answers TooManyBuckets: OSS's default quota. */
    public static final int MAX_BUCKETS = 100;
    /** The region reported by GetBucketLocation and GetBucketInfo. */
    public static final String REGION = "cn-hangzhou";
    /**
     * How long a RestoreObject takes. OSS takes a minute to hours depending on the storage class
     * and tier; locally one short delay for all keeps the "ongoing" state observable without waiting.
     */
    public static final java.time.Duration RESTORE_DELAY = java.time.Duration.ofSeconds(1);

    private EmulatorDefaults() {
    }
}
