package dev.ossops.policy;

/**
 * A statement of an identity policy that allows one of the broad grants audit reports.
 * {@code conditional} when the statement carries a Condition (still reported: it is broad
 * whenever the condition holds).
 */
public record BroadGrant(Kind kind, StatementRef statement, boolean conditional) {

    public enum Kind {
        /** Every action ({@code *}) on every resource. */
        ALL_ACTIONS,
        /** Every OSS action on every OSS resource ({@code oss:*} on {@code *}, or equivalents). */
        OSS_FULL,
        /** Every RAM action on every RAM resource. */
        RAM_FULL,
        /** {@code sts:AssumeRole} on every role. */
        ASSUME_ANY_ROLE
    }
}
