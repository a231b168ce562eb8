package dev.ossops.bench;

import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.cloud.credentials.RefreshingCredentialSource;
import dev.ossops.cloud.upload.OssTransfer;
import dev.ossops.cloud.upload.SignatureVersion;
import dev.ossops.serve.ApiKeys;
import dev.ossops.serve.ServeService;
import dev.ossops.serve.ServeSettings;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests per second of {@code POST /api/upload/presign} against the signing underneath it, all in one JVM (run it
 * pinned to one core: bench/serve-presign.sh):
 * <ol>
 *   <li>{@code hand-v4}: a minimal hand-written V4 presign loop (signing key, canonical request, string to sign, URL);</li>
 *   <li>{@code sdk-presign}: the OSS SDK's presign through {@code OssTransfer}, which the service calls;</li>
 *   <li>{@code http-presign}: the service over HTTP/1.1 keep-alive, from CONNECTIONS hand-written socket clients that
 *       write a request and read the answer (a few microseconds of client work), so the figure is the service's.</li>
 * </ol>
 * Presigning is local: the OSS endpoint is a closed loopback port that nothing ever connects to.
 * <pre>java -cp target/test-classes:target/ossops.jar dev.ossops.bench.ServePresignBench SECONDS CONNECTIONS</pre>
 */
public final class ServePresignBench {
    private static final String KEY = "bench-key-0123456789abcdef";
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ServePresignBench() {}

    public static void main(String[] args) throws Exception {
        Duration window = Duration.ofSeconds(Long.parseLong(args[0]));
        int connections = Integer.parseInt(args[1]);
        Credentials credentials = Credentials.of("LTAI5tBenchPresignKey", "bench-secret-for-local-signing-only");
        CredentialSource source = new CredentialSource() {
            @Override
            public Credentials resolve() {
                return credentials;
            }

            @Override
            public String describe() {
                return "bench key";
            }
        };
        RefreshingCredentialSource refreshing =
                new RefreshingCredentialSource(source, Duration.ofMinutes(5), Clock.systemUTC());
        CloudTarget target = CloudTarget.single(URI.create("http://127.0.0.1:9"), "cn-hangzhou", refreshing);

        // Each step runs twice: the first window warms the JIT, the second is reported.
        for (int round = 0; round < 2; round++) {
            boolean report = round == 1;
            print(
                    report,
                    "hand-v4",
                    loop(window, i -> handV4(credentials, "bench", "uploads/alice/2031/01/01/" + i + ".png")));
            try (OssTransfer oss = OssTransfer.create(target, "cn-hangzhou", SignatureVersion.V4, 1, () -> {})) {
                print(
                        report,
                        "sdk-presign",
                        loop(
                                window,
                                i -> oss.presign(
                                                "bench",
                                                "uploads/alice/2031/01/01/" + i + ".png",
                                                "PUT",
                                                Instant.now().plusSeconds(600),
                                                Optional.of("image/png"),
                                                Map.of("x-oss-forbid-overwrite", "true"))
                                        .toString()));
            }
            ServeSettings settings = new ServeSettings(
                    "bench",
                    "cn-hangzhou",
                    List.of("image/png"),
                    OptionalLong.of(1 << 20),
                    "uploads",
                    Duration.ofMinutes(10),
                    Duration.ofHours(1),
                    Optional.empty(),
                    Optional.empty(),
                    900,
                    List.of(),
                    Integer.MAX_VALUE);
            ApiKeys keys = ApiKeys.load(Map.of("alice", "KEY"), Optional.empty(), Map.of("KEY", KEY));
            try (ServeService service = ServeService.start(
                    settings,
                    keys,
                    target,
                    refreshing,
                    new InetSocketAddress("127.0.0.1", 0),
                    line -> {},
                    Clock.systemUTC())) {
                print(report, "http-presign", http(service.uri(), connections, window));
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        String run(long i) throws Exception;
    }

    /** Requests done in a window, and the process's CPU time meanwhile (the JVM runs on one core). */
    private record Result(long requests, long wallNanos, long cpuNanos) {}

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Result loop(Duration window, Step step) throws Exception {
        long cpu = cpuNanos();
        long start = System.nanoTime();
        long end = start + window.toNanos();
        long n = 0;
        long sink = 0;
        while (System.nanoTime() < end) {
            sink += step.run(n++).length();
        }
        if (sink == 42) {
            System.out.print("");
        }
        return new Result(n, System.nanoTime() - start, cpuNanos() - cpu);
    }

    /**
     * Requests per wall-clock second, and per CPU-second of the process: on a shared machine the core the JVM is pinned
     * to is not all its own, and the second figure is what one whole core would do.
     */
    private static void print(boolean report, String name, Result r) {
        if (report) {
            System.out.printf(
                    Locale.ROOT,
                    "%-13s %10.0f req/s wall %10.0f req/CPU-s  %8.1f us CPU/req%n",
                    name,
                    r.requests() / (r.wallNanos() / 1e9),
                    r.requests() / (r.cpuNanos() / 1e9),
                    r.cpuNanos() / 1e3 / r.requests());
        }
    }

    /** The V4 presigned PUT URL, written out: what any signer must do at the least. */
    static String handV4(Credentials c, String bucket, String key) throws Exception {
        Instant now = Instant.now();
        String dateTime = DATE_TIME.format(now);
        String date = dateTime.substring(0, 8);
        String credential = c.accessKeyId() + "/" + date + "/cn-hangzhou/oss/aliyun_v4_request";
        String query =
                "x-oss-additional-headers=&x-oss-credential=" + URLEncoder.encode(credential, StandardCharsets.UTF_8)
                        + "&x-oss-date=" + dateTime + "&x-oss-expires=600&x-oss-signature-version=OSS4-HMAC-SHA256";
        String canonical = "PUT\n/" + bucket + "/"
                + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/") + "\n" + query
                + "\ncontent-type:image/png\nx-oss-forbid-overwrite:true\n\n\nUNSIGNED-PAYLOAD";
        String stringToSign = "OSS4-HMAC-SHA256\n" + dateTime + "\n" + date + "/cn-hangzhou/oss/aliyun_v4_request\n"
                + HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] signingKey = hmac(
                hmac(
                        hmac(
                                hmac(("aliyun_v4" + c.accessKeySecret()).getBytes(StandardCharsets.UTF_8), date),
                                "cn-hangzhou"),
                        "oss"),
                "aliyun_v4_request");
        return "http://127.0.0.1:9/" + bucket + "/" + key + "?" + query + "&x-oss-signature="
                + HexFormat.of().formatHex(hmac(signingKey, stringToSign));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static Result http(URI uri, int connections, Duration window) throws Exception {
        byte[] body = "{\"content_type\":\"image/png\",\"filename\":\"a.png\",\"size\":1000}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] request = ("POST /api/upload/presign HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + KEY
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n"
                        + new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(
                    () -> {
                        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                            socket.setTcpNoDelay(true);
                            OutputStream out = socket.getOutputStream();
                            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
                            while (!stop.get()) {
                                out.write(request);
                                out.flush();
                                readAnswer(in);
                                done.increment();
                            }
                        } catch (IOException | RuntimeException e) {
                            synchronized (failures) {
                                failures.add(e);
                            }
                        }
                    },
                    "bench-client-" + c);
            threads.add(t);
        }
        long cpu = cpuNanos();
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        Thread.sleep(window.toMillis());
        stop.set(true);
        for (Thread t : threads) {
            t.join(10_000);
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a client failed", failures.get(0));
        }
        return new Result(done.sum(), System.nanoTime() - start, cpuNanos() - cpu);
    }

    /** Reads one 200 answer with a Content-Length body; anything else ends the run. */
    private static void readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1
                    : 0;
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        if (!headers.startsWith("HTTP/1.1 200 ")) {
            throw new IOException("answer: " + headers.lines().findFirst().orElse(""));
        }
        int at = headers.toLowerCase(Locale.ROOT).indexOf("content-length:");
        int length = Integer.parseInt(
                headers.substring(at + 15, headers.indexOf('\r', at)).strip());
        in.readNBytes(length);
    }
}
