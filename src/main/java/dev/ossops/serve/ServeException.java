package dev.ossops.serve;

import dev.ossops.common.ErrorCode;
import dev.ossops.common.OssopsException;

import java.time.Duration;
import java.util.Optional;

/** A request the service refuses: the HTTP status and a message safe to show the caller (never a secret). */
public final class ServeException extends OssopsException {
    private final int status;
    private final Optional<Duration> retryAfter;

    public ServeException(int status, String message) {
        this(status, message, Optional.empty());
    }

    private ServeException(int status, String message, Optional<Duration> retryAfter) {
        super(ErrorCode.SERVE_REFUSED, message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public static ServeException badRequest(String message) {
        return new ServeException(400, message);
    }

    public static ServeException forbidden(String message) {
        return new ServeException(403, message);
    }

    /** 429 with the seconds to wait ({@code Retry-After}, rounded up, at least 1). */
    public static ServeException tooManyRequests(String message, Duration retryAfter) {
        return new ServeException(429, message, Optional.of(retryAfter));
    }

    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
