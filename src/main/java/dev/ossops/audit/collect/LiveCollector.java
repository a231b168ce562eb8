package dev.ossops.audit.collect;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.BucketState;
import dev.ossops.audit.CdnDomainState;
import dev.ossops.audit.Observed;
import dev.ossops.audit.RamState;
import dev.ossops.cloud.cdn.CdnGateway;
import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.cloud.ram.IdentityGateway;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.cloud.ram.RamModel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Collects an {@link AuditSnapshot} from the live account: lists the buckets (ListBuckets, every region), then reads
 * each bucket, RAM and CDN as independent tasks, at most {@code parallelism} at a time. Reads that fail are recorded
 * as unreadable; only a failed bucket listing (nothing to audit) is an error.
 */
public final class LiveCollector {
    private static final String UNKNOWN_ACCOUNT = "unknown";

    private final OssGateway oss;
    private final RamGateway ram;
    private final CdnGateway cdn;
    private final IdentityGateway identity;
    private final int parallelism;

    public LiveCollector(OssGateway oss, RamGateway ram, CdnGateway cdn, IdentityGateway identity, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.oss = oss;
        this.ram = ram;
        this.cdn = cdn;
        this.identity = identity;
        this.parallelism = parallelism;
    }

    /** The snapshot and the warnings met on the way (weaker facts used in place of a refused read). */
    public record Collected(AuditSnapshot snapshot, List<String> warnings) {
        public Collected {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * {@code callerKeyId} is the AccessKey id the gateways sign with (when the caller is the account, it is one of
     * the account's own keys). Throws {@link dev.ossops.cloud.CloudException} when the buckets cannot be listed.
     */
    public Collected collect(AuditScope scope, String callerKeyId) throws InterruptedException {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Observed<RamModel.CallerIdentity> caller = Reads.observe(() -> Optional.of(identity.callerIdentity()));
        List<OssBucket> buckets = buckets(scope);
        BucketCollector bucketCollector = new BucketCollector(oss, scope.objectSample());
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            Future<Observed<RamState>> ramRead =
                    pool.submit(() -> new RamCollector(ram).collect(caller, callerKeyId, warnings::add));
            Future<Observed<List<CdnDomainState>>> cdnRead = pool.submit(() -> new CdnCollector(cdn).collect());
            Future<Observed<Boolean>> accountBlock = pool.submit(() -> accountBlockPublicAccess(scope.region()));
            List<Future<BucketState>> reads = new ArrayList<>();
            for (OssBucket b : buckets) {
                Callable<BucketState> read = b.region().isEmpty()
                        ? () -> BucketCollector.missing(b.name(), scope.region())
                        : () -> bucketCollector.collect(b);
                reads.add(pool.submit(read));
            }
            String account =
                    caller.value().map(RamModel.CallerIdentity::accountId).orElse(UNKNOWN_ACCOUNT);
            caller.unreadableReason().ifPresent(r -> warnings.add("the account id is unknown: " + r));
            AuditSnapshot.Builder snapshot = AuditSnapshot.builder(account)
                    .accountBlockPublicAccess(get(accountBlock))
                    .ram(get(ramRead))
                    .cdnDomains(get(cdnRead));
            for (Future<BucketState> read : reads) {
                snapshot.bucket(get(read));
            }
            scope.uploader().ifPresent(snapshot::uploader);
            scope.profileFile().ifPresent(snapshot::profileFile);
            scope.profileLocations().forEach(snapshot::profileLocation);
            return new Collected(snapshot.build(), warnings);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every bucket of the account, or the named ones; a named bucket ListBuckets does not show has an empty region. */
    private List<OssBucket> buckets(AuditScope scope) {
        List<OssBucket> all = oss.buckets(scope.region());
        if (scope.buckets().isEmpty()) {
            return all;
        }
        Map<String, OssBucket> byName = new LinkedHashMap<>();
        all.forEach(b -> byName.put(b.name(), b));
        return scope.buckets().get().stream()
                .distinct()
                .map(name -> byName.getOrDefault(name, new OssBucket(name, "")))
                .toList();
    }

    /** Not configured means off. */
    private Observed<Boolean> accountBlockPublicAccess(String region) {
        Observed<Boolean> read = Reads.observe(() -> oss.accountBlockPublicAccess(region));
        return read instanceof Observed.Absent<Boolean> ? Observed.found(false) : read;
    }

    private static <T> T get(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // Failed reads are already unreadable results; anything else is a defect worth its stack trace.
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
