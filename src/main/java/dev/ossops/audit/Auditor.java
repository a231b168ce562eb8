package dev.ossops.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs checks over a snapshot and applies suppressions. Pure: today's date is a parameter. Build it with
 * {@code new Auditor(Checks.all())}; the checks package depends on this one, never the reverse.
 */
public final class Auditor {
    /** Severity first, then resource, check id and property, so output is stable run to run. */
    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::resource)
            .thenComparing(f -> f.rule().id())
            .thenComparing(f -> f.evidence().property());

    private final List<Check> checks;

    public Auditor(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    public AuditReport run(AuditSnapshot snapshot, Suppressions suppressions, LocalDate today) {
        List<Finding> findings = new ArrayList<>();
        List<SuppressedFinding> suppressed = new ArrayList<>();
        List<Unknown> unknowns = new ArrayList<>();
        for (Check check : checks) {
            for (CheckResult result : check.evaluate(snapshot)) {
                if (result instanceof Unknown unknown) {
                    unknowns.add(unknown);
                } else if (result instanceof Finding finding) {
                    Optional<Suppression> by = suppressions.suppressing(finding, today);
                    if (by.isPresent()) {
                        suppressed.add(new SuppressedFinding(finding, by.get()));
                    } else {
                        findings.add(finding);
                    }
                }
            }
        }
        findings.sort(ORDER);
        suppressed.sort(Comparator.comparing(SuppressedFinding::finding, ORDER));
        unknowns.sort(Comparator.comparing(Unknown::resource)
                .thenComparing(u -> u.rule().id()));
        return new AuditReport(
                checks.stream().map(Check::rule).toList(),
                findings,
                suppressed,
                unknowns,
                suppressions.expired(today),
                snapshot.profileFile(),
                snapshot.profileLocations());
    }
}
