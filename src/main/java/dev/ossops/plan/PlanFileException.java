package dev.ossops.plan;

/** A saved plan file that cannot be used; the message says why and what to do. */
public final class PlanFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PlanFileException(String message) {
        super(message);
    }

    public PlanFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
