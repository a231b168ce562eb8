package dev.ossops.policy;

import java.util.List;

/**
 * The answer for one request: the outcome, the statements that decided it (none for an implicit
 * deny or the account owner; two for a role session allowed by its role and its session policy;
 * for an explicit deny the first Deny of each kind of policy that denied: identity, session, bucket)
 * and a one-line explanation. An implicit deny for an anonymous caller is where the emulator then
 * consults bucket and object ACLs.
 */
public record Decision(Outcome outcome, List<StatementRef> statements, String explanation) {
    public Decision {
        statements = List.copyOf(statements);
    }

    public enum Outcome {
        ALLOW,
        EXPLICIT_DENY,
        IMPLICIT_DENY
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }
}
