package dev.ossops.apply.lock;

import dev.ossops.common.ErrorCode;
import dev.ossops.common.OssopsException;

/** The lock could not be taken or broken; the message says why and what to do. */
public final class LockException extends OssopsException {
    public LockException(String message) {
        super(ErrorCode.LOCK_UNAVAILABLE, message);
    }
}
