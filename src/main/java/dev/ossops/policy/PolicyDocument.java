package dev.ossops.policy;

import java.util.List;

/** A parsed policy: Version "1" and its statements, in document order. */
public record PolicyDocument(PolicyType type, String version, List<Statement> statements) {
    public PolicyDocument {
        statements = List.copyOf(statements);
    }
}
