package dev.ossops.cloud.credentials;

/** Credentials could not be resolved; the message says from where and what to do. Never contains a secret. */
public final class CredentialsException extends RuntimeException {
    public CredentialsException(String message) {
        super(message);
    }

    public CredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
