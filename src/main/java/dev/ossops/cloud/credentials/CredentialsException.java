package dev.ossops.cloud.credentials;

import dev.ossops.common.ErrorCode;
import dev.ossops.common.OssopsException;

/** Credentials could not be resolved; the message says from where and what to do. Never contains a secret. */
public final class CredentialsException extends OssopsException {
    public CredentialsException(String message) {
        super(ErrorCode.CREDENTIALS_UNRESOLVED, message);
    }

    public CredentialsException(String message, Throwable cause) {
        super(ErrorCode.CREDENTIALS_UNRESOLVED, message, cause);
    }
}
