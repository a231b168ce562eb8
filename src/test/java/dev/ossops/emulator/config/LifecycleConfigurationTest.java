package dev.ossops.emulator.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LifecycleConfigurationTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final LifecycleConfiguration CONFIG = new LifecycleCodec()
            .parse(SdkWire.utf8("<LifecycleConfiguration>"
                    + "<Rule><ID>r-logs</ID><Prefix>logs/</Prefix><Filter><Not><Prefix>logs/keep/</Prefix></Not></Filter>"
                    + "<Status>Enabled</Status><Expiration><Days>365</Days></Expiration>"
                    + "<Transition><Days>30</Days><StorageClass>IA</StorageClass></Transition>"
                    + "<Transition><Days>90</Days><StorageClass>Archive</StorageClass></Transition></Rule>"
                    + "<Rule><ID>r-tagged</ID><Prefix></Prefix><Tag><Key>env</Key><Value>tmp</Value></Tag>"
                    + "<Status>Enabled</Status><Expiration><Days>7</Days></Expiration></Rule>"
                    + "<Rule><ID>r-big</ID><Prefix>media/</Prefix><Filter><ObjectSizeGreaterThan>1000</ObjectSizeGreaterThan>"
                    + "</Filter><Status>Enabled</Status><Transition><Days>10</Days><StorageClass>IA</StorageClass></Transition>"
                    + "</Rule>"
                    + "<Rule><ID>r-disabled</ID><Prefix>old/</Prefix><Status>Disabled</Status>"
                    + "<Expiration><Days>1</Days></Expiration></Rule>"
                    + "<Rule><ID>r-access</ID><Prefix>hot/</Prefix><Status>Enabled</Status><Transition><Days>30</Days>"
                    + "<StorageClass>IA</StorageClass><IsAccessTime>true</IsAccessTime></Transition></Rule>"
                    + "<Rule><ID>r-noncurrent</ID><Prefix>logs/</Prefix><Status>Enabled</Status>"
                    + "<NoncurrentVersionExpiration><NoncurrentDays>60</NoncurrentDays></NoncurrentVersionExpiration>"
                    + "<NoncurrentVersionTransition><NoncurrentDays>30</NoncurrentDays><StorageClass>IA</StorageClass>"
                    + "</NoncurrentVersionTransition></Rule>"
                    + "<Rule><ID>r-abort</ID><Prefix>uploads/</Prefix><Status>Enabled</Status>"
                    + "<AbortMultipartUpload><Days>2</Days></AbortMultipartUpload></Rule>"
                    + "</LifecycleConfiguration>"));

    private static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static Map<String, String> tags(String spec) {
        if (spec == null) {
            return Map.of();
        }
        return Arrays.stream(spec.split(";"))
                .map(kv -> kv.split("="))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    }

    private static String describe(Optional<LifecycleConfiguration.LifecycleAction> action) {
        return action.map(a -> a.kind() + a.storageClass().map(c -> ":" + c).orElse("") + "@" + a.ruleId())
                .orElse("none");
    }

    /** key | tags | size | days since modified | days since accessed | current class | expected action. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "logs/a.txt       | null    | 10   | 10  | 10 | null    | none",
                "logs/a.txt       | null    | 10   | 30  | 30 | null    | TRANSITION:IA@r-logs",
                "logs/a.txt       | null    | 10   | 100 | 1  | null    | TRANSITION:Archive@r-logs",
                "logs/a.txt       | null    | 10   | 400 | 1  | null    | EXPIRE@r-logs",
                "logs/keep/a.txt  | null    | 10   | 400 | 1  | null    | none",
                "logs/a.txt       | null    | 10   | 100 | 1  | Archive | none",
                "logs/a.txt       | null    | 10   | 100 | 1  | IA      | TRANSITION:Archive@r-logs",
                "tmp.bin          | env=tmp | 10   | 7   | 7  | null    | EXPIRE@r-tagged",
                "tmp.bin          | env=prod| 10   | 7   | 7  | null    | none",
                "logs/b.txt       | env=tmp;team=x | 10 | 40 | 1 | null | EXPIRE@r-tagged",
                "media/big.mp4    | null    | 5000 | 10  | 10 | null    | TRANSITION:IA@r-big",
                "media/small.png  | null    | 1000 | 10  | 10 | null    | none",
                "old/x            | null    | 10   | 100 | 1  | null    | none",
                "hot/x            | null    | 10   | 100 | 5  | null    | none",
                "hot/x            | null    | 10   | 100 | 40 | null    | TRANSITION:IA@r-access",
            })
    void currentVersionAction_followsOssPrecedence(
            String key,
            String tagSpec,
            long size,
            long modifiedDays,
            long accessedDays,
            String currentClass,
            String expected) {
        LifecycleConfiguration.ObjectFacts object = new LifecycleConfiguration.ObjectFacts(
                key,
                tags(tagSpec),
                size,
                daysAgo(modifiedDays),
                daysAgo(accessedDays),
                Optional.ofNullable(currentClass).map(LifecycleRule.StorageClass::valueOf));
        assertEquals(expected, describe(CONFIG.currentVersionAction(object, NOW)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "logs/a.txt | 20 | none",
                "logs/a.txt | 30 | TRANSITION:IA@r-noncurrent",
                "logs/a.txt | 70 | EXPIRE@r-noncurrent",
                "media/a.txt| 70 | none",
            })
    void noncurrentVersionAction_countsFromBecomingNoncurrent(String key, long noncurrentDays, String expected) {
        LifecycleConfiguration.ObjectFacts object =
                new LifecycleConfiguration.ObjectFacts(key, Map.of(), 10, daysAgo(500), daysAgo(500), Optional.empty());
        assertEquals(expected, describe(CONFIG.noncurrentVersionAction(object, daysAgo(noncurrentDays), NOW)));
    }

    @Test
    void abortingRule_abortsOldUploadsUnderPrefix() {
        assertEquals(Optional.of("r-abort"), CONFIG.abortingRule("uploads/big.iso", daysAgo(3), NOW));
        assertEquals(Optional.empty(), CONFIG.abortingRule("uploads/big.iso", daysAgo(1), NOW));
        assertEquals(Optional.empty(), CONFIG.abortingRule("other/big.iso", daysAgo(30), NOW));
    }

    @Test
    void rulesFor_listsEnabledSelectingRulesInOrder() {
        assertEquals(
                List.of("r-logs", "r-tagged", "r-noncurrent"),
                CONFIG.rulesFor("logs/x", Map.of("env", "tmp"), 1).stream()
                        .map(LifecycleRule::id)
                        .toList());
        assertEquals(
                List.of(),
                CONFIG.rulesFor("old/x", Map.of(), 1).stream()
                        .map(LifecycleRule::id)
                        .toList());
    }
}
