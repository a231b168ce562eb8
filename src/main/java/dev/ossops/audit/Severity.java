package dev.ossops.audit;

import java.util.Locale;

/**
 * How bad a finding is. The SARIF mapping follows GitHub code scanning: {@code security-severity} above 9.0 is
 * shown as critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low; critical and high are SARIF errors, medium a
 * warning, low and info notes.
 */
public enum Severity {
    CRITICAL("9.5", "error"),
    HIGH("8.0", "error"),
    MEDIUM("5.5", "warning"),
    LOW("3.0", "note"),
    INFO("0.0", "note");

    private final String securitySeverity;
    private final String sarifLevel;

    Severity(String securitySeverity, String sarifLevel) {
        this.securitySeverity = securitySeverity;
        this.sarifLevel = sarifLevel;
    }

    /** Lower-case name for output ("critical"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The SARIF {@code properties.security-severity} score, as text so output never shows binary float noise. */
    public String securitySeverity() {
        return securitySeverity;
    }

    /** The SARIF result level. */
    public String sarifLevel() {
        return sarifLevel;
    }

    /** Whether this severity is at least as bad as {@code other}. */
    public boolean atLeast(Severity other) {
        return compareTo(other) <= 0;
    }
}
