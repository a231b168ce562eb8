package dev.ossops.emulator;

import dev.ossops.emulator.auth.Authenticator;
import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.config.ReplicationCodec;
import dev.ossops.emulator.dashscope.DashscopeFront;
import dev.ossops.emulator.dashscope.TemporaryFiles;
import dev.ossops.emulator.dashscope.UploadPolicyService;
import dev.ossops.emulator.datadir.DataDirInUseException;
import dev.ossops.emulator.datadir.DataDirLock;
import dev.ossops.emulator.datadir.RootKey;
import dev.ossops.emulator.datadir.RootKeyFile;
import dev.ossops.emulator.fault.Faults;
import dev.ossops.emulator.fault.RequestStats;
import dev.ossops.emulator.http.AccountRoutes;
import dev.ossops.emulator.http.BucketRoutes;
import dev.ossops.emulator.http.CdnEdge;
import dev.ossops.emulator.http.CorsRoutes;
import dev.ossops.emulator.http.FaultingHandler;
import dev.ossops.emulator.http.HostAdmission;
import dev.ossops.emulator.http.HttpLimits;
import dev.ossops.emulator.http.HttpServerLoop;
import dev.ossops.emulator.http.LoggingRoutes;
import dev.ossops.emulator.http.MultipartRoutes;
import dev.ossops.emulator.http.ObjectRoutes;
import dev.ossops.emulator.http.OssHttpHandler;
import dev.ossops.emulator.http.PostObjectRoutes;
import dev.ossops.emulator.http.ReplicationRoutes;
import dev.ossops.emulator.http.RequestGate;
import dev.ossops.emulator.http.Router;
import dev.ossops.emulator.http.ServiceRoutes;
import dev.ossops.emulator.net.Pacing;
import dev.ossops.emulator.net.TrafficShaper;
import dev.ossops.emulator.rpc.AccountDataDirs;
import dev.ossops.emulator.rpc.Credential;
import dev.ossops.emulator.rpc.CredentialLookup;
import dev.ossops.emulator.rpc.Principal;
import dev.ossops.emulator.rpc.RootAccount;
import dev.ossops.emulator.rpc.assembly.RpcEmulator;
import dev.ossops.emulator.service.AccessControl;
import dev.ossops.emulator.service.AccountService;
import dev.ossops.emulator.service.AccountSettings;
import dev.ossops.emulator.service.BucketConfigRegistry;
import dev.ossops.emulator.service.BucketService;
import dev.ossops.emulator.service.CorsService;
import dev.ossops.emulator.service.ListingService;
import dev.ossops.emulator.service.LoggingService;
import dev.ossops.emulator.service.MultipartService;
import dev.ossops.emulator.service.ObjectService;
import dev.ossops.emulator.service.PostObjectService;
import dev.ossops.emulator.service.ReplicationService;
import dev.ossops.emulator.service.ReplicationWorker;
import dev.ossops.emulator.service.ServiceContext;
import dev.ossops.emulator.service.StoredConfigs;
import dev.ossops.emulator.store.DiskStore;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local OSS, RAM, STS and CDN emulator: one HTTP server on 127.0.0.1 that the official SDKs
 * talk to unmodified. RPC calls (RAM, STS, CDN) and OSS requests share the port; RAM user keys
 * and STS keys issued through it sign OSS requests too. One emulator serves a data dir at a time
 * ({@link DataDirLock}), with that data dir's root credentials ({@link RootKeyFile}); every request
 * passes the {@link RequestGate} first. It serves one account, or several
 * ({@link EmulatorConfig#otherAccounts()}), each with its root key, RAM, roles and buckets.
 * <pre>
 * try (Emulator emulator = new Emulator(EmulatorConfig.builder().port(0).dataDir(dir).build()).start()) {
 *     URI endpoint = emulator.endpoint();   // http://127.0.0.1:PORT
 * }
 * </pre>
 */
public final class Emulator implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Emulator.class.getName());
    /** How often replication rules are passed over: replication is asynchronous, like OSS's. */
    private static final Duration REPLICATION_INTERVAL = Duration.ofMillis(100);

    /**
     * A changed CDN domain is online at once: nothing propagates to edge nodes here, and plans
     * verifying convergence should not wait.
     */
    private static final Duration CDN_PROPAGATION = Duration.ZERO;
    /** The id of the key that owns DashScope's upload bucket and signs its policies; its secret is new each start. */
    static final String DASHSCOPE_SYSTEM_KEY_ID = "LTAI5tOssopsDashScopeSys";

    private final EmulatorConfig config;
    private final CredentialLookup additionalKeys;
    private final BucketConfigRegistry registry;
    private final Clock clock;
    private final TrafficShaper shaper;
    private final Faults faults;
    private final RequestStats stats = new RequestStats();
    /** What a started emulator holds until it is closed; null before start and after close. */
    private @Nullable Running running;

    private record Running(
            HttpServerLoop server,
            ReplicationWorker replication,
            TemporaryFiles temporaryFiles,
            DataDirLock dataDirLock,
            RootKey rootKey) {}

    public Emulator(EmulatorConfig config) {
        this(config, id -> Optional.empty(), BucketConfigRegistry.defaults(), Clock.systemUTC());
    }

    /**
     * @param additionalKeys keys besides the root key, RAM user keys and STS sessions, consulted after them
     * @param registry       the bucket sub-configurations served
     */
    public Emulator(
            EmulatorConfig config, CredentialLookup additionalKeys, BucketConfigRegistry registry, Clock clock) {
        this(config, additionalKeys, registry, clock, Pacing.SYSTEM);
    }

    /** @param pacing the time and waits that bandwidth limits (x-oss-traffic-limit, the link's shape) are kept with */
    public Emulator(
            EmulatorConfig config,
            CredentialLookup additionalKeys,
            BucketConfigRegistry registry,
            Clock clock,
            Pacing pacing) {
        this.config = config;
        this.additionalKeys = additionalKeys;
        this.registry = registry;
        this.clock = clock;
        this.shaper = new TrafficShaper(pacing);
        this.faults = new Faults(
                System::nanoTime,
                plan -> shaper.shapeLink(plan.connectionBytesPerSecond(), plan.totalBytesPerSecond()));
    }

    /**
     * Takes the data directory (one emulator per data dir), opens it and starts serving; returns
     * this for try-with-resources.
     *
     * @throws DataDirInUseException when another emulator serves the data dir
     */
    public synchronized Emulator start() {
        if (running != null) {
            throw new IllegalStateException("emulator already started");
        }
        DataDirLock lock = DataDirLock.acquire(config.dataDir(), clock.instant());
        try {
            serve(lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return this;
    }

    private void serve(DataDirLock lock) {
        // A fixed key becomes the data dir's, so whatever reads the data dir's credentials signs with it too.
        RootKey key = config.rootKey()
                .map(fixed -> {
                    RootKeyFile.write(config.dataDir(), fixed);
                    return fixed;
                })
                .orElseGet(() -> RootKeyFile.readOrCreate(config.dataDir()));
        DiskStore store = DiskStore.open(config.dataDir());
        List<RootAccount> accounts = config.accounts(key);
        AccountDataDirs accountDirs = new AccountDataDirs(config.dataDir(), config.accountId());
        RpcEmulator rpc = RpcEmulator.open(accounts, config.dataDir(), clock, CDN_PROPAGATION);
        Credential dashscopeKey = Credential.permanent(
                DASHSCOPE_SYSTEM_KEY_ID, randomSecret(), new Principal.Root(config.accountId()), true, List.of());
        CredentialLookup credentials = CredentialLookup.chain(List.of(
                rpc.credentials(),
                additionalKeys,
                id -> dashscopeKey.accessKeyId().equals(id) ? Optional.of(dashscopeKey) : Optional.empty()));
        Map<String, AccountSettings> accountSettings = new LinkedHashMap<>();
        Map<String, Caller> roots = new LinkedHashMap<>();
        for (RootAccount account : accounts) {
            accountSettings.put(account.accountId(), AccountSettings.open(accountDirs.of(account.accountId())));
            roots.put(
                    account.accountId(),
                    Caller.of(account.find(account.accessKeyId()).orElseThrow()));
        }
        AccessControl access = new AccessControl(store, accountSettings, clock);
        ServiceContext context = new ServiceContext(store, access, clock);
        BucketService buckets = new BucketService(context, registry, config.region(), config.maxBuckets());
        StoredConfigs configs = new StoredConfigs(store);
        ObjectService objects = new ObjectService(context, buckets, configs, config.restoreDelay());
        ListingService listing = new ListingService(context, buckets);
        MultipartService multipart = new MultipartService(context, buckets, objects);
        // Buckets of an account no longer served are replicated by nobody: their copies are refused like any
        // stranger's.
        ReplicationWorker replicationWorker = new ReplicationWorker(
                store, objects, owner -> roots.getOrDefault(owner, Caller.anonymous()), clock, REPLICATION_INTERVAL);
        ReplicationService replicationRules =
                new ReplicationService(store, buckets, replicationWorker, new ReplicationCodec(), clock);
        Router router = new Router(
                new ServiceRoutes(buckets),
                new AccountRoutes(new AccountService(access)),
                new BucketRoutes(buckets, configs),
                new ObjectRoutes(objects, listing, shaper),
                new MultipartRoutes(multipart, shaper),
                registry,
                new CorsRoutes(new CorsService(store, configs)),
                new ReplicationRoutes(replicationRules),
                new PostObjectRoutes(new PostObjectService(context, buckets, objects, credentials)),
                new LoggingRoutes(new LoggingService(store, buckets)));
        Set<String> virtualHostSuffixes = new HashSet<>(config.allowedHosts());
        virtualHostSuffixes.addAll(List.of("localhost", EmulatorConfig.BIND_ADDRESS));
        Authenticator authenticator = new Authenticator(credentials, clock);
        OssHttpHandler oss = new OssHttpHandler(authenticator, router, rpc.handler(), virtualHostSuffixes, clock);
        UploadPolicyService dashscope = new UploadPolicyService(
                config.dashscope(), buckets, objects, store, dashscopeKey, clock, System::nanoTime, UUID::randomUUID);
        // Known once the port is bound; read by request threads without taking this emulator's lock.
        AtomicReference<URI> self = new AtomicReference<>();
        FaultingHandler faulting = new FaultingHandler(
                new DashscopeFront(dashscope, oss, self::get, UUID::randomUUID),
                router::apiName,
                faults,
                stats,
                virtualHostSuffixes,
                authenticator,
                key.id(),
                clock);
        HostAdmission ownHosts = HostAdmission.loopback().or(HostAdmission.names(config.allowedHosts()));
        // The CDN edge answers for online CDN domains before faults and DashScope: it is another service's front.
        CdnEdge edge = new CdnEdge(rpc.cdnEdge(), ownHosts, router, faulting, clock);
        RequestGate gate = new RequestGate(
                ownHosts.or(edge.admission()), config.allowedOrigins(), virtualHostSuffixes, edge, clock);
        HttpServerLoop bound;
        try {
            bound = new HttpServerLoop(
                    InetAddress.getByAddress(EmulatorConfig.BIND_ADDRESS_BYTES),
                    config.port(),
                    gate,
                    HttpLimits.defaults(),
                    shaper);
        } catch (IOException e) {
            replicationWorker.close();
            dashscope.temporaryFiles().close();
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UncheckedIOException(
                    "cannot listen on " + EmulatorConfig.BIND_ADDRESS + ":" + config.port() + ": "
                            + why.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + why.substring(1),
                    e);
        }
        URI endpoint = URI.create("http://" + EmulatorConfig.BIND_ADDRESS + ":" + bound.port());
        try {
            lock.serving(endpoint);
        } catch (RuntimeException e) {
            bound.close();
            replicationWorker.close();
            dashscope.temporaryFiles().close();
            throw e;
        }
        self.set(endpoint);
        running = new Running(bound, replicationWorker, dashscope.temporaryFiles(), lock, key);
        replicationWorker.start();
        running.temporaryFiles().start();
        LOG.log(System.Logger.Level.DEBUG, "emulator listening on " + endpoint + " for accounts " + accounts);
    }

    /** 30 random characters, like an AccessKey secret; it never leaves this process. */
    private static String randomSecret() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** {@code http://127.0.0.1:PORT}, with the port actually bound. */
    public synchronized URI endpoint() {
        if (running == null) {
            throw new IllegalStateException("emulator not started");
        }
        return URI.create(
                "http://" + EmulatorConfig.BIND_ADDRESS + ":" + running.server().port());
    }

    /** The root AccessKey pair in force: the configured one, else the data dir's ({@link RootKeyFile}). */
    public synchronized RootKey rootKey() {
        if (running == null) {
            throw new IllegalStateException("emulator not started");
        }
        return running.rootKey();
    }

    /** Every account served, the first (signed for by {@link #rootKey()}) first. */
    public List<RootAccount> accounts() {
        return config.accounts(rootKey());
    }

    /**
     * The fault plan in force (off by default), with the link's shape; also settable through
     * {@code /-/ossops/faults}.
     */
    public Faults faults() {
        return faults;
    }

    /** Requests received per API and parts received per upload; also at {@code /-/ossops/stats}. */
    public RequestStats stats() {
        return stats;
    }

    public EmulatorConfig config() {
        return config;
    }

    /** Stops accepting requests and closes open connections. */
    @Override
    public synchronized void close() {
        Running stopping = running;
        if (stopping == null) {
            return;
        }
        stopping.server().close();
        running = null;
        stopping.replication().close();
        stopping.temporaryFiles().close();
        stopping.dataDirLock().close();
    }
}
