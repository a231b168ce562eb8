package dev.ossops.plan;

import dev.ossops.common.ErrorCode;
import dev.ossops.common.OssopsException;

/** A saved plan file that cannot be used; the message says why and what to do. */
public final class PlanFileException extends OssopsException {
    private static final long serialVersionUID = 1L;

    public PlanFileException(String message) {
        super(ErrorCode.PLAN_FILE_INVALID, message);
    }

    public PlanFileException(String message, Throwable cause) {
        super(ErrorCode.PLAN_FILE_INVALID, message, cause);
    }
}
