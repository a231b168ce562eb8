package dev.ossops.emulator.config;

import java.util.Optional;

/**
 * Access logging: empty when disabled. The service checks that {@link #targetBucket} exists and is
 * in the same region before storing (OSS answers {@code InvalidTargetBucketForLogging} otherwise).
 */
public record LoggingConfiguration(Optional<String> targetBucket, Optional<String> targetPrefix) {
    public static final LoggingConfiguration DISABLED = new LoggingConfiguration(Optional.empty(), Optional.empty());

    public boolean enabled() {
        return targetBucket.isPresent();
    }
}
