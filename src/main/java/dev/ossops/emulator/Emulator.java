package dev.ossops.emulator;

import dev.ossops.emulator.auth.Authenticator;
import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.config.ReplicationCodec;
import dev.ossops.emulator.dashscope.DashscopeFront;
import dev.ossops.emulator.dashscope.TemporaryFiles;
import dev.ossops.emulator.dashscope.UploadPolicyService;
import dev.ossops.emulator.fault.Faults;
import dev.ossops.emulator.fault.RequestStats;
import dev.ossops.emulator.http.AccountRoutes;
import dev.ossops.emulator.http.BucketRoutes;
import dev.ossops.emulator.http.CorsRoutes;
import dev.ossops.emulator.http.FaultingHandler;
import dev.ossops.emulator.http.HttpServerLoop;
import dev.ossops.emulator.http.LoggingRoutes;
import dev.ossops.emulator.http.MultipartRoutes;
import dev.ossops.emulator.http.ObjectRoutes;
import dev.ossops.emulator.http.OssHttpHandler;
import dev.ossops.emulator.http.PostObjectRoutes;
import dev.ossops.emulator.http.ReplicationRoutes;
import dev.ossops.emulator.http.Router;
import dev.ossops.emulator.http.ServiceRoutes;
import dev.ossops.emulator.net.Pacing;
import dev.ossops.emulator.net.TrafficShaper;
import dev.ossops.emulator.rpc.Credential;
import dev.ossops.emulator.rpc.CredentialLookup;
import dev.ossops.emulator.rpc.Masking;
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
import dev.ossops.emulator.service.StoredConfigs;
import dev.ossops.emulator.store.DiskStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local OSS, RAM, STS and CDN emulator: one HTTP server on 127.0.0.1 that the official SDKs
 * talk to unmodified. RPC calls (RAM, STS, CDN) and OSS requests share the port; RAM user keys
 * and STS keys issued through it sign OSS requests too.
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
    private final Faults faults = new Faults(System::nanoTime);
    private final RequestStats stats = new RequestStats();
    private HttpServerLoop server;
    private ReplicationWorker replication;
    private TemporaryFiles temporaryFiles;

    public Emulator(EmulatorConfig config) {
        this(config, id -> Optional.empty(), BucketConfigRegistry.defaults(), Clock.systemUTC());
    }

    /**
     * @param additionalKeys keys besides the root key, RAM user keys and STS sessions, consulted after them
     * @param registry       the bucket sub-configurations served
     */
    public Emulator(EmulatorConfig config, CredentialLookup additionalKeys, BucketConfigRegistry registry, Clock clock) {
        this(config, additionalKeys, registry, clock, Pacing.SYSTEM);
    }

    /** @param pacing the time and waits that bandwidth limits (x-oss-traffic-limit) are kept with */
    public Emulator(EmulatorConfig config, CredentialLookup additionalKeys, BucketConfigRegistry registry, Clock clock,
                    Pacing pacing) {
        this.config = config;
        this.additionalKeys = additionalKeys;
        this.registry = registry;
        this.clock = clock;
        this.shaper = new TrafficShaper(pacing);
    }

    /** Opens the data directory and starts serving; returns this for try-with-resources. */
    public synchronized Emulator start() {
        if (server != null) {
            throw new IllegalStateException("emulator already started");
        }
        DiskStore store = DiskStore.open(config.dataDir());
        RpcEmulator rpc = RpcEmulator.open(new RootAccount(config.accountId(), config.rootKeyId(), config.rootKeySecret()),
                config.dataDir(), clock, CDN_PROPAGATION);
        Credential dashscopeKey = Credential.permanent(DASHSCOPE_SYSTEM_KEY_ID, randomSecret(),
                new Principal.Root(config.accountId()), true, List.of());
        CredentialLookup credentials = CredentialLookup.chain(List.of(rpc.credentials(), additionalKeys,
                id -> dashscopeKey.accessKeyId().equals(id) ? Optional.of(dashscopeKey) : Optional.empty()));
        AccountSettings accountSettings = AccountSettings.open(config.dataDir());
        AccessControl access = new AccessControl(config.accountId(), store, accountSettings, clock);
        BucketService buckets = new BucketService(store, access, registry, config.accountId(), config.region(), config.maxBuckets(), clock);
        StoredConfigs configs = new StoredConfigs(store);
        ObjectService objects = new ObjectService(store, access, buckets, configs, clock, config.restoreDelay());
        ListingService listing = new ListingService(store, access, buckets);
        MultipartService multipart = new MultipartService(store, access, buckets, objects, clock);
        Caller root = Caller.of(credentials.find(config.rootKeyId())
                .orElseThrow(() -> new IllegalStateException("the root key is not in the credential lookup")));
        replication = new ReplicationWorker(store, objects, root, clock, REPLICATION_INTERVAL);
        ReplicationService replicationRules = new ReplicationService(store, buckets, replication, new ReplicationCodec(), clock);
        Router router = new Router(new ServiceRoutes(buckets), new AccountRoutes(new AccountService(accountSettings, access)),
                new BucketRoutes(buckets, configs),
                new ObjectRoutes(objects, listing, config.accountId(), shaper), new MultipartRoutes(multipart, shaper), registry,
                new CorsRoutes(new CorsService(store, configs)), new ReplicationRoutes(replicationRules),
                new PostObjectRoutes(new PostObjectService(store, access, buckets, objects, credentials, clock)),
                new LoggingRoutes(new LoggingService(store, buckets)));
        Set<String> virtualHostSuffixes = Set.of("localhost", EmulatorConfig.BIND_ADDRESS);
        OssHttpHandler oss = new OssHttpHandler(new Authenticator(credentials, clock), router, rpc.handler(), virtualHostSuffixes, clock);
        UploadPolicyService dashscope = new UploadPolicyService(config.dashscope(), buckets, objects, store, dashscopeKey, clock,
                System::nanoTime, UUID::randomUUID);
        // Known once the port is bound; read by request threads without taking this emulator's lock.
        AtomicReference<URI> self = new AtomicReference<>();
        FaultingHandler handler = new FaultingHandler(new DashscopeFront(dashscope, oss, self::get, UUID::randomUUID),
                router::apiName, faults, stats, virtualHostSuffixes, clock);
        try {
            server = new HttpServerLoop(InetAddress.getByName(EmulatorConfig.BIND_ADDRESS), config.port(), handler);
        } catch (IOException e) {
            replication.close();
            dashscope.temporaryFiles().close();
            throw new UncheckedIOException("cannot listen on " + EmulatorConfig.BIND_ADDRESS + ":" + config.port(), e);
        }
        self.set(URI.create("http://" + EmulatorConfig.BIND_ADDRESS + ":" + server.port()));
        replication.start();
        temporaryFiles = dashscope.temporaryFiles();
        temporaryFiles.start();
        LOG.log(System.Logger.Level.DEBUG, "emulator listening on " + endpoint() + " for root key "
                + Masking.accessKeyId(config.rootKeyId()));
        return this;
    }

    /** 30 random characters, like an AccessKey secret; it never leaves this process. */
    private static String randomSecret() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** {@code http://127.0.0.1:PORT}, with the port actually bound. */
    public synchronized URI endpoint() {
        if (server == null) {
            throw new IllegalStateException("emulator not started");
        }
        return URI.create("http://" + EmulatorConfig.BIND_ADDRESS + ":" + server.port());
    }

    /** The fault plan in force (off by default); also settable through {@code /-/ossops/faults}. */
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
        if (server == null) {
            return;
        }
        server.close();
        server = null;
        replication.close();
        temporaryFiles.close();
    }
}
