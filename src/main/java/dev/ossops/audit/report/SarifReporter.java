package dev.ossops.audit.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.audit.AuditReport;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Finding;
import dev.ossops.audit.SuppressedFinding;
import dev.ossops.audit.Suppression;
import dev.ossops.audit.Unknown;
import dev.ossops.common.Digests;
import dev.ossops.spec.tree.Location;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SARIF 2.1.0 for GitHub code scanning: one run whose driver lists every rule (with {@code security-severity} and
 * CIS/Config tags), results for findings (suppressed ones carry {@code suppressions}), and unknown results as tool
 * execution notifications. GitHub requires a physical location on every result, so results point at the profile
 * line defining the resource, or at the profile file's first line when it is not defined there.
 */
public final class SarifReporter {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT = "ossopsResource/v1";

    private final String toolVersion;

    public SarifReporter(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public String render(AuditReport report) {
        ObjectNode root = JsonText.object();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "ossops");
        driver.put("version", toolVersion);
        driver.put("semanticVersion", toolVersion);
        ArrayNode rules = driver.putArray("rules");
        report.rules().forEach(r -> rule(rules.addObject(), r));
        ObjectNode invocation = run.putArray("invocations").addObject();
        // The audit ran; unknown results are reported as notifications, and make it incomplete.
        invocation.put("executionSuccessful", report.unknowns().isEmpty());
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        for (Unknown u : report.unknowns()) {
            ObjectNode n = notifications.addObject();
            n.put("level", "error");
            n.putObject("message")
                    .put("text", u.rule().id() + " could not decide for " + u.resource() + ": " + u.reason());
            n.putObject("associatedRule")
                    .put("id", u.rule().id())
                    .put("index", report.rules().indexOf(u.rule()));
        }
        ArrayNode results = run.putArray("results");
        report.findings().forEach(f -> result(results.addObject(), f, report));
        for (SuppressedFinding s : report.suppressed()) {
            ObjectNode result = results.addObject();
            result(result, s.finding(), report);
            suppression(result.putArray("suppressions").addObject(), s.suppression());
        }
        return JsonText.write(root);
    }

    private static void rule(ObjectNode node, CheckRule r) {
        node.put("id", r.id());
        node.put("name", camelCase(r.id()));
        node.putObject("shortDescription").put("text", r.title());
        node.putObject("fullDescription").put("text", r.help());
        ObjectNode help = node.putObject("help");
        String references = references(r);
        help.put("text", r.help() + (references.isEmpty() ? "" : "\n\n" + references));
        help.put(
                "markdown", "**" + r.title() + "**\n\n" + r.help() + (references.isEmpty() ? "" : "\n\n" + references));
        node.putObject("defaultConfiguration").put("level", r.severity().sarifLevel());
        ObjectNode properties = node.putObject("properties");
        properties.put("security-severity", r.severity().securitySeverity());
        ArrayNode tags = properties.putArray("tags");
        tags.add("security");
        tags.add("alibaba-cloud");
        r.cis().ifPresent(c -> tags.add("CIS-Alibaba-Cloud-2.0-" + c));
        r.configRule().ifPresent(c -> tags.add("cloud-config:" + c));
    }

    private static String references(CheckRule r) {
        StringBuilder text = new StringBuilder();
        r.cis()
                .ifPresent(c -> text.append("CIS Alibaba Cloud Foundations Benchmark v2.0.0: ")
                        .append(c));
        r.configRule()
                .ifPresent(c -> text.append(text.length() > 0 ? "\n\n" : "")
                        .append("Alibaba Cloud Config rule: ")
                        .append(c));
        return text.toString();
    }

    private static void result(ObjectNode node, Finding f, AuditReport report) {
        node.put("ruleId", f.rule().id());
        node.put("ruleIndex", report.rules().indexOf(f.rule()));
        node.put("level", f.severity().sarifLevel());
        node.putObject("message").put("text", f.message() + ". Fix: " + f.remediation() + ".");
        ObjectNode location = node.putArray("locations").addObject();
        physicalLocation(f, report).ifPresent(l -> {
            ObjectNode physical = location.putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", l.file());
            physical.putObject("region").put("startLine", l.line()).put("startColumn", l.column());
        });
        ObjectNode logical = location.putArray("logicalLocations").addObject();
        logical.put("name", f.resource());
        logical.put("fullyQualifiedName", f.resource());
        logical.put("kind", "resource");
        node.putObject("partialFingerprints")
                .put(
                        FINGERPRINT,
                        Digests.sha256Hex(f.rule().id() + "\n" + f.resource() + "\n"
                                + f.evidence().property()));
        ObjectNode properties = node.putObject("properties");
        properties.put("property", f.evidence().property());
        properties.put("actual", f.evidence().actual());
        properties.put("expected", f.evidence().expected());
        properties.put("remediation", f.remediation());
    }

    private static Optional<Location> physicalLocation(Finding f, AuditReport report) {
        return report.location(f).or(() -> report.profileFile().map(file -> new Location(file, 1, 1)));
    }

    private static void suppression(ObjectNode node, Suppression s) {
        node.put("kind", "external");
        node.put("status", "accepted");
        node.put(
                "justification",
                s.reason() + s.expires().map(d -> " (until " + d + ")").orElse(""));
    }

    /** OSS-BUCKET-ACL-PUBLIC-WRITE -> OssBucketAclPublicWrite */
    static String camelCase(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : List.of(id.split("-"))) {
            name.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }
}
