package dev.ossops.cli;

import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.Retry;
import dev.ossops.cloud.credentials.EnvCredentialSource;
import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorConfig;
import dev.ossops.emulator.datadir.RootKey;
import dev.ossops.upload.EnvUploaderSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The workload whose loaded classes go into ossops's AppCDS archive (the dump step of
 * {@code ./ossops} and of the jar's launch line in the README): the runs whose start-up a user
 * waits for, {@code --version}, {@code validate} (of a complete profile, as text and as JSON) and
 * one small {@code upload}, in this process against an emulator of its own on a free port and a
 * temporary data dir. It prints nothing and leaves nothing behind; its exit code is the number of
 * runs that failed.
 */
public final class StartupTraining {
    private static final String BUCKET = "ossops-startup-training";
    /** The training profile (first) and the documents it references, resources next to this class. */
    private static final List<String> TRAINING_PROFILE_FILES = List.of(
            "profile.yaml",
            "cors.json",
            "lifecycle-archive.json",
            "lifecycle-versions.json",
            "lifecycle-temp.yaml",
            "bucket-policy.json",
            "trust-service.json");

    private StartupTraining() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("ossops-startup-");
        int failed;
        try {
            failed = train(dir);
        } finally {
            delete(dir);
        }
        System.exit(failed);
    }

    /** The runs in {@code dir}; the number that failed. */
    static int train(Path dir) throws IOException {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        Path profile = copyTrainingProfile(dir.resolve("profile"));
        Path file = Files.writeString(dir.resolve("training.txt"), "ossops start-up training\n");
        try (Emulator emulator = new Emulator(EmulatorConfig.builder()
                        .port(0)
                        .dataDir(dir.resolve("data"))
                        .build())
                .start()) {
            RootKey key = emulator.rootKey();
            String endpoint = emulator.endpoint().toString();
            String region = emulator.config().region();
            EnvCredentialSource root = new EnvCredentialSource(
                    Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", key.id(), "ALIBABA_CLOUD_ACCESS_KEY_SECRET", key.secret()));
            try (OssGateway oss =
                    new OssGateway(CloudTarget.single(emulator.endpoint(), region, root), Retry.standard(), 1)) {
                oss.createBucket(new OssBucket(BUCKET, region), Optional.empty(), Optional.empty(), Optional.empty());
            }
            Map<String, String> env = Map.of(
                    EnvUploaderSettings.BUCKET,
                    BUCKET,
                    EnvUploaderSettings.REGION,
                    region,
                    EnvUploaderSettings.ENDPOINT,
                    endpoint,
                    EnvUploaderSettings.OSS_ACCESS_KEY_ID,
                    key.id(),
                    EnvUploaderSettings.OSS_ACCESS_KEY_SECRET,
                    key.secret());
            int failed = 0;
            for (String[] run : new String[][] {
                {"--version"},
                {"validate", "-p", profile.toString()},
                {"validate", "-p", profile.toString(), "--format", "json"},
                {
                    "upload",
                    file.toString(),
                    "--quiet",
                    "--checkpoint-dir",
                    dir.resolve("checkpoints").toString()
                }
            }) {
                failed += Main.run(run, sink, sink, env) == ExitCodes.OK ? 0 : 1;
            }
            return failed;
        }
    }

    /**
     * Copies the training profile and the documents it references into {@code dir}; its path. A
     * complete profile rather than a minimal one: validating runs code (and makes lambdas) per
     * section and per kind of document, and what training leaves out is loaded or generated on
     * every run instead of being mapped from the archive.
     */
    private static Path copyTrainingProfile(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : TRAINING_PROFILE_FILES) {
            try (InputStream in = StartupTraining.class.getResourceAsStream("startup-training/" + name)) {
                if (in == null) {
                    throw new IOException("missing resource startup-training/" + name);
                }
                Files.copy(in, dir.resolve(name));
            }
        }
        return dir.resolve(TRAINING_PROFILE_FILES.get(0));
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
