package dev.ossops.cli;

import dev.ossops.common.ErrorCode;

/**
 * Every exit status ossops returns, in one place (terraform's and CI's conventions); docs/errors.md is their user
 * documentation.
 */
public final class ExitCodes {
    /** Success; for plan: no changes; for audit: nothing at or above the threshold. */
    public static final int OK = 0;
    /** Any error: bad input, unreadable resources, failed apply, incomplete plan. */
    public static final int ERROR = 1;
    /** {@code plan --detailed-exitcode}: the plan has changes. */
    public static final int CHANGES = 2;
    /** {@code audit}: findings at or above {@code --fail-on}. */
    public static final int FINDINGS = 3;

    private ExitCodes() {}

    /**
     * The status of an error of {@code category}. Every category exits {@link #ERROR} (2 and 3 are results, not
     * errors); the switch has no default so that a new category must decide its status here.
     */
    static int of(ErrorCode.Category category) {
        return switch (category) {
            case INPUT, CLOUD, CREDENTIALS, CONFLICT, INTERNAL -> ERROR;
        };
    }
}
