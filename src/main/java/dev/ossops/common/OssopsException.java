package dev.ossops.common;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * The root of every error ossops raises on purpose: a message for the user as is (never a secret) and a stable
 * {@link ErrorCode}. The accessor is {@link #errorCode()} because some subclasses already report the cloud service's own
 * code as {@code code()}.
 */
public abstract class OssopsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;

    protected OssopsException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    protected OssopsException(ErrorCode errorCode, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public final ErrorCode errorCode() {
        return errorCode;
    }
}
