package dev.ossops.upload;

import dev.ossops.common.ErrorCode;
import dev.ossops.common.OssopsException;
import org.jspecify.annotations.Nullable;

import java.util.Optional;

/**
 * A remote call of an upload or download that failed for good (after the retry layer). Resumable
 * failures (network, throttling, server faults) keep the checkpoint so a rerun continues; others
 * (denied, no such bucket, a CRC mismatch) make the uploader abort the multipart upload. The
 * message never holds a secret, a token or a presigned query string.
 */
public final class TransferException extends OssopsException {
    private final @Nullable String code;
    private final boolean resumable;

    public TransferException(String message, @Nullable String code, boolean resumable, @Nullable Throwable cause) {
        super(ErrorCode.TRANSFER_FAILED, message, cause);
        this.code = code;
        this.resumable = resumable;
    }

    /** The service's error code, such as {@code AccessDenied}, when it gave one. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** Whether running the same upload again may succeed from its checkpoint. */
    public boolean resumable() {
        return resumable;
    }
}
