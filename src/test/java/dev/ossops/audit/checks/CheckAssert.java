package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.Check;
import dev.ossops.audit.CheckResult;
import dev.ossops.audit.Finding;
import dev.ossops.audit.Unknown;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Runs one check and unpacks its single result. */
final class CheckAssert {
    private CheckAssert() {}

    static Finding onlyFinding(Check check, AuditSnapshot snapshot) {
        List<CheckResult> results = check.evaluate(snapshot);
        assertEquals(1, results.size(), () -> "results: " + results);
        return assertInstanceOf(Finding.class, results.get(0));
    }

    static Unknown onlyUnknown(Check check, AuditSnapshot snapshot) {
        List<CheckResult> results = check.evaluate(snapshot);
        assertEquals(1, results.size(), () -> "results: " + results);
        return assertInstanceOf(Unknown.class, results.get(0));
    }

    static void passes(Check check, AuditSnapshot snapshot) {
        List<CheckResult> results = check.evaluate(snapshot);
        assertEquals(List.of(), results);
    }
}
