package dev.ossops.apply.export;

import dev.ossops.common.ErrorCode;
import dev.ossops.common.OssopsException;

/** The export's output directory cannot be written as asked; the message says why and what to do. */
public final class ExportTargetException extends OssopsException {
    public ExportTargetException(String message) {
        super(ErrorCode.EXPORT_TARGET_UNWRITABLE, message);
    }

    public ExportTargetException(String message, Throwable cause) {
        super(ErrorCode.EXPORT_TARGET_UNWRITABLE, message, cause);
    }
}
