package dev.ossops.audit.report;

import dev.ossops.audit.AuditReport;
import dev.ossops.audit.Finding;
import dev.ossops.audit.Severity;
import dev.ossops.audit.SuppressedFinding;
import dev.ossops.audit.Suppression;
import dev.ossops.audit.Unknown;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A table per severity (check, resource, finding), each finding followed by its evidence, fix and benchmark
 * references; then suppressed findings, unknown results and expired suppressions; then the summary line.
 */
public final class TextReporter {

    public String render(AuditReport report) {
        int checkWidth = Stream.concat(
                        Stream.concat(
                                report.findings().stream().map(f -> f.rule().id()),
                                report.suppressed().stream()
                                        .map(s -> s.finding().rule().id())),
                        report.unknowns().stream().map(u -> u.rule().id()))
                .mapToInt(String::length)
                .max()
                .orElse(0);
        int resourceWidth = Stream.concat(
                        Stream.concat(
                                report.findings().stream().map(Finding::resource),
                                report.suppressed().stream()
                                        .map(s -> s.finding().resource())),
                        report.unknowns().stream().map(Unknown::resource))
                .mapToInt(String::length)
                .max()
                .orElse(0);
        List<String> lines = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            List<Finding> group = report.findings().stream()
                    .filter(f -> f.severity() == severity)
                    .toList();
            if (group.isEmpty()) {
                continue;
            }
            lines.add(severity.name() + " (" + group.size() + ")");
            for (Finding f : group) {
                lines.add("  " + pad(f.rule().id(), checkWidth) + "  " + pad(f.resource(), resourceWidth) + "  "
                        + f.message());
                lines.add("      " + f.evidence().property() + ": "
                        + f.evidence().actual() + " (expected " + f.evidence().expected() + ")");
                lines.add("      fix: " + f.remediation());
                if (!f.rule().references().isEmpty()) {
                    lines.add("      " + f.rule().references());
                }
            }
            lines.add("");
        }
        if (!report.suppressed().isEmpty()) {
            lines.add("SUPPRESSED (" + report.suppressed().size() + ")");
            for (SuppressedFinding s : report.suppressed()) {
                lines.add("  " + pad(s.finding().rule().id(), checkWidth) + "  "
                        + pad(s.finding().resource(), resourceWidth) + "  "
                        + s.suppression().reason() + until(s.suppression()));
            }
            lines.add("");
        }
        if (!report.unknowns().isEmpty()) {
            lines.add("UNKNOWN (" + report.unknowns().size() + ")");
            for (Unknown u : report.unknowns()) {
                lines.add("  " + pad(u.rule().id(), checkWidth) + "  " + pad(u.resource(), resourceWidth) + "  "
                        + u.reason());
            }
            lines.add("");
        }
        if (!report.expiredSuppressions().isEmpty()) {
            lines.add("EXPIRED SUPPRESSIONS (" + report.expiredSuppressions().size() + "), no longer applied");
            for (Suppression s : report.expiredSuppressions()) {
                lines.add("  " + s.location() + "  " + s.check() + "  " + s.resource() + "  expired "
                        + s.expires().orElseThrow() + ": " + s.reason());
            }
            lines.add("");
        }
        if (report.findings().isEmpty()
                && report.suppressed().isEmpty()
                && report.unknowns().isEmpty()) {
            lines.add("No findings.");
        }
        lines.add(report.summary());
        return String.join("\n", lines) + "\n";
    }

    private static String until(Suppression s) {
        return s.expires().map(d -> " (until " + d + ")").orElse("");
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
