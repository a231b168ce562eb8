package dev.ossops.emulator;

import dev.ossops.emulator.dashscope.DashscopeConfig;
import dev.ossops.emulator.rpc.Masking;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start an {@link Emulator}. The bind address is always 127.0.0.1: the emulator accepts
 * well-known root credentials and must not be reachable from other machines.
 *
 * @param port          TCP port, 0 for a random free port
 * @param dataDir       where buckets, objects and uploads are kept across restarts
 * @param rootKeyId     AccessKey id of the root account
 * @param rootKeySecret AccessKey secret of the root account
 * @param accountId     16-digit uid of the account that owns everything
 * @param region        the region the emulator reports for buckets (OSS answers per region)
 * @param dashscope     the DashScope temporary-storage endpoint's API keys, model limits and rate limit
 * @param maxBuckets    how many buckets the account may have (TooManyBuckets beyond)
 * @param restoreDelay  how long RestoreObject takes before an archived object's copy can be read
 */
public record EmulatorConfig(int port, Path dataDir, String rootKeyId, String rootKeySecret, String accountId,
                             String region, DashscopeConfig dashscope, int maxBuckets, Duration restoreDelay) {
    public static final String BIND_ADDRESS = "127.0.0.1";

    public EmulatorConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        Objects.requireNonNull(dataDir, "dataDir");
        requireText(rootKeyId, "rootKeyId");
        requireText(rootKeySecret, "rootKeySecret");
        if (accountId == null || !accountId.matches("\\d{16}")) {
            throw new IllegalArgumentException("accountId must be 16 digits, was '" + accountId + "'");
        }
        requireText(region, "region");
        Objects.requireNonNull(dashscope, "dashscope");
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("maxBuckets must be at least 1, was " + maxBuckets);
        }
        Objects.requireNonNull(restoreDelay, "restoreDelay");
        if (restoreDelay.isNegative() || restoreDelay.compareTo(MAX_RESTORE_DELAY) > 0) {
            throw new IllegalArgumentException("restoreDelay must be between 0 and " + MAX_RESTORE_DELAY.toHours()
                    + " hours, was " + restoreDelay);
        }
    }

    /** OSS's slowest restore (Deep Cold Archive, Standard tier) takes up to 48 hours. */
    public static final Duration MAX_RESTORE_DELAY = Duration.ofHours(48);

    /** A configuration with {@link DashscopeConfig#defaults()} and OSS's default bucket quota. */
    public EmulatorConfig(int port, Path dataDir, String rootKeyId, String rootKeySecret, String accountId, String region) {
        this(port, dataDir, rootKeyId, rootKeySecret, accountId, region, DashscopeConfig.defaults(), EmulatorDefaults.MAX_BUCKETS,
                EmulatorDefaults.RESTORE_DELAY);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Never prints the secret; the key id is masked. */
    @Override
    public String toString() {
        return "EmulatorConfig[port=" + port + ", dataDir=" + dataDir + ", rootKeyId=" + Masking.accessKeyId(rootKeyId)
                + ", accountId=" + accountId + ", region=" + region + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }

    /** Builder with the documented defaults of {@link EmulatorDefaults}. */
    public static final class Builder {
        private int port = EmulatorDefaults.PORT;
        private Path dataDir = Path.of(EmulatorDefaults.DATA_DIR);
        private String rootKeyId = EmulatorDefaults.ROOT_KEY_ID;
        private String rootKeySecret = EmulatorDefaults.ROOT_KEY_SECRET;
        private String accountId = EmulatorDefaults.ACCOUNT_ID;
        private String region = EmulatorDefaults.REGION;
        private DashscopeConfig dashscope = DashscopeConfig.defaults();
        private int maxBuckets = EmulatorDefaults.MAX_BUCKETS;
        private Duration restoreDelay = EmulatorDefaults.RESTORE_DELAY;

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder rootKeyId(String rootKeyId) {
            this.rootKeyId = rootKeyId;
            return this;
        }

        public Builder rootKeySecret(String rootKeySecret) {
            this.rootKeySecret = rootKeySecret;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder dashscope(DashscopeConfig dashscope) {
            this.dashscope = dashscope;
            return this;
        }

        /** The account's bucket quota; OSS's default is 100, raised on request. */
        public Builder maxBuckets(int maxBuckets) {
            this.maxBuckets = maxBuckets;
            return this;
        }

        /** How long RestoreObject takes; the emulator's clock decides when it is done. */
        public Builder restoreDelay(Duration restoreDelay) {
            this.restoreDelay = restoreDelay;
            return this;
        }

        public EmulatorConfig build() {
            return new EmulatorConfig(port, dataDir, rootKeyId, rootKeySecret, accountId, region, dashscope, maxBuckets,
                    restoreDelay);
        }
    }
}
