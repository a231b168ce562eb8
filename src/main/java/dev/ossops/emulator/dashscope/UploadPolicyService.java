package dev.ossops.emulator.dashscope;

import dev.ossops.common.Digests;
import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.rpc.Credential;
import dev.ossops.emulator.service.BucketService;
import dev.ossops.emulator.service.ObjectService;
import dev.ossops.emulator.store.DiskStore;
import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Issues DashScope upload policies. Uploads land in one system bucket of the emulated account
 * ({@value #BUCKET_PREFIX}{@code <account>}), created on first use with a lifecycle rule that
 * expires {@value #KEY_ROOT}/ objects after two days (what a real bucket would carry: OSS lifecycle
 * counts whole days); {@link TemporaryFiles} deletes them after exactly 48 hours, DashScope's
 * lifetime. The policy is signed by a system key whose secret never leaves the emulator.
 */
public final class UploadPolicyService {
    static final String BUCKET_PREFIX = "dashscope-file-";
    /** DashScope's upload directories, and so its {@code oss://} URLs, start with this. */
    static final String KEY_ROOT = "dashscope-instant";
    /** DashScope's sample answer: policies are good for 300 seconds. */
    static final Duration POLICY_LIFETIME = Duration.ofMinutes(5);
    /** DashScope's sample answer; the emulator does not count daily capacity. */
    static final long CAPACITY_LIMIT_MB = 999_999_999L;

    private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final String LIFECYCLE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><LifecycleConfiguration><Rule>"
            + "<ID>dashscope-instant-48h</ID><Prefix>" + KEY_ROOT + "/</Prefix><Status>Enabled</Status>"
            + "<Expiration><Days>2</Days></Expiration></Rule></LifecycleConfiguration>";

    private final DashscopeConfig config;
    private final RateQuota quota;
    private final BucketService buckets;
    private final DiskStore store;
    private final Credential systemKey;
    private final String bucket;
    private final Clock clock;
    private final Supplier<UUID> uuids;
    private final TemporaryFiles temporaryFiles;

    /**
     * @param systemKey the key that owns the system bucket and signs policies (the emulator's own)
     */
    public UploadPolicyService(
            DashscopeConfig config,
            BucketService buckets,
            ObjectService objects,
            DiskStore store,
            Credential systemKey,
            Clock clock,
            LongSupplier nanoTime,
            Supplier<UUID> uuids) {
        this.config = config;
        this.quota = new RateQuota(config.policiesPerSecond(), nanoTime);
        this.buckets = buckets;
        this.store = store;
        this.systemKey = systemKey;
        this.bucket = BUCKET_PREFIX + systemKey.principal().accountId();
        this.clock = clock;
        this.uuids = uuids;
        this.temporaryFiles = new TemporaryFiles(store, objects, Caller.of(systemKey), bucket, clock);
    }

    /** The 48-hour expiry of uploaded files, swept on a schedule (the emulator starts and closes its schedule). */
    public TemporaryFiles temporaryFiles() {
        return temporaryFiles;
    }

    /** The bucket uploads land in. */
    public String bucket() {
        return bucket;
    }

    /**
     * getPolicy for {@code apiKey} (the bearer token, null when absent) and {@code model}.
     *
     * @param endpoint the emulator's own URL as the client reached it; upload_host is the bucket under it
     */
    public UploadPolicy issue(String apiKey, @Nullable String model, URI endpoint) {
        if (apiKey == null || !config.apiKeys().contains(apiKey)) {
            throw new DashscopeException(DashscopeError.INVALID_API_KEY);
        }
        if (model == null || model.isBlank()) {
            throw new DashscopeException(DashscopeError.MISSING_MODEL);
        }
        Integer limitMb = config.modelLimitsMb().get(model);
        if (limitMb == null) {
            throw new DashscopeException(DashscopeError.MODEL_NOT_FOUND);
        }
        if (!quota.admit(apiKey, model)) {
            throw new DashscopeException(DashscopeError.THROTTLED);
        }
        ensureBucket();
        temporaryFiles.sweep();
        Instant now = clock.instant();
        String dir = KEY_ROOT + "/" + directoryName(model) + "/" + LocalDate.ofInstant(now, ZoneOffset.UTC) + "/"
                + uuids.get();
        long maxBytes = limitMb * 1024L * 1024L;
        String expiration = EXPIRATION.format(
                now.plus(POLICY_LIFETIME).truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
        // Doc: the form carries key, x-oss-object-acl and x-oss-forbid-overwrite; the policy pins all three.
        String json = "{\"expiration\":\"" + expiration + "\",\"conditions\":["
                + "[\"content-length-range\",0," + maxBytes + "],"
                + "[\"starts-with\",\"$key\",\"" + dir + "/\"],"
                + "{\"bucket\":\"" + bucket + "\"},"
                + "{\"x-oss-object-acl\":\"" + UploadPolicy.OBJECT_ACL + "\"},"
                + "{\"x-oss-forbid-overwrite\":\"" + UploadPolicy.FORBID_OVERWRITE + "\"}]}";
        String policy = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        String host = endpoint.toString().replaceFirst("/+$", "") + "/" + bucket;
        return new UploadPolicy(
                policy,
                sign(policy),
                dir,
                host,
                POLICY_LIFETIME.toSeconds(),
                limitMb,
                CAPACITY_LIMIT_MB,
                systemKey.accessKeyId());
    }

    /** Model names are lower-case letters, digits, '-', '.' and '_'; anything else is folded to '-'. */
    private static String directoryName(String model) {
        return model.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    }

    /** Creates the system bucket and its expiry rule the first time a policy is issued. */
    private synchronized void ensureBucket() {
        if (store.bucket(bucket).isPresent()) {
            return;
        }
        Caller owner = Caller.of(systemKey);
        buckets.create(owner, bucket, "private", () -> BucketService.CreateConfiguration.DEFAULTS);
        buckets.putConfig(owner, bucket, "lifecycle", () -> LIFECYCLE.getBytes(StandardCharsets.UTF_8));
    }

    private String sign(String policy) {
        return Base64.getEncoder()
                .encodeToString(
                        Digests.hmac(Digests.HMAC_SHA1, systemKey.secret().getBytes(StandardCharsets.UTF_8), policy));
    }
}
