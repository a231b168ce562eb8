package dev.ossops.emulator;

/**
 * The documented defaults for a local emulator. There is deliberately no default root key: each
 * data dir gets a random one when it is created ({@link dev.ossops.emulator.datadir.RootKeyFile}),
 * so no secret is well known.
 */
public final class EmulatorDefaults {
    /** The 16-digit uid of the emulator's account (an identifier, not a secret). */
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

    private EmulatorDefaults() {}
}
