package dev.ossops.cli;

import dev.ossops.cloud.credentials.Secrets;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorConfig;
import dev.ossops.emulator.EmulatorDefaults;
import dev.ossops.emulator.dashscope.DashscopeConfig;
import dev.ossops.emulator.datadir.DataDirInUseException;
import dev.ossops.emulator.datadir.RootKey;
import dev.ossops.emulator.datadir.RootKeyFile;
import dev.ossops.emulator.fault.FaultPlan;
import dev.ossops.upload.ByteSize;
import dev.ossops.upload.UploadException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code ossops emulator}: serves the local OSS emulator on 127.0.0.1 until SIGTERM or Ctrl-C. */
@Command(
        name = "emulator",
        mixinStandardHelpOptions = true,
        subcommands = {EmulatorCredentialsCommand.class, EmulatorEndpointCommand.class},
        description = {
            "Run the local OSS emulator on 127.0.0.1 (never on other interfaces): a development tool for this machine,"
                    + " not for exposure beyond it.",
            "Each data dir has its own random root credentials, readable by its owner only: 'ossops emulator credentials'"
                    + " prints them. One emulator serves a data dir at a time."
        })
public final class EmulatorCommand extends BaseCommand {
    /** Environment variables with a fixed root key: unlike the flags, not visible in the process list. */
    static final String ROOT_KEY_ID_VARIABLE = "OSSOPS_EMULATOR_ROOT_KEY_ID";

    static final String ROOT_KEY_SECRET_VARIABLE = "OSSOPS_EMULATOR_ROOT_KEY_SECRET";

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "TCP port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = EmulatorDefaults.PORT;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            // The default on a line of its own: help may break a path at its dots.
            description = {"Where buckets, objects and the root credentials are kept", "(default: ${DEFAULT-VALUE})."})
    Path dataDir = Path.of(EmulatorDefaults.DATA_DIR);

    @Option(
            names = "--root-key-id",
            paramLabel = "ID",
            description = "A fixed root AccessKey id, with a secret; it replaces the data dir's credentials (also "
                    + ROOT_KEY_ID_VARIABLE + "; default: the data dir's random key).")
    @Nullable
    String rootKeyId;

    @Option(
            names = "--root-key-secret",
            paramLabel = "SECRET",
            description =
                    "The fixed root AccessKey secret. Other users see it in the process list: prefer --root-key-secret-file or "
                            + ROOT_KEY_SECRET_VARIABLE + ".")
    @Nullable
    String rootKeySecret;

    @Option(
            names = "--root-key-secret-file",
            paramLabel = "FILE",
            description = "A file whose first line is the fixed root AccessKey secret.")
    @Nullable
    Path rootKeySecretFile;

    @Option(
            names = "--account-id",
            paramLabel = "UID",
            description = "16-digit uid of the emulated account (default: ${DEFAULT-VALUE}).")
    String accountId = EmulatorDefaults.ACCOUNT_ID;

    @Option(
            names = "--allow-host",
            paramLabel = "NAME",
            description =
                    "Also answer requests for Host NAME and its bucket subdomains; repeatable. Loopback names (127.0.0.1, localhost,"
                            + " [::1]) are always answered, any other Host is refused (DNS rebinding).")
    List<String> allowedHosts = new ArrayList<>();

    @Option(
            names = "--allow-origin",
            paramLabel = "ORIGIN",
            description =
                    "Let web pages of ORIGIN (scheme://host[:port]) call the RAM, STS and CDN APIs and the control endpoint;"
                            + " repeatable. By default only the emulator's own loopback origin may.")
    List<String> allowedOrigins = new ArrayList<>();

    @Option(
            names = "--other-account",
            // One word: usage help would break UID:KEY_ID:SECRET at a colon.
            paramLabel = "ACCOUNT",
            description =
                    "UID:KEY_ID:SECRET: serve another account too, with its 16-digit uid and root AccessKey; repeatable. Buckets, RAM and"
                            + " roles are per account, bucket names global; cross-account access follows bucket and trust policies."
                            + " Other users can read the secret in the process list: for local tests only.")
    List<String> otherAccounts = new ArrayList<>();

    @Option(
            names = "--max-buckets",
            paramLabel = "N",
            description =
                    "Buckets each account may have before PutBucket answers TooManyBuckets (default: ${DEFAULT-VALUE}, OSS's default quota).")
    int maxBuckets = EmulatorDefaults.MAX_BUCKETS;

    @Option(
            names = "--restore-delay-ms",
            paramLabel = "MS",
            description =
                    "How long RestoreObject takes before an Archive or Cold Archive object can be read (default: ${DEFAULT-VALUE}).")
    long restoreDelayMillis = EmulatorDefaults.RESTORE_DELAY.toMillis();

    @Option(
            names = "--dashscope-api-key",
            paramLabel = "KEY",
            description =
                    "An API key the DashScope upload-policy endpoint accepts; repeatable; replaces the default key "
                            + DashscopeConfig.DEFAULT_API_KEY + ".")
    List<String> dashscopeApiKeys = new ArrayList<>();

    @Option(
            names = "--dashscope-qps",
            paramLabel = "N",
            description =
                    "DashScope getPolicy requests per second per key and model before 429 (default: ${DEFAULT-VALUE}).")
    int dashscopeQps = DashscopeConfig.DEFAULT_POLICIES_PER_SECOND;

    @Option(
            names = "--fault-latency-ms",
            paramLabel = "MS",
            description = "Fault injection: delay every OSS request by MS milliseconds (default: ${DEFAULT-VALUE}).")
    long faultLatencyMillis;

    @Option(
            names = "--fault-503-rate",
            paramLabel = "RATE",
            description = "Fault injection: probability (0-1) of answering 503 SlowDown (default: ${DEFAULT-VALUE}).")
    double faultSlowDownRate;

    @Option(
            names = "--fault-500-rate",
            paramLabel = "RATE",
            description =
                    "Fault injection: probability (0-1) of answering 500 InternalError (default: ${DEFAULT-VALUE}).")
    double faultInternalErrorRate;

    @Option(
            names = "--fault-qps",
            paramLabel = "N",
            description =
                    "Fault injection: requests per second admitted, beyond which 503 SlowDown; 0 is unlimited (default: ${DEFAULT-VALUE}).")
    int faultQps;

    @Option(
            names = "--fault-reset-rate",
            paramLabel = "RATE",
            description =
                    "Fault injection: probability (0-1) of resetting the connection part-way through a body (default: ${DEFAULT-VALUE}).")
    double faultResetRate;

    @Option(
            names = "--fault-connection-bandwidth",
            paramLabel = "SIZE",
            description =
                    "Link shaping: bytes per second for each connection in each direction, e.g. 24MiB; 0 is unlimited (default: ${DEFAULT-VALUE}).")
    String connectionBandwidth = "0";

    @Option(
            names = "--fault-total-bandwidth",
            paramLabel = "SIZE",
            description =
                    "Link shaping: bytes per second for all connections together in each direction, e.g. 240MiB; 0 is unlimited (default: ${DEFAULT-VALUE}).")
    String totalBandwidth = "0";

    @Option(
            names = "--fault-seed",
            paramLabel = "SEED",
            description = "Fault injection: seed of the random draws, so runs repeat (default: ${DEFAULT-VALUE}).")
    long faultSeed;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = err();
        Path data = dataDir.toAbsolutePath().normalize();
        EmulatorConfig config;
        FaultPlan faults;
        try {
            EmulatorConfig.Builder builder = EmulatorConfig.builder()
                    .port(port)
                    .dataDir(data)
                    .accountId(accountId)
                    .maxBuckets(maxBuckets)
                    .restoreDelay(Duration.ofMillis(restoreDelayMillis))
                    .allowedHosts(Set.copyOf(allowedHosts))
                    .allowedOrigins(Set.copyOf(allowedOrigins))
                    .dashscope(new DashscopeConfig(
                            dashscopeApiKeys.isEmpty()
                                    ? Set.of(DashscopeConfig.DEFAULT_API_KEY)
                                    : Set.copyOf(dashscopeApiKeys),
                            DashscopeConfig.DEFAULT_MODEL_LIMITS_MB,
                            dashscopeQps));
            fixedRootKey(env().variables()).ifPresent(builder::rootKey);
            for (String other : otherAccounts) {
                String[] parts = other.split(":", 3);
                if (parts.length != 3) {
                    // The value holds a secret: the message never repeats it.
                    throw new IllegalArgumentException("--other-account takes UID:KEY_ID:SECRET");
                }
                builder.otherAccount(parts[0], parts[1], parts[2]);
            }
            config = builder.build();
            faults = new FaultPlan(
                    faultLatencyMillis,
                    faultSlowDownRate,
                    faultInternalErrorRate,
                    faultQps,
                    faultResetRate,
                    faultSeed,
                    ByteSize.parse(connectionBandwidth),
                    ByteSize.parse(totalBandwidth));
        } catch (IllegalArgumentException | UploadException e) {
            // The flags' values, checked by the config and fault plan themselves.
            throw invalid(String.valueOf(e.getMessage()));
        }
        Emulator emulator = new Emulator(config);
        emulator.faults().set(faults);
        try {
            emulator.start();
        } catch (DataDirInUseException e) {
            err.println("error: " + e.getMessage() + "; stop it, or give this one another --data-dir");
            return ExitCodes.ERROR;
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof BindException)) {
                throw e;
            }
            err.println("error: " + e.getMessage() + "; another process listens there: stop it, or pick another "
                    + "--port (0 takes a free one)");
            return ExitCodes.ERROR;
        } catch (IllegalArgumentException e) {
            // The data dir's own root key is read only here, so a clash with an --other-account key shows now.
            err.println("error: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    emulator.close();
                    stopped.countDown();
                },
                "ossops-emulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = out();
        out.println("listening on " + emulator.endpoint());
        // Where the secret is, never the secret: this output often ends up in shared logs.
        out.println(
                "root AccessKey " + Secrets.maskAccessKeyId(emulator.rootKey().id()) + "; its secret is in "
                        + RootKeyFile.of(data) + " (print both: ossops emulator credentials --data-dir " + data + ")");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Stopped from inside the JVM (tests): close now instead of waiting for the hook.
            Runtime.getRuntime().removeShutdownHook(hook);
            emulator.close();
            throw e;
        }
        return ExitCodes.OK;
    }

    /** The root key given by flag, file or environment, if any; an id needs a secret and the other way round. */
    private Optional<RootKey> fixedRootKey(Map<String, String> environment) {
        if (rootKeySecret != null && rootKeySecretFile != null) {
            throw new IllegalArgumentException(
                    "give the root key secret once: --root-key-secret or --root-key-secret-file");
        }
        String id = rootKeyId != null ? rootKeyId : environment.get(ROOT_KEY_ID_VARIABLE);
        String secret = rootKeySecret != null
                ? rootKeySecret
                : rootKeySecretFile != null ? firstLine(rootKeySecretFile) : environment.get(ROOT_KEY_SECRET_VARIABLE);
        if (id == null && secret == null) {
            return Optional.empty();
        }
        if (id == null) {
            throw new IllegalArgumentException(
                    "a fixed root key secret needs its id: --root-key-id or " + ROOT_KEY_ID_VARIABLE);
        }
        if (secret == null) {
            throw new IllegalArgumentException("a fixed root key id needs its secret: --root-key-secret-file, "
                    + ROOT_KEY_SECRET_VARIABLE + " or --root-key-secret");
        }
        return Optional.of(new RootKey(id, secret));
    }

    private static String firstLine(Path file) {
        // readLine rather than Files.lines, which would wrap a read or decoding error in an UncheckedIOException.
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            if (line == null) {
                throw new IllegalArgumentException("--root-key-secret-file " + file + " is empty");
            }
            return line.strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --root-key-secret-file " + file + ": " + e.getMessage(), e);
        }
    }
}
