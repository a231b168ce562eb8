package dev.ossops.audit.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.audit.AuditReport;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Finding;
import dev.ossops.audit.SuppressedFinding;
import dev.ossops.audit.Suppression;
import dev.ossops.audit.Unknown;

import java.util.Optional;

/** The versioned JSON report documented in docs/audit-format.md. */
public final class JsonReporter {
    /** Bumped on any incompatible change; additions of keys keep it. */
    public static final int FORMAT_VERSION = 1;

    private final String toolVersion;

    public JsonReporter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public String render(AuditReport report) {
        ObjectNode root = JsonText.object();
        root.put("format_version", FORMAT_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "ossops");
        tool.put("version", toolVersion);
        ObjectNode summary = root.putObject("summary");
        report.counts().forEach((severity, count) -> summary.put(severity.label(), count));
        summary.put("suppressed", report.suppressed().size());
        summary.put("unknown", report.unknowns().size());
        summary.put("expired_suppressions", report.expiredSuppressions().size());
        ArrayNode findings = root.putArray("findings");
        report.findings().forEach(f -> finding(findings.addObject(), f, report));
        ArrayNode suppressed = root.putArray("suppressed");
        for (SuppressedFinding s : report.suppressed()) {
            ObjectNode node = suppressed.addObject();
            finding(node, s.finding(), report);
            suppression(node.putObject("suppression"), s.suppression());
        }
        ArrayNode unknowns = root.putArray("unknown");
        for (Unknown u : report.unknowns()) {
            ObjectNode node = unknowns.addObject();
            node.put("check", u.rule().id());
            node.put("severity", u.rule().severity().label());
            node.put("resource", u.resource());
            node.put("reason", u.reason());
        }
        ArrayNode expired = root.putArray("expired_suppressions");
        report.expiredSuppressions().forEach(s -> suppression(expired.addObject(), s));
        ArrayNode rules = root.putArray("rules");
        report.rules().forEach(r -> rule(rules.addObject(), r));
        return JsonText.write(root);
    }

    private static void finding(ObjectNode node, Finding f, AuditReport report) {
        node.put("check", f.rule().id());
        node.put("severity", f.severity().label());
        node.put("title", f.rule().title());
        node.put("resource", f.resource());
        node.put("message", f.message());
        ObjectNode evidence = node.putObject("evidence");
        evidence.put("property", f.evidence().property());
        evidence.put("actual", f.evidence().actual());
        evidence.put("expected", f.evidence().expected());
        node.put("remediation", f.remediation());
        node.put("automatic_fix", !f.changes().isEmpty());
        putOptional(node, "profile_location", report.location(f).map(Object::toString));
        putOptional(node, "cis", f.rule().cis());
        putOptional(node, "config_rule", f.rule().configRule());
    }

    private static void suppression(ObjectNode node, Suppression s) {
        node.put("check", s.check());
        node.put("resource", s.resource());
        node.put("reason", s.reason());
        putOptional(node, "expires", s.expires().map(Object::toString));
        node.put("location", s.location().toString());
    }

    private static void rule(ObjectNode node, CheckRule r) {
        node.put("id", r.id());
        node.put("severity", r.severity().label());
        node.put("title", r.title());
        node.put("help", r.help());
        putOptional(node, "cis", r.cis());
        putOptional(node, "config_rule", r.configRule());
    }

    /** Absent values are written as null so every key is always present. */
    private static void putOptional(ObjectNode node, String key, Optional<String> value) {
        if (value.isPresent()) {
            node.put(key, value.get());
        } else {
            node.putNull(key);
        }
    }
}
