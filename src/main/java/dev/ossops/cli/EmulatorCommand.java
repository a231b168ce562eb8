package dev.ossops.cli;

import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorConfig;
import dev.ossops.emulator.EmulatorDefaults;
import dev.ossops.emulator.dashscope.DashscopeConfig;
import dev.ossops.emulator.fault.FaultPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code ossops emulator}: serves the local OSS emulator on 127.0.0.1 until SIGTERM or Ctrl-C. */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = {"Run the local OSS emulator on 127.0.0.1 (never on other interfaces).",
                "Default root credentials: key id " + EmulatorDefaults.ROOT_KEY_ID + ", account " + EmulatorDefaults.ACCOUNT_ID
                        + "; the default secret is in the README."})
public final class EmulatorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "TCP port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = EmulatorDefaults.PORT;

    @Option(names = "--data-dir", description = "Where buckets and objects are kept (default: ${DEFAULT-VALUE}).")
    Path dataDir = Path.of(EmulatorDefaults.DATA_DIR);

    @Option(names = "--root-key-id", description = "AccessKey id of the root account (default: ${DEFAULT-VALUE}).")
    String rootKeyId = EmulatorDefaults.ROOT_KEY_ID;

    @Option(names = "--root-key-secret", description = "AccessKey secret of the root account (default: the documented local secret).",
            showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    String rootKeySecret = EmulatorDefaults.ROOT_KEY_SECRET;

    @Option(names = "--account-id", description = "16-digit uid of the emulated account (default: ${DEFAULT-VALUE}).")
    String accountId = EmulatorDefaults.ACCOUNT_ID;

    @Option(names = "--max-buckets", paramLabel = "N",
            description = "Buckets the account may have before PutBucket answers TooManyBuckets (default: ${DEFAULT-VALUE}, OSS's default quota).")
    int maxBuckets = EmulatorDefaults.MAX_BUCKETS;

    @Option(names = "--restore-delay-ms", paramLabel = "MS",
            description = "How long RestoreObject takes before an Archive or Cold Archive object can be read (default: ${DEFAULT-VALUE}).")
    long restoreDelayMillis = EmulatorDefaults.RESTORE_DELAY.toMillis();

    @Option(names = "--dashscope-api-key", paramLabel = "KEY",
            description = "An API key the DashScope upload-policy endpoint accepts; repeatable; replaces the default key "
                    + DashscopeConfig.DEFAULT_API_KEY + ".")
    List<String> dashscopeApiKeys = new ArrayList<>();

    @Option(names = "--dashscope-qps", description = "DashScope getPolicy requests per second per key and model before 429 (default: ${DEFAULT-VALUE}).")
    int dashscopeQps = DashscopeConfig.DEFAULT_POLICIES_PER_SECOND;

    @Option(names = "--fault-latency-ms", description = "Fault injection: delay every OSS request by this many ms (default: 0).")
    long faultLatencyMillis;

    @Option(names = "--fault-503-rate", description = "Fault injection: probability (0-1) of answering 503 SlowDown (default: 0).")
    double faultSlowDownRate;

    @Option(names = "--fault-500-rate", description = "Fault injection: probability (0-1) of answering 500 InternalError (default: 0).")
    double faultInternalErrorRate;

    @Option(names = "--fault-qps", description = "Fault injection: requests per second admitted, beyond which 503 SlowDown; 0 is unlimited (default: 0).")
    int faultQps;

    @Option(names = "--fault-reset-rate", description = "Fault injection: probability (0-1) of resetting the connection part-way through a body (default: 0).")
    double faultResetRate;

    @Option(names = "--fault-seed", description = "Fault injection: seed of the random draws, so runs repeat (default: 0).")
    long faultSeed;

    @Override
    public Integer call() throws InterruptedException {
        EmulatorConfig config;
        FaultPlan faults;
        try {
            config = EmulatorConfig.builder().port(port).dataDir(dataDir).rootKeyId(rootKeyId).rootKeySecret(rootKeySecret)
                    .accountId(accountId).maxBuckets(maxBuckets).restoreDelay(Duration.ofMillis(restoreDelayMillis)).dashscope(new DashscopeConfig(
                            dashscopeApiKeys.isEmpty() ? Set.of(DashscopeConfig.DEFAULT_API_KEY) : Set.copyOf(dashscopeApiKeys),
                            DashscopeConfig.DEFAULT_MODEL_LIMITS_MB, dashscopeQps)).build();
            faults = new FaultPlan(faultLatencyMillis, faultSlowDownRate, faultInternalErrorRate, faultQps, faultResetRate, faultSeed);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        Emulator emulator = new Emulator(config);
        emulator.faults().set(faults);
        emulator.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "ossops-emulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        spec.commandLine().getOut().println("listening on " + emulator.endpoint());
        spec.commandLine().getOut().flush();
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
}
