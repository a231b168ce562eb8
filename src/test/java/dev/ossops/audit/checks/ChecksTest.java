package dev.ossops.audit.checks;

import dev.ossops.audit.Check;
import dev.ossops.audit.CheckRule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChecksTest {
    private static final List<CheckRule> RULES =
            Checks.all().stream().map(Check::rule).toList();

    @Test
    void all_stableIdsInReportOrder() {
        // Ids are a public contract (ignore files, SARIF history): changing one is a breaking change.
        assertEquals(
                List.of(
                        "OSS-BUCKET-ACL-PUBLIC-WRITE critical",
                        "OSS-BUCKET-ACL-PUBLIC-READ high",
                        "OSS-BUCKET-POLICY-PUBLIC-WRITE critical",
                        "OSS-BUCKET-POLICY-PUBLIC-READ high",
                        "OSS-BUCKET-PUBLIC-ACCESS-BLOCKED info",
                        "OSS-OBJECT-ACL-PUBLIC high",
                        "OSS-BUCKET-ENCRYPTION-MISSING medium",
                        "OSS-BUCKET-VERSIONING-DISABLED medium",
                        "OSS-BUCKET-LOGGING-DISABLED medium",
                        "OSS-BUCKET-HTTPS-NOT-ENFORCED medium",
                        "OSS-BUCKET-LIFECYCLE-NO-ABORT-MULTIPART low",
                        "OSS-BUCKET-VERSIONING-NO-NONCURRENT-EXPIRATION low",
                        "OSS-REPLICATION-DESTINATION-WEAKER medium",
                        "RAM-POLICY-FULL-ACCESS high",
                        "RAM-POLICY-PRIVILEGE-ESCALATION high",
                        "RAM-USER-DIRECT-POLICY low",
                        "RAM-ROOT-ACCESS-KEY info",
                        "CDN-ORIGIN-BUCKET-PUBLIC medium",
                        "CDN-PRIVATE-ORIGIN-NO-ACCESS-CONTROL low",
                        "UPLOADER-PRESIGN-EXPIRY-LONG low",
                        "ACCESS-ASSERTION high"),
                RULES.stream().map(r -> r.id() + " " + r.severity().label()).toList());
    }

    @Test
    void all_documentedWithSeverityAndMappings() throws IOException {
        String doc = Files.readString(Path.of("docs", "audit-format.md"));
        for (CheckRule rule : RULES) {
            String row = "| `" + rule.id() + "` | " + rule.severity().label() + " |";
            assertTrue(doc.contains(row), () -> "docs/audit-format.md lacks the row for " + rule.id());
            String line = doc.lines().filter(l -> l.startsWith(row)).findFirst().orElseThrow();
            rule.cis().ifPresent(c -> assertTrue(line.contains("| " + c + " |"), () -> rule.id() + " CIS " + c));
            rule.configRule()
                    .ifPresent(c -> assertTrue(line.contains("`" + c + "`"), () -> rule.id() + " Config " + c));
        }
    }
}
