package dev.ossops.audit.collect;

import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.PopClient;
import dev.ossops.cloud.PopProduct;
import dev.ossops.cloud.Retry;
import dev.ossops.cloud.cdn.CdnGateway;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.cloud.ram.IdentityGateway;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorConfig;
import dev.ossops.emulator.EmulatorDefaults;
import dev.ossops.emulator.fault.FaultPlan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * The collector's wall time over many buckets with injected latency, against an in-process emulator (run by
 * {@code bench/audit-benchmark.sh}, not by the test suite). Arguments: bucket count, latency in ms, data directory.
 * Prints one {@code key=value} line per figure.
 */
public final class AuditBenchmark {
    private AuditBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        long latency = Long.parseLong(args[1]);
        Path data = Path.of(args[2]);
        String region = "cn-hangzhou";
        try (Emulator emulator = new Emulator(EmulatorConfig.builder()
                        .port(0)
                        .dataDir(data)
                        .region(region)
                        .maxBuckets(Math.max(count, EmulatorDefaults.MAX_BUCKETS))
                        .build())
                .start()) {
            CredentialSource root = new CredentialSource() {
                @Override
                public Credentials resolve() {
                    return Credentials.of(
                            emulator.rootKey().id(), emulator.rootKey().secret());
                }

                @Override
                public String describe() {
                    return "the emulator's root key";
                }
            };
            CloudTarget target = CloudTarget.single(emulator.endpoint(), region, root);
            List<PopClient> pop = List.of(
                    new PopClient(target, PopProduct.RAM, Retry.standard()),
                    new PopClient(target, PopProduct.STS, Retry.standard()),
                    new PopClient(target, PopProduct.CDN, Retry.standard()));
            try (OssGateway oss = new OssGateway(target, Retry.standard(), 16)) {
                seed(oss, count, region);
                emulator.stats().reset();
                emulator.faults().set(new FaultPlan(latency, 0, 0, 0, 0, 0));
                LiveCollector collector = new LiveCollector(
                        oss,
                        new RamGateway(pop.get(0)),
                        new CdnGateway(pop.get(2)),
                        new IdentityGateway(pop.get(1)),
                        8);
                long start = System.nanoTime();
                LiveCollector.Collected collected = collector.collect(
                        new AuditScope(region, Optional.empty(), 100, Optional.empty(), Optional.empty(), Map.of()),
                        emulator.rootKey().id());
                double wall = (System.nanoTime() - start) / 1e9;
                long requests = emulator.stats().snapshot().requests().values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
                double sequential = requests * latency / 1000.0;
                System.out.println("buckets=" + collected.snapshot().buckets().size());
                System.out.println("latency_ms=" + latency);
                System.out.println("wall_s=" + String.format("%.1f", wall));
                System.out.println("requests=" + requests);
                System.out.println("requests_per_bucket=" + String.format("%.2f", (double) requests / count));
                System.out.println("sequential_lower_bound_s=" + String.format("%.1f", sequential));
                // Without latency there is no lower bound to compare with.
                System.out.println(
                        "wall_over_sequential=" + (latency == 0 ? "n/a" : String.format("%.3f", wall / sequential)));
                System.out.println(
                        "requests_by_api=" + emulator.stats().snapshot().requests());
            } finally {
                pop.forEach(PopClient::shutdown);
            }
        }
    }

    private static void seed(OssGateway oss, int count, String region) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> created = IntStream.range(0, count)
                    .mapToObj(i -> pool.submit(() -> oss.createBucket(
                            new OssBucket(String.format("bench-%05d", i), region),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty())))
                    .<Future<?>>map(f -> f)
                    .toList();
            for (Future<?> f : created) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
