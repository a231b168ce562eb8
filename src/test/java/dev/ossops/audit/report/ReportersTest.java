package dev.ossops.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ossops.audit.AuditReport;
import dev.ossops.audit.Auditor;
import dev.ossops.audit.Fixture;
import dev.ossops.audit.Scenario;
import dev.ossops.audit.Suppressions;
import dev.ossops.audit.checks.Checks;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dev.ossops.GoldenFiles.assertGolden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ReportersTest {
    static final String VERSION = "0.1.0-test";

    @Test
    void text_scenario_matchesGolden() {
        assertGolden("audit/scenario.txt", new TextReporter().render(Scenario.report()));
    }

    @Test
    void text_cleanAccount_noFindingsAndSummary() {
        AuditReport clean = new Auditor(Checks.all())
                .run(
                        Fixture.account(Fixture.bucket("media").build()).build(),
                        Suppressions.none(),
                        LocalDate.of(2026, 11, 21));
        assertEquals(
                "No findings.\n0 critical, 0 high, 0 medium, 0 low, 0 info; 0 suppressed; 0 unknown\n",
                new TextReporter().render(clean));
    }

    @Test
    void json_scenario_matchesGolden() {
        assertGolden("audit/scenario.json", new JsonReporter(VERSION).render(Scenario.report()));
    }

    @Test
    void sarif_scenario_matchesGolden() {
        assertGolden("audit/scenario.sarif", new SarifReporter(VERSION).render(Scenario.report()));
    }

    @Test
    void sarif_scenario_levelsAndSecuritySeverity() throws Exception {
        JsonNode run = JsonMapper.builder()
                .build()
                .readTree(new SarifReporter(VERSION).render(Scenario.report()))
                .get("runs")
                .get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertEquals(
                "9.5", rules.get(0).get("properties").get("security-severity").asText());
        assertEquals("OSS-BUCKET-ACL-PUBLIC-WRITE", rules.get(0).get("id").asText());
        JsonNode results = run.get("results");
        assertEquals("error", results.get(0).get("level").asText());
        assertEquals(
                "profiles/prod.yaml",
                results.get(0)
                        .get("locations")
                        .get(0)
                        .get("physicalLocation")
                        .get("artifactLocation")
                        .get("uri")
                        .asText());
        assertEquals(
                12,
                results.get(0)
                        .get("locations")
                        .get(0)
                        .get("physicalLocation")
                        .get("region")
                        .get("startLine")
                        .asInt());
        for (JsonNode result : results) {
            assertFalse(result.get("locations").get(0).get("physicalLocation").isMissingNode());
        }
    }

    @Test
    void camelCase_checkId_sarifRuleName() {
        assertEquals("OssBucketAclPublicWrite", SarifReporter.camelCase("OSS-BUCKET-ACL-PUBLIC-WRITE"));
    }

    @Test
    void reports_scenario_noSecretInOutput() {
        AuditReport report = Scenario.report();
        for (String output : new String[] {
            new TextReporter().render(report),
            new JsonReporter(VERSION).render(report),
            new SarifReporter(VERSION).render(report)
        }) {
            assertFalse(output.contains("LTAI5tExampleKeyId9abcd"), "full AccessKey id leaked");
        }
    }
}
