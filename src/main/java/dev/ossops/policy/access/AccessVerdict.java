package dev.ossops.policy.access;

import dev.ossops.policy.StatementRef;

import java.util.List;
import java.util.Optional;

/**
 * The answer for one assertion. {@code message} says why: for a failure, the request that breaks it (principal,
 * action, resource, the condition values that matter) and what decided it; {@code statements} are the policy
 * statements that decided the counterexample (empty when an ACL, Block Public Access, the CDN edge or the absence
 * of any grant decided it). {@code checked} counts the requests decided.
 */
public record AccessVerdict(Status status, String message, List<StatementRef> statements, long checked) {

    public enum Status {
        HOLDS("holds"),
        FAILS("fails"),
        UNKNOWN("unknown");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public AccessVerdict {
        statements = List.copyOf(statements);
    }

    public Optional<StatementRef> decidingStatement() {
        return statements.stream().findFirst();
    }
}
