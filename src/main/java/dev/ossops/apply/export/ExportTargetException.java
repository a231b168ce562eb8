package dev.ossops.apply.export;

/** The export's output directory cannot be written as asked; the message says why and what to do. */
public final class ExportTargetException extends RuntimeException {
    public ExportTargetException(String message) {
        super(message);
    }

    public ExportTargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
