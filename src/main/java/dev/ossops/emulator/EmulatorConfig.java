package dev.ossops.emulator;

import dev.ossops.common.AccessKeys;
import dev.ossops.emulator.dashscope.DashscopeConfig;
import dev.ossops.emulator.datadir.RootKey;
import dev.ossops.emulator.datadir.RootKeyFile;
import dev.ossops.emulator.rpc.RootAccount;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How to start an {@link Emulator}. The bind address is always 127.0.0.1: the emulator is a
 * development tool for this machine and must not be reachable from other machines.
 *
 * @param port           TCP port, 0 for a random free port
 * @param dataDir        where buckets, objects, uploads and the root credentials are kept across restarts
 * @param rootKey        a fixed root AccessKey pair of the first account, which becomes the data dir's; empty uses the
 *                       data dir's own ({@link RootKeyFile}), created at random with the data dir
 * @param accountId      16-digit uid of the first account, which the root key above signs for
 * @param region         the region the emulator reports for buckets (OSS answers per region)
 * @param dashscope      the DashScope temporary-storage endpoint's API keys, model limits and rate limit
 * @param maxBuckets     how many buckets each account may have (TooManyBuckets beyond)
 * @param restoreDelay   how long RestoreObject takes before an archived object's copy can be read
 * @param allowedHosts   Host names answered besides the loopback names (and their {@code bucket.} forms), lower case
 * @param allowedOrigins web origins ({@code scheme://host[:port]}) whose pages may call the RPC APIs and the
 *                       control endpoint, lower case
 * @param otherAccounts  accounts served besides the first, each with its own root key, RAM, STS roles and buckets
 *                       (bucket names stay global across accounts, as on OSS)
 */
public record EmulatorConfig(
        int port,
        Path dataDir,
        Optional<RootKey> rootKey,
        String accountId,
        String region,
        DashscopeConfig dashscope,
        int maxBuckets,
        Duration restoreDelay,
        Set<String> allowedHosts,
        Set<String> allowedOrigins,
        List<RootAccount> otherAccounts) {
    public static final String BIND_ADDRESS = "127.0.0.1";
    /** {@link #BIND_ADDRESS} as bytes, so binding needs no name lookup. */
    static final byte[] BIND_ADDRESS_BYTES = {127, 0, 0, 1};

    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    /** A DNS name, an IPv4 address or a bracketed IPv6 address: what may follow "//" in a URL, without the port. */
    private static final String HOST = "(?:" + LABEL + "(?:\\." + LABEL + ")*|\\[[0-9a-f:.]+\\])";

    private static final Pattern HOST_NAME = Pattern.compile(HOST);
    private static final Pattern ORIGIN = Pattern.compile("https?://" + HOST + "(?::\\d{1,5})?");

    public EmulatorConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(rootKey, "rootKey");
        if (accountId == null || !accountId.matches("\\d{16}")) {
            throw new IllegalArgumentException("accountId must be 16 digits, was '" + accountId + "'");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("region must not be empty");
        }
        Objects.requireNonNull(dashscope, "dashscope");
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("maxBuckets must be at least 1, was " + maxBuckets);
        }
        Objects.requireNonNull(restoreDelay, "restoreDelay");
        if (restoreDelay.isNegative() || restoreDelay.compareTo(MAX_RESTORE_DELAY) > 0) {
            throw new IllegalArgumentException("restoreDelay must be between 0 and " + MAX_RESTORE_DELAY.toHours()
                    + " hours, was " + restoreDelay);
        }
        allowedHosts = normalized(
                allowedHosts,
                HOST_NAME,
                "is not a host name: give a DNS name or an IP address, without scheme or port");
        allowedOrigins = normalized(
                allowedOrigins,
                ORIGIN,
                "is not a web origin: give scheme, host and optional port, like http://localhost:3000");
        otherAccounts = List.copyOf(otherAccounts);
        requireDistinct(accountId, rootKey.map(RootKey::id), otherAccounts);
    }

    /**
     * Every account served, the first (this configuration's {@code accountId}, signed for by {@code firstKey}, the root
     * key in force) first.
     */
    public List<RootAccount> accounts(RootKey firstKey) {
        // The data dir's own key is known only at start: it must not be another account's either.
        requireDistinct(accountId, Optional.of(firstKey.id()), otherAccounts);
        List<RootAccount> all = new ArrayList<>();
        all.add(new RootAccount(accountId, firstKey.id(), firstKey.secret()));
        all.addAll(otherAccounts);
        return List.copyOf(all);
    }

    private static void requireDistinct(String firstAccount, Optional<String> firstKeyId, List<RootAccount> others) {
        Set<String> uids = new HashSet<>(Set.of(firstAccount));
        Set<String> keyIds = new HashSet<>();
        firstKeyId.ifPresent(keyIds::add);
        for (RootAccount other : others) {
            if (!uids.add(other.accountId())) {
                throw new IllegalArgumentException("account " + other.accountId() + " is configured twice");
            }
            if (!keyIds.add(other.accessKeyId())) {
                throw new IllegalArgumentException(
                        "root key " + AccessKeys.mask(other.accessKeyId()) + " is given to two accounts");
            }
        }
    }

    private static Set<String> normalized(Set<String> values, Pattern form, String problem) {
        Set<String> out = new LinkedHashSet<>();
        for (String value : values) {
            String lower = value.trim().toLowerCase(Locale.ROOT);
            if (!form.matcher(lower).matches()) {
                throw new IllegalArgumentException("'" + value + "' " + problem);
            }
            out.add(lower);
        }
        return Set.copyOf(out);
    }

    /** OSS's slowest restore (Deep Cold Archive, Standard tier) takes up to 48 hours. */
    public static final Duration MAX_RESTORE_DELAY = Duration.ofDays(2);

    public static Builder builder() {
        return new Builder();
    }

    /** Never prints the secret; the key id is masked. */
    @Override
    public String toString() {
        return "EmulatorConfig[port=" + port + ", dataDir=" + dataDir + ", rootKey="
                + rootKey.map(RootKey::toString).orElse("the data dir's")
                + ", accountId=" + accountId + ", region=" + region
                + (otherAccounts.isEmpty() ? "" : ", otherAccounts=" + otherAccounts)
                + "]";
    }

    /** Builder with the documented defaults of {@link EmulatorDefaults}; the root key is the data dir's unless one is given. */
    public static final class Builder {
        private int port = EmulatorDefaults.PORT;
        private Path dataDir = Path.of(EmulatorDefaults.DATA_DIR);
        private Optional<RootKey> rootKey = Optional.empty();
        private String accountId = EmulatorDefaults.ACCOUNT_ID;
        private String region = EmulatorDefaults.REGION;
        private DashscopeConfig dashscope = DashscopeConfig.defaults();
        private int maxBuckets = EmulatorDefaults.MAX_BUCKETS;
        private Duration restoreDelay = EmulatorDefaults.RESTORE_DELAY;
        private Set<String> allowedHosts = Set.of();
        private Set<String> allowedOrigins = Set.of();
        private final List<RootAccount> otherAccounts = new ArrayList<>();

        private Builder() {}

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** A fixed root key (tests, scripts); it replaces the data dir's stored one. */
        public Builder rootKey(RootKey rootKey) {
            this.rootKey = Optional.of(rootKey);
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

        /** Each account's bucket quota; OSS's default is 100, raised on request. */
        public Builder maxBuckets(int maxBuckets) {
            this.maxBuckets = maxBuckets;
            return this;
        }

        /** How long RestoreObject takes; the emulator's clock decides when it is done. */
        public Builder restoreDelay(Duration restoreDelay) {
            this.restoreDelay = restoreDelay;
            return this;
        }

        public Builder allowedHosts(Set<String> allowedHosts) {
            this.allowedHosts = Set.copyOf(allowedHosts);
            return this;
        }

        public Builder allowedOrigins(Set<String> allowedOrigins) {
            this.allowedOrigins = Set.copyOf(allowedOrigins);
            return this;
        }

        /** One more account, with its 16-digit uid and root AccessKey (held to a root key's form); repeatable. */
        public Builder otherAccount(String uid, String keyId, String secret) {
            RootKey key = new RootKey(keyId, secret);
            otherAccounts.add(new RootAccount(uid, key.id(), key.secret()));
            return this;
        }

        public EmulatorConfig build() {
            return new EmulatorConfig(
                    port,
                    dataDir,
                    rootKey,
                    accountId,
                    region,
                    dashscope,
                    maxBuckets,
                    restoreDelay,
                    allowedHosts,
                    allowedOrigins,
                    otherAccounts);
        }
    }
}
