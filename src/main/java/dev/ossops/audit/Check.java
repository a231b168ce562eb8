package dev.ossops.audit;

import java.util.List;

/** One audit check: pure, reads only the snapshot. */
public interface Check {
    CheckRule rule();

    /** Findings and unknowns for every resource the check applies to; nothing for resources that pass. */
    List<CheckResult> evaluate(AuditSnapshot snapshot);
}
