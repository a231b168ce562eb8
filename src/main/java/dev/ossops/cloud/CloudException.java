package dev.ossops.cloud;

import dev.ossops.common.ErrorCode;
import dev.ossops.common.OssopsException;
import org.jspecify.annotations.Nullable;

import java.util.Optional;

/**
 * A cloud call that failed for good: what ossops was doing, the service's error code when it
 * gave one, and a message that never contains a secret or a presigned query string.
 */
public final class CloudException extends OssopsException {
    private final @Nullable String code;
    private final int attempts;

    public CloudException(String message, @Nullable String code, int attempts, @Nullable Throwable cause) {
        super(ErrorCode.CLOUD_REQUEST_FAILED, message, cause);
        this.code = code;
        this.attempts = attempts;
    }

    static CloudException of(String what, Throwable cause, int attempts) {
        if (cause instanceof CloudException ce) {
            return ce;
        }
        String code = CloudErrors.code(cause).orElse(null);
        String detail = CloudErrors.describe(cause);
        String tries = attempts > 1 ? " (after " + attempts + " attempts)" : "";
        return new CloudException(what + " failed" + tries + ": " + detail, code, attempts, cause);
    }

    /** The service's error code, such as {@code NoSuchBucket} or {@code EntityNotExist.Role}. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    public int attempts() {
        return attempts;
    }
}
