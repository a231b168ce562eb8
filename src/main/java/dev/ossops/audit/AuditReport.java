package dev.ossops.audit;

import dev.ossops.spec.tree.Location;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The result of an audit: the rules that ran, findings sorted by severity then resource, suppressed findings,
 * unknown results and expired suppressions. {@code profileFile} and {@code profileLocations} let reporters point at
 * the profile.
 */
public record AuditReport(
        List<CheckRule> rules,
        List<Finding> findings,
        List<SuppressedFinding> suppressed,
        List<Unknown> unknowns,
        List<Suppression> expiredSuppressions,
        Optional<String> profileFile,
        Map<String, Location> profileLocations) {

    public AuditReport {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        unknowns = List.copyOf(unknowns);
        expiredSuppressions = List.copyOf(expiredSuppressions);
        profileLocations = Collections.unmodifiableMap(new LinkedHashMap<>(profileLocations));
    }

    /** Unsuppressed findings per severity, every severity present (zero included). */
    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return counts;
    }

    /** {@code 3 critical, 1 high, 0 medium, 2 low, 1 info; 1 suppressed; 0 unknown} */
    public String summary() {
        String bySeverity = counts().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
        return bySeverity + "; " + suppressed.size() + " suppressed; " + unknowns.size() + " unknown";
    }

    public AuditOutcome outcome(FailOn failOn) {
        if (findings.stream().anyMatch(f -> failOn.fails(f.severity()))) {
            return AuditOutcome.FINDINGS;
        }
        return unknowns.isEmpty() ? AuditOutcome.PASSED : AuditOutcome.INCOMPLETE;
    }

    public Optional<Location> location(Finding finding) {
        return finding.profilePath().map(profileLocations::get);
    }
}
