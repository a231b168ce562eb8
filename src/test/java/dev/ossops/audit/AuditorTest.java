package dev.ossops.audit;

import dev.ossops.audit.checks.Checks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditorTest {
    private static final Auditor AUDITOR = new Auditor(Checks.all());

    @Test
    void run_cleanAccount_noResults() {
        AuditReport report = AUDITOR.run(
                Fixture.account(Fixture.bucket("media").build()).build(), Suppressions.none(), Scenario.TODAY);
        assertEquals(List.of(), report.findings());
        assertEquals(List.of(), report.unknowns());
        assertEquals(21, report.rules().size());
        assertEquals(AuditOutcome.PASSED, report.outcome(FailOn.LOW));
    }

    @Test
    void run_scenario_findingsSortedBySeverityThenResource() {
        AuditReport report = Scenario.report();
        assertEquals(
                List.of(
                        "CRITICAL OSS-BUCKET-ACL-PUBLIC-WRITE acs:oss:*:*:drop-box",
                        "HIGH RAM-POLICY-FULL-ACCESS ram:policy/AppAll",
                        "MEDIUM OSS-BUCKET-ENCRYPTION-MISSING acs:oss:*:*:media",
                        "LOW UPLOADER-PRESIGN-EXPIRY-LONG profile:uploader",
                        "INFO RAM-ROOT-ACCESS-KEY ram:account/1234567890123456/accesskey/LTAI…abcd"),
                report.findings().stream()
                        .map(f -> f.severity() + " " + f.rule().id() + " " + f.resource())
                        .toList());
    }

    @Test
    void run_unreadableAcl_unknownForEveryCheckThatNeedsIt() {
        AuditReport report = Scenario.report();
        assertEquals(
                List.of("OSS-BUCKET-ACL-PUBLIC-READ", "OSS-BUCKET-ACL-PUBLIC-WRITE"),
                report.unknowns().stream().map(u -> u.rule().id()).toList());
        assertEquals(
                "the bucket ACL could not be read: AccessDenied (403)",
                report.unknowns().get(0).reason());
    }

    @Test
    void run_activeSuppression_findingListedAsSuppressed() {
        AuditReport report = Scenario.report();
        assertEquals(1, report.suppressed().size());
        SuppressedFinding s = report.suppressed().get(0);
        assertEquals("OSS-BUCKET-LOGGING-DISABLED", s.finding().rule().id());
        assertEquals("logs go to SLS, ticket OPS-7", s.suppression().reason());
    }

    @Test
    void run_expiredSuppression_stopsSuppressingAndIsReported() {
        AuditReport report = Scenario.report();
        assertEquals(
                List.of("RAM-ROOT-ACCESS-KEY"),
                report.expiredSuppressions().stream().map(Suppression::check).toList());
        assertEquals(
                1,
                report.findings().stream()
                        .filter(f -> f.rule().id().equals("RAM-ROOT-ACCESS-KEY"))
                        .count());
    }

    @Test
    void summary_scenario_countsEverySeverity() {
        assertEquals(
                "1 critical, 1 high, 1 medium, 1 low, 1 info; 1 suppressed; 2 unknown",
                Scenario.report().summary());
    }

    @Test
    void outcome_findingAtOrAboveFailOn_findings() {
        assertEquals(AuditOutcome.FINDINGS, Scenario.report().outcome(FailOn.HIGH));
        assertEquals(AuditOutcome.FINDINGS, Scenario.report().outcome(FailOn.CRITICAL));
        assertEquals(3, AuditOutcome.FINDINGS.exitCode());
    }

    @Test
    void outcome_onlyFindingsBelowFailOnWithUnknowns_incomplete() {
        AuditReport report = AUDITOR.run(
                Fixture.account(
                                Fixture.bucket("media")
                                        .versioning(Observed.found("Suspended"))
                                        .build(),
                                Fixture.bucket("logs")
                                        .encryption(Observed.unreadable("timeout"))
                                        .build())
                        .build(),
                Suppressions.none(),
                Scenario.TODAY);
        assertEquals(AuditOutcome.INCOMPLETE, report.outcome(FailOn.HIGH));
        assertEquals(1, AuditOutcome.INCOMPLETE.exitCode());
        assertEquals(AuditOutcome.FINDINGS, report.outcome(FailOn.MEDIUM));
    }

    @Test
    void outcome_findingsBelowFailOn_passed() {
        AuditReport report = AUDITOR.run(
                Fixture.account(Fixture.bucket("media")
                                .versioning(Observed.found("Suspended"))
                                .build())
                        .build(),
                Suppressions.none(),
                Scenario.TODAY);
        assertEquals(AuditOutcome.PASSED, report.outcome(FailOn.HIGH));
        assertEquals(0, AuditOutcome.PASSED.exitCode());
    }

    @Test
    void outcome_failOnNone_neverFailsOnFindings() {
        AuditReport report = AUDITOR.run(
                Fixture.account(Fixture.bucket("media")
                                .acl(Observed.found("public-read-write"))
                                .build())
                        .build(),
                Suppressions.none(),
                Scenario.TODAY);
        assertEquals(AuditOutcome.PASSED, report.outcome(FailOn.NONE));
    }

    @Test
    void outcome_infoFindingWithFailOnLow_passed() {
        AuditReport report = AUDITOR.run(
                Fixture.account(Fixture.bucket("media")
                                .acl(Observed.found("public-read"))
                                .blockPublicAccess(Observed.found(true))
                                .build())
                        .build(),
                Suppressions.none(),
                Scenario.TODAY);
        assertEquals(
                List.of("OSS-BUCKET-PUBLIC-ACCESS-BLOCKED"),
                report.findings().stream().map(f -> f.rule().id()).toList());
        assertEquals(AuditOutcome.PASSED, report.outcome(FailOn.LOW));
    }

    @Test
    void failOnParse_namesInAnyCase() {
        assertEquals(Optional.of(FailOn.MEDIUM), FailOn.parse("Medium"));
        assertEquals(Optional.empty(), FailOn.parse("severe"));
    }
}
