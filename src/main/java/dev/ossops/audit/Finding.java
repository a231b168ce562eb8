package dev.ossops.audit;

import java.util.List;
import java.util.Optional;

/**
 * A failed check on one resource. {@code profilePath} is where the resource lives in a profile
 * ({@code buckets.media}); {@code changes} are the fully determined profile edits that remediate it (empty when the
 * remediation needs a human decision).
 */
public record Finding(
        CheckRule rule,
        String resource,
        Optional<String> profilePath,
        String message,
        Evidence evidence,
        String remediation,
        List<ProfileChange> changes)
        implements CheckResult {
    public Finding {
        changes = List.copyOf(changes);
    }

    public Severity severity() {
        return rule.severity();
    }
}
