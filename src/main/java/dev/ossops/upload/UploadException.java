package dev.ossops.upload;

import dev.ossops.common.ErrorCode;
import dev.ossops.common.OssopsException;

/**
 * A request the uploader refuses (bad configuration, a key OSS would reject, a file that breaks
 * the upload rules). The message is for the user as is: it never holds a secret, a security
 * token or a presigned query string.
 */
public final class UploadException extends OssopsException {
    public UploadException(String message) {
        super(ErrorCode.UPLOAD_REJECTED, message);
    }

    public UploadException(String message, Throwable cause) {
        super(ErrorCode.UPLOAD_REJECTED, message, cause);
    }
}
