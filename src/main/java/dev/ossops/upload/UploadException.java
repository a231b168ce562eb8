package dev.ossops.upload;

/**
 * A request the uploader refuses (bad configuration, a key OSS would reject, a file that breaks
 * the upload rules). The message is for the user as is: it never holds a secret, a security
 * token or a presigned query string.
 */
public final class UploadException extends RuntimeException {
    public UploadException(String message) {
        super(message);
    }

    public UploadException(String message, Throwable cause) {
        super(message, cause);
    }
}
