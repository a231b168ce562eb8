package dev.ossops.cli;

import dev.ossops.cloud.upload.OssTransfer;
import dev.ossops.cloud.upload.SignatureVersion;
import dev.ossops.upload.ByteSize;
import dev.ossops.upload.CheckpointStore;
import dev.ossops.upload.DotEnv;
import dev.ossops.upload.FileSelection;
import dev.ossops.upload.KeyLayout;
import dev.ossops.upload.ParallelismController;
import dev.ossops.upload.TransferProgress;
import dev.ossops.upload.TransferSlots;
import dev.ossops.upload.UploadException;
import dev.ossops.upload.Uploader;
import dev.ossops.upload.UploaderSettings;
import dev.ossops.upload.dashscope.ApiKeys;
import dev.ossops.upload.dashscope.Backoff;
import dev.ossops.upload.dashscope.DashscopeClient;
import dev.ossops.upload.dashscope.DashscopeUpload;
import dev.ossops.upload.dashscope.DashscopeUploader;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/** {@code ossops upload}: files and directories to OSS, one JSON line per file on stdout, progress on stderr. */
@Command(
        name = "upload",
        mixinStandardHelpOptions = true,
        description = {
            "Upload files to the uploader bucket and print, per file, one JSON object with bucket, key, size,"
                    + " crc64, etag, a presigned GET url and expires_at.",
            "Configured by -p PROFILE (uploader: section) or, without a profile, by the QWEN_TMP_OSS_* variables."
                    + " Exit 0 when every file is uploaded, 1 when any failed.",
            "--to dashscope --model M uploads to DashScope temporary storage instead (DASHSCOPE_API_KEY, from the"
                    + " environment or --env-file) and prints url (oss://, 48 h), expires_at, model and size per file."
        })
final class UploadCommand extends BaseCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Files, or directories with --recursive.")
    List<Path> paths;

    @Mixin
    SessionOptions session;

    @Option(
            names = "--key",
            paramLabel = "KEY",
            description = "The object key (one file only); replaces the key layout.")
    @Nullable
    String key;

    @Option(
            names = "--prefix",
            paramLabel = "P",
            description = "Key prefix (default: the profile's, else qwencloud-uploads).")
    @Nullable
    String prefix;

    @Option(
            names = "--dir-mode",
            paramLabel = "MODE",
            // Templates on lines of their own: help may break them at their slashes.
            description = {
                "no_subdirectory | yyyy_mm_dd_hierarchy | yyyy_mm_dd_combined: replaces the key layout",
                "(default: the profile's keyLayout or dirMode, else",
                "{prefix}/{date}/{uuid}_{filename})."
            })
    @Nullable
    String dirMode;

    @Option(
            names = "--filename-mode",
            paramLabel = "MODE",
            description = "filename | filename_timestamp: how {filename} is written"
                    + " (default: the profile's filenameMode, else filename).")
    @Nullable
    String filenameMode;

    @Option(
            names = "--expires",
            paramLabel = "SECONDS",
            description = "Lifetime of the printed URL (default: the profile's, else 86400).")
    @Nullable
    Long expires;

    @Option(
            names = {"-r", "--recursive"},
            description = "Upload the files under directories.")
    boolean recursive;

    @Option(
            names = "--include",
            paramLabel = "GLOB",
            description = "Only files (relative to a directory) matching a glob; repeatable.")
    List<String> includes = new ArrayList<>();

    @Option(
            names = "--exclude",
            paramLabel = "GLOB",
            description = "Skip files matching a glob; repeatable, wins over --include.")
    List<String> excludes = new ArrayList<>();

    @Option(
            names = "--skip-existing",
            description = "Skip a file whose key holds an object of the same size and CRC-64 (one HEAD per file);"
                    + " needs a key layout without {uuid}, {timestamp} and filename_timestamp, or --key.")
    boolean skipExisting;

    @Option(
            names = "--parallel",
            paramLabel = "N",
            description =
                    "Transfers in flight, parts and files, 1 to 64 (default: adaptive, from 8 up to 32 while throughput rises).")
    @Nullable
    Integer parallel;

    @Option(
            names = "--part-size",
            paramLabel = "SIZE",
            description =
                    "Multipart part size, e.g. 16MiB (default: a 128th of the file, 8 MiB to 64 MiB, more above 625 GiB).")
    @Nullable
    String partSize;

    @Option(
            names = "--multipart-threshold",
            paramLabel = "SIZE",
            defaultValue = "100MiB",
            description = "Files this large or larger go multipart (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Option(
            names = "--checkpoint-dir",
            paramLabel = "DIR",
            // The default on a line of its own: help may break a path at its dots.
            description = {
                "Where multipart checkpoints live, whatever the current directory,",
                "so a rerun from anywhere resumes",
                "(default: ~/.ossops/checkpoints)."
            })
    @Nullable
    Path checkpointDir;

    @Option(
            names = "--sign",
            paramLabel = "VERSION",
            defaultValue = "v4",
            description = "Signature version: v1 or v4 (default: ${DEFAULT-VALUE}).")
    String sign;

    @Mixin
    QuietOption quietOption;

    @Option(
            names = "--to",
            paramLabel = "TARGET",
            defaultValue = "oss",
            description =
                    "oss (the uploader bucket) or dashscope (DashScope temporary storage) (default: ${DEFAULT-VALUE}).")
    String to;

    @Option(
            names = "--model",
            paramLabel = "MODEL",
            description = "With --to dashscope: the model the files are for, e.g. qwen-vl-plus.")
    @Nullable
    String model;

    @Option(
            names = "--dashscope-endpoint",
            paramLabel = "URL",
            description = "With --to dashscope: where DashScope is (default: https://dashscope.aliyuncs.com).")
    @Nullable
    URI dashscopeEndpoint;

    /** Options of the OSS uploader that mean nothing for DashScope, whose policy fixes bucket, key and lifetime. */
    private static final List<String> OSS_ONLY = List.of(
            "--profile",
            "--key",
            "--prefix",
            "--dir-mode",
            "--filename-mode",
            "--expires",
            "--skip-existing",
            "--part-size",
            "--multipart-threshold",
            "--checkpoint-dir",
            "--sign",
            "--parallel");

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        if (to.equals("dashscope")) {
            return toDashscope(out, err);
        }
        if (!to.equals("oss")) {
            throw new ParameterException(spec.commandLine(), "--to must be oss or dashscope, was '" + to + "'");
        }
        if (model != null || dashscopeEndpoint != null) {
            throw new ParameterException(spec.commandLine(), "--model and --dashscope-endpoint need --to dashscope");
        }
        // Absolute at the boundary: checkpoints are keyed by the source's absolute path, which must not depend on
        // where the command was started.
        List<FileSelection.Selected> files = new FileSelection(recursive, includes, excludes)
                .expand(paths.stream().map(env()::resolve).toList());
        Path checkpoints = checkpointDir == null
                ? CheckpointStore.defaultDirectory(env().variables())
                : env().resolve(checkpointDir);
        Uploader.Options options = new Uploader.Options(
                ByteSize.parse(threshold),
                partSize == null ? OptionalLong.empty() : OptionalLong.of(ByteSize.parse(partSize)),
                parallel == null ? OptionalInt.empty() : OptionalInt.of(parallel),
                skipExisting);
        TransferSlots slots = new TransferSlots(ParallelismController.of(options.parallel()));
        SignatureVersion version = SignatureVersion.of(sign);
        try (UploaderSession session = this.session.open(env().variables())) {
            UploaderSettings settings = overridden(session.settings());
            KeyLayout layout = KeyLayout.of(
                    settings.keyLayout(),
                    KeyLayout.FilenameMode.of(Optional.ofNullable(filenameMode)
                            .or(session::filenameMode)
                            .orElse("filename")),
                    // Dates in keys are the uploader's local date, as the Dify plugin writes them.
                    Clock.system(ZoneId.systemDefault()),
                    UUID::randomUUID);
            TransferProgress progress = quietOption.progress(err);
            long started = System.nanoTime();
            List<Uploader.Outcome> outcomes;
            try (OssTransfer transfer = OssTransfer.create(
                            session.target(),
                            settings.region(),
                            version,
                            slots.controller().ceiling(),
                            session.credentials()::invalidate,
                            slots::throttled);
                    Uploader uploader = new Uploader(
                            transfer,
                            settings,
                            layout,
                            new CheckpointStore(checkpoints),
                            options,
                            Clock.systemUTC(),
                            progress,
                            slots)) {
                // Ctrl-C ends the JVM without unwinding: the hook says which checkpoints a rerun resumes from.
                Thread notice = new Thread(() -> {
                    uploader.interruptedNotices().forEach(line -> err.println("warning: " + line));
                    err.flush();
                });
                Runtime.getRuntime().addShutdownHook(notice);
                try {
                    outcomes = uploader.uploadAll(files, Optional.ofNullable(key), outcome -> print(outcome, out, err));
                } finally {
                    try {
                        Runtime.getRuntime().removeShutdownHook(notice);
                    } catch (IllegalStateException shuttingDown) {
                        // the hook runs: the JVM is already stopping
                    }
                }
            }
            long failed = outcomes.stream()
                    .filter(o -> o instanceof Uploader.Outcome.Failed)
                    .count();
            long skipped = outcomes.stream()
                    .filter(o -> o instanceof Uploader.Outcome.Uploaded u && u.skipped())
                    .count();
            session.urlNotice().ifPresent(notice -> {
                err.println(notice);
                err.flush();
            });
            if (!quietOption.quiet) {
                String adapted = slots.controller().pinned()
                        ? ""
                        : "; " + slots.controller().limit() + " transfers in flight at the end";
                err.println(summary(
                                outcomes.size() - failed - skipped,
                                skipped,
                                failed,
                                Duration.ofNanos(System.nanoTime() - started))
                        + adapted);
                err.flush();
            }
            return failed == 0 ? ExitCodes.OK : ExitCodes.ERROR;
        }
    }

    /**
     * {@code --to dashscope}: a policy and a form post per file, one file at a time (the policy
     * endpoint is rate-limited per key and model), one JSON line each; failures go to stderr.
     */
    private int toDashscope(PrintWriter out, PrintWriter err) {
        for (String option : OSS_ONLY) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new ParameterException(
                        spec.commandLine(),
                        option
                                + " does not apply to --to dashscope: DashScope's policy fixes bucket, key and lifetime");
            }
        }
        if (model == null || model.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--to dashscope needs --model MODEL");
        }
        Map<String, String> env = session.envFile == null
                ? env().variables()
                : DotEnv.underlay(env().variables(), DotEnv.load(session.envFile));
        List<FileSelection.Selected> files = new FileSelection(recursive, includes, excludes)
                .expand(paths.stream().map(env()::resolve).toList());
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        DashscopeClient client = new DashscopeClient(
                http,
                dashscopeEndpoint == null ? DashscopeClient.DEFAULT_ENDPOINT : dashscopeEndpoint,
                // Unset reads as blank, which the client refuses with the message that names the variable.
                env.getOrDefault(ApiKeys.VARIABLE, ""),
                Backoff.DEFAULT,
                Backoff.Sleeper.REAL,
                notice -> {
                    if (!quietOption.quiet) {
                        err.println(notice);
                        err.flush();
                    }
                });
        DashscopeUploader uploader = new DashscopeUploader(client, env().clock());
        int failed = 0;
        for (FileSelection.Selected file : files) {
            try {
                DashscopeUpload upload = uploader.upload(model, file.file());
                out.println(upload.toJsonLine());
                out.flush();
            } catch (UploadException e) {
                // One file's refusal (too large, throttled past the retries) does not stop the others.
                failed++;
                err.println("error: " + e.getMessage());
                err.flush();
            }
        }
        if (failed < files.size()) {
            err.println(DashscopeUploader.RESOLVE_HEADER_NOTE);
        }
        err.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.ERROR;
    }

    static String summary(long uploaded, long skipped, long failed, Duration took) {
        return "uploaded " + uploaded + ", skipped " + skipped + ", failed " + failed + " in "
                + String.format(java.util.Locale.ROOT, "%.1fs", took.toMillis() / 1000.0);
    }

    /** The JSON line on stdout for an upload; failures and warnings go to stderr. Several files finish at once, hence the lock. */
    private static void print(Uploader.Outcome outcome, PrintWriter out, PrintWriter err) {
        synchronized (out) {
            if (outcome instanceof Uploader.Outcome.Uploaded u) {
                out.println(u.report().toJsonLine());
                out.flush();
            } else if (outcome instanceof Uploader.Outcome.Failed f) {
                err.println("error: " + f.message());
            }
            outcome.warnings().forEach(w -> err.println("warning: " + w));
            err.flush();
        }
    }

    private UploaderSettings overridden(UploaderSettings s) {
        String layout =
                dirMode == null ? s.keyLayout() : KeyLayout.DirMode.of(dirMode).template();
        Duration urlExpires = expires == null ? s.urlExpires() : Duration.ofSeconds(expires);
        return new UploaderSettings(
                s.bucket(),
                s.region(),
                s.endpoint(),
                prefix == null ? s.prefix() : prefix,
                layout,
                urlExpires,
                s.allowedContentTypes(),
                s.maxSizeBytes());
    }
}
