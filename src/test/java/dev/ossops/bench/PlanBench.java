package dev.ossops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.cli.Main;
import dev.ossops.emulator.ControlEndpoint;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The plan benchmark's measuring half (bench/plan-benchmark.sh starts the emulator with a fixed latency): writes a
 * profile of N buckets with every sub-configuration, applies it, then times {@code ossops plan} in this JVM and
 * counts the requests the emulator received during the plan ({@code /-/ossops/stats}).
 *
 * <p>Usage: {@code PlanBench ENDPOINT BUCKETS LATENCY_MS WORK_DIR [PLAN_ARGS...]}
 */
public final class PlanBench {
    /** Sub-configurations each bucket manages: acl versioning encryption blockPublicAccess cors lifecycle policy tags logging referer. */
    static final int MANAGED = 10;

    private PlanBench() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 4) {
            System.err.println("usage: PlanBench ENDPOINT BUCKETS LATENCY_MS WORK_DIR [PLAN_ARGS...]");
            System.exit(2);
        }
        URI endpoint = URI.create(args[0]);
        int buckets = Integer.parseInt(args[1]);
        long latencyMs = Long.parseLong(args[2]);
        Path dir = Path.of(args[3]);
        String[] planArgs = java.util.Arrays.copyOfRange(args, 4, args.length);
        Path profile = dir.resolve("bench-profile.yaml");
        Files.writeString(profile, profile(endpoint, buckets), StandardCharsets.UTF_8);
        Map<String, String> env = Map.of(
                "ALIBABA_CLOUD_ACCESS_KEY_ID",
                BenchRootKey.id(),
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                BenchRootKey.secret());

        run(env, "apply", "-p", profile.toString(), "--auto-approve", "--parallelism", "16");
        ControlEndpoint control =
                new ControlEndpoint(endpoint, BenchRootKey.id(), BenchRootKey.secret(), "cn-hangzhou");
        control.send("DELETE", "stats", null);

        String[] plan = new String[4 + planArgs.length];
        plan[0] = "plan";
        plan[1] = "-p";
        plan[2] = profile.toString();
        plan[3] = "--detailed-exitcode";
        System.arraycopy(planArgs, 0, plan, 4, planArgs.length);
        long start = System.nanoTime();
        run(env, plan);
        double seconds = (System.nanoTime() - start) / 1e9;

        JsonNode counts = new ObjectMapper()
                .readTree(control.send("GET", "stats", null).body())
                .path("requests");
        long requests = 0;
        StringBuilder perApi = new StringBuilder();
        for (Map.Entry<String, JsonNode> e : counts.properties()) {
            requests += e.getValue().asLong();
            perApi.append(String.format(
                    Locale.ROOT, "  %-28s %6d%n", e.getKey(), e.getValue().asLong()));
        }
        double sequential = requests * latencyMs / 1000.0;
        System.out.printf(Locale.ROOT, "buckets                      %6d%n", buckets);
        System.out.printf(
                Locale.ROOT,
                "plan arguments               %s%n",
                String.join(" ", planArgs).isEmpty() ? "(none)" : String.join(" ", planArgs));
        System.out.printf(Locale.ROOT, "requests during plan         %6d%n", requests);
        System.out.printf(
                Locale.ROOT,
                "requests per bucket          %9.2f  (bound: %d managed + 1 = %d)%n",
                (double) requests / buckets,
                MANAGED,
                MANAGED + 1);
        System.out.printf(Locale.ROOT, "wall time                    %9.2f s%n", seconds);
        System.out.printf(
                Locale.ROOT, "sequential lower bound       %9.2f s  (requests x %d ms)%n", sequential, latencyMs);
        System.out.printf(Locale.ROOT, "speed-up over sequential     %9.2f x%n", sequential / seconds);
        System.out.print(perApi);
    }

    private static void run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
        if (exit != 0 && System.getenv("PLAN_BENCH_DEBUG") != null) {
            System.err.println(out);
        }
        if (exit != 0) {
            throw new IllegalStateException(
                    "ossops " + args[0] + " exited " + exit + ":\n" + err + tail(out.toString()));
        }
    }

    private static String tail(String text) {
        return text.length() <= 2000 ? text : "...\n" + text.substring(text.length() - 2000);
    }

    static String profile(URI endpoint, int buckets) {
        StringBuilder p = new StringBuilder(
                        "apiVersion: ossops/v1\nkind: Profile\nname: plan-bench\nregion: cn-hangzhou\nendpoint: ")
                .append(endpoint)
                .append("\ncredentials:\n  source: env\nbuckets:\n");
        for (int i = 0; i < buckets; i++) {
            String b = String.format(Locale.ROOT, "bench-%04d", i);
            p.append("  ")
                    .append(b)
                    .append(":\n")
                    .append(
                            "    storageClass: Standard\n    redundancy: LRS\n    acl: private\n    versioning: Enabled\n")
                    .append("    encryption: { algorithm: AES256 }\n    blockPublicAccess: true\n")
                    .append(
                            "    cors: { CORSRules: [{ AllowedOrigin: [\"https://app.example.com\"], AllowedMethod: [PUT, GET], MaxAgeSeconds: 600 }] }\n")
                    .append(
                            "    lifecycle: [{ Rules: [{ ID: archive, Prefix: uploads/, Status: Enabled, Transitions: [{ Days: 30, StorageClass: IA }],")
                    .append(" NoncurrentVersionExpiration: { NoncurrentDays: 30 } }] }]\n")
                    .append(
                            "    policy: { Version: \"1\", Statement: [{ Effect: Allow, Principal: [\"1234567890123456\"], Action: [oss:GetObject],")
                    .append(" Resource: [\"acs:oss:*:*:")
                    .append(b)
                    .append("/shared/*\"] }] }\n")
                    .append("    tags: { env: bench }\n")
                    .append("    logging: { targetBucket: ")
                    .append(b)
                    .append(", prefix: access/ }\n")
                    .append("    referer: { allowEmpty: true, list: [\"https://app.example.com/*\"] }\n");
        }
        return p.toString();
    }
}
