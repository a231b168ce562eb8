package dev.ossops.cli;

import dev.ossops.apply.ApplyRunner;
import dev.ossops.apply.BucketLiveSource;
import dev.ossops.apply.Family;
import dev.ossops.apply.InventoryReader;
import dev.ossops.apply.LivePlanner;
import dev.ossops.apply.LiveReader;
import dev.ossops.apply.Scope;
import dev.ossops.apply.bucket.BucketStepFactory;
import dev.ossops.apply.cdn.CdnLiveSource;
import dev.ossops.apply.cdn.CdnSteps;
import dev.ossops.apply.export.AccountExporter;
import dev.ossops.apply.export.Export;
import dev.ossops.apply.export.Exporter;
import dev.ossops.apply.lock.ApplyLock;
import dev.ossops.apply.lock.OssLockStore;
import dev.ossops.apply.ram.RamLiveSource;
import dev.ossops.apply.ram.RamSteps;
import dev.ossops.audit.collect.LiveCollector;
import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.PopClient;
import dev.ossops.cloud.PopProduct;
import dev.ossops.cloud.Retry;
import dev.ossops.cloud.cdn.CdnGateway;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.EnvCredentialSource;
import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.cloud.ram.CallerCheck;
import dev.ossops.cloud.ram.IdentityGateway;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.cloud.ram.RamModel;
import dev.ossops.common.ErrorCode;
import dev.ossops.common.OssopsException;
import dev.ossops.plan.Connection;
import dev.ossops.plan.PlanOptions;
import dev.ossops.policy.Caller;
import dev.ossops.spec.Problem;
import dev.ossops.spec.ProfileLoader;
import dev.ossops.spec.Severity;
import dev.ossops.spec.model.Cdn;
import dev.ossops.spec.model.Credentials;
import dev.ossops.spec.model.Endpoint;
import dev.ossops.spec.model.Profile;
import dev.ossops.spec.model.Ram;
import dev.ossops.spec.tree.PropertyPath;
import dev.ossops.upload.KeyLayout;
import dev.ossops.upload.MinimalPolicy;
import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One command's connection to a profile's environment: the loaded profile (scoped to the families this build
 * supports), the cloud target with its credentials, the embedded emulator when the profile says
 * {@code endpoint: embedded} (the {@code ossops emulator} serving its data dir, else one started in this process
 * and stopped on close), and the gateways, live sources and step factories built over them. RAM and CDN register here once their gateways exist.
 */
final class ProfileSession implements AutoCloseable {
    /** Families with a live source and a step factory in this build. */
    private static final EnumSet<Family> SUPPORTED = EnumSet.of(Family.BUCKETS, Family.RAM, Family.CDN);

    private final Scope scope;
    private final CloudTarget target;
    private final Optional<EmbeddedEmulator> emulator;
    private final OssGateway oss;
    private final PopClient ramClient;
    private final PopClient cdnClient;
    private final List<String> header;
    private final int connectionLines;
    /** The account's id and Block Public Access, read once when access assertions need them; null until then. */
    private @Nullable AccountFacts account;
    /** RPC clients made for audit (RAM, STS, CDN), shut down on close. */
    private final List<PopClient> popClients = new ArrayList<>();

    private RamModel.@Nullable CallerIdentity caller;

    /** What {@link #readAccount} found; each part empty when its read failed. */
    private record AccountFacts(Optional<String> accountId, Optional<Boolean> blockPublicAccess) {}

    private ProfileSession(
            Scope scope,
            CloudTarget target,
            Optional<EmbeddedEmulator> emulator,
            OssGateway oss,
            List<String> header,
            int connectionLines) {
        this.scope = scope;
        this.target = target;
        this.emulator = emulator;
        this.oss = oss;
        this.ramClient = new PopClient(target, PopProduct.RAM, Retry.standard());
        this.cdnClient = new PopClient(target, PopProduct.CDN, Retry.standard());
        this.header = List.copyOf(header);
        this.connectionLines = connectionLines;
    }

    /** Loads and validates {@code file}; throws {@link ProfileException} listing every error when it is invalid. */
    static ProfileSession open(Path file, CliEnvironment env, int maxConnections) {
        ProfileLoader.Result loaded = new ProfileLoader().load(file);
        if (!loaded.valid() || loaded.profile().isEmpty()) {
            List<String> errors = new ArrayList<>();
            for (Problem p : loaded.problems()) {
                if (p.severity() == Severity.ERROR) {
                    errors.add(p.location() + ": error: " + PropertyPath.display(p.path()) + ": " + p.message());
                }
            }
            throw new ProfileException(
                    file + " is not a valid profile (run ossops validate):\n  " + String.join("\n  ", errors));
        }
        Profile profile = loaded.profile().get();
        Scope scope = Scope.of(profile, SUPPORTED);
        List<String> header = new ArrayList<>();
        header.add("Profile " + profile.name() + " (" + file + "), region " + profile.region());
        Optional<EmbeddedEmulator> emulator = Optional.empty();
        CloudTarget target;
        if (profile.endpoint() instanceof Endpoint.Embedded embedded) {
            EmbeddedEmulator opened = EmbeddedEmulator.open(embedded.dataDir(), profile.region());
            emulator = Optional.of(opened);
            target = CloudTarget.single(opened.endpoint(), profile.region(), opened.root());
            header.add("Endpoint: " + opened.describe());
            header.add("Credentials: " + target.credentials().describe()
                    + "; the profile's credentials are ignored for endpoint: embedded");
        } else if (profile.endpoint() instanceof Endpoint.Url url) {
            target = CloudTarget.single(
                    url.uri(), profile.region(), ProfileConnections.credentials(profile, env.variables()));
            header.add("Endpoint: " + url.uri() + "; credentials from "
                    + target.credentials().describe());
        } else {
            target = CloudTarget.publicEndpoints(
                    profile.region(), ProfileConnections.credentials(profile, env.variables()));
            header.add("Endpoint: Alibaba Cloud public endpoints; credentials from "
                    + target.credentials().describe());
        }
        int connectionLines = header.size();
        scope.excluded().forEach(e -> header.add("Not planned: " + e));
        try {
            OssGateway oss = new OssGateway(target, Retry.standard(), maxConnections);
            return new ProfileSession(scope, target, emulator, oss, header, connectionLines);
        } catch (RuntimeException e) {
            // The session never existed, so nothing else would stop the emulator it started.
            emulator.ifPresent(EmbeddedEmulator::close);
            throw e;
        }
    }

    /**
     * A session without a profile file, for audit and export: the account that the default credential chain
     * ({@link ProfileConnections#defaultChain}) belongs to, at {@code region}'s public endpoints or at
     * {@code endpoint}. It manages nothing, so it stands for a profile with no buckets, RAM, CDN or uploader.
     */
    static ProfileSession forAccount(String region, Optional<URI> endpoint, CliEnvironment env, int maxConnections) {
        CredentialSource credentials = ProfileConnections.defaultChain(env.variables());
        Credentials.Source source = new EnvCredentialSource(env.variables()).isSet()
                ? Credentials.Source.ENV
                : Credentials.Source.ALIYUN_CLI;
        CloudTarget target = endpoint.map(uri -> CloudTarget.single(uri, region, credentials))
                .orElseGet(() -> CloudTarget.publicEndpoints(region, credentials));
        Profile profile = new Profile(
                Path.of(""),
                "account",
                region,
                endpoint.<Endpoint>map(Endpoint.Url::new).orElseGet(() -> new Endpoint.RegionDefault(region)),
                new Credentials(source, Optional.empty(), Optional.empty()),
                Map.of(),
                new Ram(Map.of(), Map.of(), Map.of()),
                new Cdn(Map.of()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of());
        List<String> header = List.of(
                "No profile: the account of the default credentials, region " + region,
                "Endpoint: " + endpoint.map(URI::toString).orElse("Alibaba Cloud public endpoints")
                        + "; credentials from " + credentials.describe());
        OssGateway oss = new OssGateway(target, Retry.standard(), maxConnections);
        return new ProfileSession(Scope.of(profile, SUPPORTED), target, Optional.empty(), oss, header, header.size());
    }

    /** The profile as planned: only the families this build supports. */
    Profile profile() {
        return scope.profile();
    }

    List<String> header() {
        return header;
    }

    /** The profile, endpoint and credentials lines of the header, without what plan leaves out. */
    List<String> connection() {
        return header.subList(0, connectionLines);
    }

    /**
     * Reads the whole account for audit over this session's OSS, RAM and CDN clients and a new STS client (closed with
     * the session), all through the standard retry layer.
     */
    LiveCollector collector(int parallelism) {
        return new LiveCollector(
                oss,
                new RamGateway(ramClient),
                new CdnGateway(cdnClient),
                new IdentityGateway(pop(PopProduct.STS)),
                parallelism);
    }

    /**
     * Who this session's credentials belong to, asked once (STS GetCallerIdentity) before anything else is read: a
     * rejected key or an endpoint that is not Alibaba Cloud's fails here with one error that names the key's source.
     */
    RamModel.CallerIdentity caller() {
        if (caller == null) {
            caller = CallerCheck.confirm(target, new IdentityGateway(pop(PopProduct.STS)));
        }
        return caller;
    }

    private PopClient pop(PopProduct product) {
        PopClient client = new PopClient(target, product, Retry.standard());
        popClients.add(client);
        return client;
    }

    CloudTarget target() {
        return target;
    }

    /** Reads and plans; {@code inventoryLimit} empty = --no-inventory. */
    LivePlanner planner(int parallelism, Optional<Long> inventoryLimit, CliEnvironment env) {
        LiveReader reader = new LiveReader(
                List.of(
                        new BucketLiveSource(oss, profile()),
                        new RamLiveSource(new RamGateway(ramClient)),
                        new CdnLiveSource(new CdnGateway(cdnClient))),
                parallelism);
        return new LivePlanner(
                reader, inventoryLimit.map(limit -> new InventoryReader(oss.objects(), profile(), env.clock(), limit)));
    }

    /**
     * Exports the named buckets (each at its profile region, else the profile's), or every bucket of the account; with
     * {@code ram} / {@code cdn}, every custom policy, role and user / every CDN domain of the account too.
     */
    Export export(Optional<List<String>> names, boolean ram, boolean cdn) {
        Profile p = profile();
        List<OssBucket> buckets = names.map(list -> list.stream()
                        .map(n -> new OssBucket(
                                n,
                                Optional.ofNullable(p.buckets().get(n))
                                        .flatMap(b -> b.region())
                                        .orElse(p.region())))
                        .toList())
                .orElseGet(() -> oss.buckets(p.region()));
        Export exported = new Exporter(oss, p).export(buckets);
        if (!ram && !cdn) {
            return exported;
        }
        return AccountExporter.extend(
                exported,
                p.region(),
                ram ? Optional.of(new RamGateway(ramClient)) : Optional.empty(),
                cdn ? Optional.of(new CdnGateway(cdnClient)) : Optional.empty());
    }

    /** Apply's lock when the profile names one ({@code lock:}), its bucket at the bucket's profile region, else the profile's. */
    Optional<ApplyLock> lock(Clock clock) {
        Profile p = profile();
        return p.lock()
                .map(l -> new ApplyLock(
                        new OssLockStore(
                                oss.smallObjects(),
                                new OssBucket(
                                        l.bucket(),
                                        Optional.ofNullable(p.buckets().get(l.bucket()))
                                                .flatMap(b -> b.region())
                                                .orElse(p.region())),
                                l.key()),
                        Duration.ofSeconds(l.ttlSeconds()),
                        clock,
                        () -> UUID.randomUUID().toString()));
    }

    ApplyRunner runner(int parallelism) {
        return new ApplyRunner(
                List.of(
                        new BucketStepFactory(oss),
                        new RamSteps(new RamGateway(ramClient), planOptions().generatedPolicies()),
                        new CdnSteps(new CdnGateway(cdnClient))),
                parallelism);
    }

    /**
     * What the planner needs besides live state: the documents of {@code generate: uploader}
     * policies, derived from the profile's uploader section (least privilege for what it does), and the caller and
     * transport ossops uses, against which policy changes are checked for a self-lockout.
     */
    PlanOptions planOptions() {
        Profile p = profile();
        Map<String, String> generated = new LinkedHashMap<>();
        p.uploader()
                .ifPresent(uploader -> p.ram().policies().values().stream()
                        .filter(Ram.Policy::generateForUploader)
                        .forEach(policy -> generated.put(
                                policy.name(),
                                MinimalPolicy.forUploader(
                                        uploader.bucket(),
                                        uploader.prefix().orElse(KeyLayout.DEFAULT_PREFIX),
                                        MinimalPolicy.Needs.all()))));
        RamModel.CallerIdentity who = caller();
        Connection connection = new Connection(
                Caller.ofIdentity(who.accountId(), who.identityType(), who.arn(), who.userId()),
                "https".equalsIgnoreCase(target.ossEndpoint(p.region()).getScheme()));
        PlanOptions options = new PlanOptions(generated, false).withConnection(connection);
        if (p.access().isEmpty()) {
            return options;
        }
        AccountFacts facts = readAccount();
        return options.withAccount(facts.accountId(), facts.blockPublicAccess());
    }

    /**
     * What access assertions need and no profile manages. A failed read leaves it empty: the assertions that depend
     * on it then say their answer is unknown.
     */
    private AccountFacts readAccount() {
        if (account != null) {
            return account;
        }
        Optional<String> accountId;
        try {
            accountId = Optional.of(
                    new IdentityGateway(pop(PopProduct.STS)).callerIdentity().accountId());
        } catch (CloudException e) {
            accountId = Optional.empty();
        }
        Optional<Boolean> blockPublicAccess;
        try {
            // Not configured means off.
            blockPublicAccess =
                    Optional.of(oss.accountBlockPublicAccess(profile().region()).orElse(false));
        } catch (CloudException e) {
            blockPublicAccess = Optional.empty();
        }
        account = new AccountFacts(accountId, blockPublicAccess);
        return account;
    }

    @Override
    public void close() {
        ramClient.shutdown();
        cdnClient.shutdown();
        popClients.forEach(PopClient::shutdown);
        oss.close();
        emulator.ifPresent(EmbeddedEmulator::close);
    }

    /** The profile cannot be used; the message lists why. */
    static final class ProfileException extends OssopsException {
        ProfileException(String message) {
            super(ErrorCode.PROFILE_INVALID, message);
        }
    }
}
