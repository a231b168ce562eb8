package dev.ossops.audit;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ossops.audit.checks.Checks;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ossops.GoldenFiles.assertGolden;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FixesTest {
    private static final Auditor AUDITOR = new Auditor(Checks.all());

    @Test
    void from_scenario_fragmentGoldenAndManualFindings() {
        Fixes.FixSet fixes = Fixes.from(Scenario.report().findings());
        assertEquals(List.of(Fixes.PROFILE_FRAGMENT), List.copyOf(fixes.files().keySet()));
        assertGolden("audit/fixes-scenario.yaml", fixes.files().get(Fixes.PROFILE_FRAGMENT));
        assertEquals(
                List.of("RAM-POLICY-FULL-ACCESS", "RAM-ROOT-ACCESS-KEY"),
                fixes.manual().stream().map(f -> f.rule().id()).toList());
    }

    @Test
    void from_scenario_fragmentIsYamlWithProfileKeys() throws Exception {
        String fragment = Fixes.from(Scenario.report().findings()).files().get(Fixes.PROFILE_FRAGMENT);
        Map<?, ?> tree = new YAMLMapper().readValue(fragment, Map.class);
        assertEquals(
                Map.of(
                        "drop-box",
                        Map.of("acl", "private"),
                        "media",
                        Map.of("encryption", Map.of("algorithm", "AES256"))),
                tree.get("buckets"));
        assertEquals(Map.of("urlExpiresSeconds", 3600), tree.get("uploader"));
    }

    @Test
    void from_lifecycleAndHttpsFindings_documentsWrittenAndReferenced() throws Exception {
        AuditReport report = AUDITOR.run(
                Fixture.account(
                                Fixture.bucket("a")
                                        .lifecycle(Observed.absent())
                                        .policy(Observed.absent())
                                        .build(),
                                Fixture.bucket("b").lifecycle(Observed.absent()).build())
                        .build(),
                Suppressions.none(),
                Scenario.TODAY);
        Fixes.FixSet fixes = Fixes.from(report.findings());
        assertEquals(
                List.of(
                        Fixes.PROFILE_FRAGMENT,
                        "lifecycle/abort-incomplete-uploads.json",
                        "lifecycle/noncurrent-version-expiration.json",
                        "policies/a-https-only.json"),
                List.copyOf(fixes.files().keySet()));
        Map<?, ?> buckets = (Map<?, ?>) new YAMLMapper()
                .readValue(fixes.files().get(Fixes.PROFILE_FRAGMENT), Map.class)
                .get("buckets");
        assertEquals(
                Map.of(
                        "lifecycle",
                        List.of(
                                "lifecycle/abort-incomplete-uploads.json",
                                "lifecycle/noncurrent-version-expiration.json"),
                        "policy",
                        "policies/a-https-only.json"),
                buckets.get("a"));
        // The document is the one ossops ships, so the fixed profile may reference the shipped file.
        JsonMapper json = JsonMapper.builder().build();
        assertEquals(
                json.readTree(Files.readString(Path.of("lifecycle", "abort-incomplete-uploads.json"))),
                json.readTree(fixes.files().get("lifecycle/abort-incomplete-uploads.json")));
    }

    @Test
    void from_conflictingValues_firstWinsLaterIsManual() {
        Finding first = finding(
                "A", new ProfileChange.SetValue(List.of("buckets", "x", "encryption"), Map.of("algorithm", "AES256")));
        Finding second = finding(
                "B", new ProfileChange.SetValue(List.of("buckets", "x", "encryption"), Map.of("algorithm", "KMS")));
        Fixes.FixSet fixes = Fixes.from(List.of(first, second));
        assertEquals(List.of(first), fixes.fixed());
        assertEquals(List.of(second), fixes.manual());
    }

    @Test
    void from_noFindings_noFiles() {
        assertEquals(Map.of(), Fixes.from(List.of()).files());
    }

    private static Finding finding(String id, ProfileChange change) {
        CheckRule rule = new CheckRule(id, Severity.MEDIUM, "t", "h", Optional.empty(), Optional.empty());
        return new Finding(
                rule, "acs:oss:*:*:x", Optional.empty(), "m", new Evidence("p", "a", "e"), "r", List.of(change));
    }
}
