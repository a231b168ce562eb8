package dev.ossops.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * What a check is, independent of any result: stable id, severity of its findings, a one-line title, help text,
 * and the CIS Alibaba Cloud Foundations Benchmark v2.0.0 item and Cloud Config managed rule it corresponds to.
 */
public record CheckRule(
        String id, Severity severity, String title, String help, Optional<String> cis, Optional<String> configRule) {
    public CheckRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(help, "help");
    }

    /** "CIS 5.1, Config oss-bucket-public-write-prohibited", or empty when neither corresponds. */
    public String references() {
        StringBuilder text = new StringBuilder();
        cis.ifPresent(c -> text.append("CIS ").append(c));
        configRule.ifPresent(c ->
                text.append(text.length() > 0 ? ", " : "").append("Config ").append(c));
        return text.toString();
    }
}
