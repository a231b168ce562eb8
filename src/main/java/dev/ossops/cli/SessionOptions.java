package dev.ossops.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** {@code -p PROFILE} or {@code --env-file}: where the uploader commands get their configuration. */
final class SessionOptions {
    @Option(
            names = {"-p", "--profile"},
            paramLabel = "PROFILE",
            description = "The profile file; without it QWEN_TMP_OSS_* configure the command.")
    @Nullable
    Path profile;

    @Option(
            names = "--env-file",
            paramLabel = "FILE",
            description = "A .env file read under the environment (no profile).")
    @Nullable
    Path envFile;

    UploaderSession open(Map<String, String> environment) {
        return UploaderSession.open(Optional.ofNullable(profile), Optional.ofNullable(envFile), environment);
    }

    /** As {@link #open}, but without a profile or QWEN_TMP_OSS_* settings the default credential chain, for {@code get}. */
    UploaderSession openForDownload(Map<String, String> environment, Optional<URI> endpoint, Optional<String> region) {
        return UploaderSession.openForDownload(
                Optional.ofNullable(profile), Optional.ofNullable(envFile), environment, endpoint, region);
    }
}
