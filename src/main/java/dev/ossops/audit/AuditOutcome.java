package dev.ossops.audit;

/**
 * How an audit ends, for the CLI to map to its exit codes (the values are the documented ones: audit cannot import
 * {@code cli.ExitCodes}).
 */
public enum AuditOutcome {
    /** Nothing at or above --fail-on, and every check could decide. */
    PASSED(0),
    /** Some check could not read its input; no failing finding. */
    INCOMPLETE(1),
    /** Findings at or above --fail-on (reported even if other results are unknown). */
    FINDINGS(3);

    private final int exitCode;

    AuditOutcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
