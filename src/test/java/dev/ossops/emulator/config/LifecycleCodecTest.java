package dev.ossops.emulator.config;

import com.aliyun.oss.common.parser.RequestMarshallers;
import com.aliyun.oss.internal.ResponseParsers;
import com.aliyun.oss.model.LifecycleFilter;
import com.aliyun.oss.model.LifecycleNot;
import com.aliyun.oss.model.LifecycleRule;
import com.aliyun.oss.model.SetBucketLifecycleRequest;
import com.aliyun.oss.model.StorageClass;
import com.aliyun.oss.model.Tag;
import dev.ossops.GoldenFiles;
import dev.ossops.emulator.error.OssError;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ossops.emulator.config.OssAssert.assertInvalid;
import static dev.ossops.emulator.config.OssAssert.assertMalformed;
import static dev.ossops.emulator.config.OssAssert.assertOssError;
import static dev.ossops.emulator.config.SdkWire.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LifecycleCodecTest {
    private static final Date JAN_2026 = Date.from(Instant.parse("2026-01-01T00:00:00Z"));
    private static final Date JUN_2025 = Date.from(Instant.parse("2025-06-01T00:00:00Z"));

    private final LifecycleCodec codec = new LifecycleCodec(() -> "generated-id");

    private static SetBucketLifecycleRequest richRequest() {
        LifecycleRule logs = new LifecycleRule("archive-logs", "logs/", LifecycleRule.RuleStatus.Enabled, 365);
        logs.addTag("team", "media");
        logs.addTag("env", "prod");
        LifecycleFilter filter = new LifecycleFilter();
        LifecycleNot keep = new LifecycleNot();
        keep.setPrefix("logs/keep/");
        keep.setTag(new Tag("hold", "yes"));
        filter.setNotList(List.of(keep));
        filter.setObjectSizeGreaterThan(1024L);
        filter.setObjectSizeLessThan(1073741824L);
        logs.setFilter(filter);
        LifecycleRule.StorageTransition ia = new LifecycleRule.StorageTransition(30, StorageClass.IA, true, true);
        ia.setAllowSmallFile(false);
        logs.setStorageTransition(List.of(
                ia,
                new LifecycleRule.StorageTransition(90, StorageClass.Archive),
                new LifecycleRule.StorageTransition(180, StorageClass.ColdArchive)));
        logs.setNoncurrentVersionExpiration(new LifecycleRule.NoncurrentVersionExpiration(200));
        logs.setNoncurrentVersionStorageTransitions(List.of(
                new LifecycleRule.NoncurrentVersionStorageTransition(10, StorageClass.IA),
                new LifecycleRule.NoncurrentVersionStorageTransition(100, StorageClass.DeepColdArchive)));

        LifecycleRule tmp = new LifecycleRule("tmp-by-date", "tmp/", LifecycleRule.RuleStatus.Disabled);
        // Older objects are selected by an earlier date, so expiring "later" means an earlier date.
        tmp.setCreatedBeforeDate(JUN_2025);
        tmp.setAbortMultipartUpload(new LifecycleRule.AbortMultipartUpload(3));
        tmp.setStorageTransition(List.of(new LifecycleRule.StorageTransition(JAN_2026, StorageClass.Archive)));

        LifecycleRule markers = new LifecycleRule("markers", "", LifecycleRule.RuleStatus.Enabled);
        markers.setExpiredDeleteMarker(true);
        markers.setAbortMultipartUpload(new LifecycleRule.AbortMultipartUpload(JAN_2026));

        LifecycleRule legacy = new LifecycleRule("legacy-date", "old/", LifecycleRule.RuleStatus.Enabled, JAN_2026);

        SetBucketLifecycleRequest request = new SetBucketLifecycleRequest("media");
        request.setLifecycleRules(List.of(logs, tmp, markers, legacy));
        return request;
    }

    private static byte[] sdkBody(SetBucketLifecycleRequest request) {
        return SdkWire.body(RequestMarshallers.setBucketLifecycleRequestMarshaller.marshall(request));
    }

    @Test
    void accept_sdkRequestRoundTripsThroughSdkParser() throws Exception {
        SetBucketLifecycleRequest request = richRequest();

        List<LifecycleRule> parsed =
                ResponseParsers.parseGetBucketLifecycle(SdkWire.stream(codec.accept(sdkBody(request))));

        assertEquals(request.getLifecycleRules().size(), parsed.size());
        for (int i = 0; i < parsed.size(); i++) {
            assertSameRule(request.getLifecycleRules().get(i), parsed.get(i));
        }
    }

    private static void assertSameRule(LifecycleRule sent, LifecycleRule got) {
        assertEquals(sent.getId(), got.getId());
        assertEquals(sent.getPrefix(), got.getPrefix());
        assertEquals(sent.getStatus(), got.getStatus());
        assertEquals(sent.getTags(), got.getTags());
        assertEquals(sent.hasExpirationDays(), got.hasExpirationDays());
        assertEquals(sent.getExpirationDays(), got.getExpirationDays());
        assertEquals(sent.getExpirationTime(), got.getExpirationTime());
        assertEquals(sent.getCreatedBeforeDate(), got.getCreatedBeforeDate());
        assertEquals(sent.getExpiredDeleteMarker(), got.getExpiredDeleteMarker());
        assertEquals(sent.hasAbortMultipartUpload(), got.hasAbortMultipartUpload());
        if (sent.hasAbortMultipartUpload()) {
            assertEquals(
                    sent.getAbortMultipartUpload().getExpirationDays(),
                    got.getAbortMultipartUpload().getExpirationDays());
            assertEquals(
                    sent.getAbortMultipartUpload().getCreatedBeforeDate(),
                    got.getAbortMultipartUpload().getCreatedBeforeDate());
        }
        assertEquals(sent.hasStorageTransition(), got.hasStorageTransition());
        for (int t = 0;
                sent.hasStorageTransition() && t < sent.getStorageTransition().size();
                t++) {
            LifecycleRule.StorageTransition a = sent.getStorageTransition().get(t);
            LifecycleRule.StorageTransition b = got.getStorageTransition().get(t);
            assertEquals(a.getExpirationDays(), b.getExpirationDays());
            assertEquals(a.getCreatedBeforeDate(), b.getCreatedBeforeDate());
            assertEquals(a.getStorageClass(), b.getStorageClass());
            assertEquals(a.getIsAccessTime(), b.getIsAccessTime());
            assertEquals(a.getReturnToStdWhenVisit(), b.getReturnToStdWhenVisit());
            assertEquals(a.getAllowSmallFile(), b.getAllowSmallFile());
        }
        assertEquals(sent.hasNoncurrentVersionExpiration(), got.hasNoncurrentVersionExpiration());
        if (sent.hasNoncurrentVersionExpiration()) {
            assertEquals(
                    sent.getNoncurrentVersionExpiration().getNoncurrentDays(),
                    got.getNoncurrentVersionExpiration().getNoncurrentDays());
        }
        assertEquals(sent.hasNoncurrentVersionStorageTransitions(), got.hasNoncurrentVersionStorageTransitions());
        for (int t = 0;
                sent.hasNoncurrentVersionStorageTransitions()
                        && t < sent.getNoncurrentVersionStorageTransitions().size();
                t++) {
            LifecycleRule.NoncurrentVersionStorageTransition a =
                    sent.getNoncurrentVersionStorageTransitions().get(t);
            LifecycleRule.NoncurrentVersionStorageTransition b =
                    got.getNoncurrentVersionStorageTransitions().get(t);
            assertEquals(a.getNoncurrentDays(), b.getNoncurrentDays());
            assertEquals(a.getStorageClass(), b.getStorageClass());
        }
        assertEquals(sent.getFilter() == null, got.getFilter() == null);
        if (sent.getFilter() != null) {
            assertEquals(
                    sent.getFilter().getObjectSizeGreaterThan(), got.getFilter().getObjectSizeGreaterThan());
            assertEquals(
                    sent.getFilter().getObjectSizeLessThan(), got.getFilter().getObjectSizeLessThan());
            assertEquals(
                    sent.getFilter().getNotList().size(),
                    got.getFilter().getNotList().size());
            LifecycleNot a = sent.getFilter().getNotList().get(0);
            LifecycleNot b = got.getFilter().getNotList().get(0);
            assertEquals(a.getPrefix(), b.getPrefix());
            assertEquals(a.getTag().getKey(), b.getTag().getKey());
            assertEquals(a.getTag().getValue(), b.getTag().getValue());
        }
    }

    @Test
    void accept_rendersCanonicalDocument() {
        GoldenFiles.assertGolden("emulator-config/lifecycle.xml", SdkWire.text(codec.accept(sdkBody(richRequest()))));
    }

    @Test
    void parse_ruleWithoutIdGetsGeneratedId() {
        LifecycleConfiguration config = codec.parse(utf8("<LifecycleConfiguration><Rule><Prefix>a/</Prefix>"
                + "<Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule></LifecycleConfiguration>"));
        assertEquals("generated-id", config.rules().get(0).id());
    }

    private static String rule(String id, String prefix, String actions) {
        return "<Rule><ID>" + id + "</ID><Prefix>" + prefix + "</Prefix><Status>Enabled</Status>" + actions + "</Rule>";
    }

    private static byte[] doc(String... rules) {
        return utf8("<LifecycleConfiguration>" + String.join("", rules) + "</LifecycleConfiguration>");
    }

    private static String expireDays(int days) {
        return "<Expiration><Days>" + days + "</Days></Expiration>";
    }

    private static String transition(String when, String storageClass) {
        return "<Transition>" + when + "<StorageClass>" + storageClass + "</StorageClass></Transition>";
    }

    @Test
    void accept_moreThan1000RulesIsInvalidArgument() {
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            rules.add(rule("r" + i, "p" + i + "/", expireDays(1)));
        }
        byte[] body = doc(rules.toArray(String[]::new));
        assertInvalid(
                "The number of lifecycle rules exceeds the limit of 1000.", "Rule", "1001", () -> codec.accept(body));
    }

    @Test
    void accept_duplicateIdIsInvalidArgument() {
        byte[] body = doc(rule("same", "a/", expireDays(1)), rule("same", "b/", expireDays(2)));
        assertInvalid("Rule ID must be unique.", "ID", "same", () -> codec.accept(body));
    }

    @Test
    void accept_idLongerThan255IsInvalidArgument() {
        String id = "x".repeat(256);
        byte[] body = doc(rule(id, "a/", expireDays(1)));
        assertInvalid("Rule ID cannot be longer than 255 characters.", "ID", id, () -> codec.accept(body));
    }

    @Test
    void accept_ruleWithoutActionIsInvalidArgument() {
        byte[] body = doc(rule("idle", "a/", ""));
        assertInvalid("A lifecycle rule must specify at least one action.", "Rule", "idle", () -> codec.accept(body));
    }

    @Test
    void accept_tagsWithAbortMultipartUploadIsInvalidArgument() {
        byte[] body = doc(rule(
                "tagged",
                "a/",
                "<Tag><Key>k</Key><Value>v</Value></Tag>"
                        + "<AbortMultipartUpload><Days>1</Days></AbortMultipartUpload>"));
        assertInvalid(
                "AbortMultipartUpload cannot be specified in a rule that has tags.",
                "Rule",
                "tagged",
                () -> codec.accept(body));
    }

    @Test
    void accept_expiredObjectDeleteMarkerWithDaysIsInvalidArgument() {
        byte[] body = doc(rule(
                "m",
                "a/",
                "<Expiration><Days>3</Days><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker></Expiration>"));
        assertInvalid(
                "ExpiredObjectDeleteMarker cannot be specified with Days, Date or CreatedBeforeDate.",
                "Expiration",
                "ExpiredObjectDeleteMarker",
                () -> codec.accept(body));
    }

    @Test
    void accept_expirationWithDaysAndDateIsInvalidArgument() {
        byte[] body = doc(
                rule(
                        "m",
                        "a/",
                        "<Expiration><Days>3</Days><CreatedBeforeDate>2026-01-01T00:00:00.000Z</CreatedBeforeDate></Expiration>"));
        assertInvalid(
                "Expiration must contain exactly one of Days, Date, CreatedBeforeDate and ExpiredObjectDeleteMarker.",
                "Expiration",
                "",
                () -> codec.accept(body));
    }

    @Test
    void parse_olderFormDaysUnderRule_isAnExpirationByDays() {
        LifecycleConfiguration config = codec.parse(doc(rule("old", "logs/", "<Days>30</Days>")));
        assertEquals(
                Optional.of(new dev.ossops.emulator.config.LifecycleRule.Expiration(
                        Optional.of(30L), Optional.empty(), Optional.empty(), Optional.empty())),
                config.rules().get(0).expiration());
    }

    @Test
    void parse_olderFormDateUnderRule_isAnExpirationByDate() {
        LifecycleConfiguration config = codec.parse(doc(rule("old", "logs/", "<Date>2026-01-01T00:00:00.000Z</Date>")));
        assertEquals(
                Optional.of(new dev.ossops.emulator.config.LifecycleRule.Expiration(
                        Optional.empty(),
                        Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
                        Optional.empty(),
                        Optional.empty())),
                config.rules().get(0).expiration());
    }

    @Test
    void accept_olderFormBesideExpiration_storesTheExpirationForm() {
        // What ali-oss sends for a rule given as {days: 1}: both forms.
        byte[] body = doc(rule("both", "logs/", "<Days>1</Days><Expiration><Days>1</Days></Expiration>"));
        assertEquals(
                SdkWire.text(codec.accept(doc(rule("both", "logs/", expireDays(1))))),
                SdkWire.text(codec.accept(body)));
        // And for {date: ...}: Date under Rule, CreatedBeforeDate in Expiration.
        byte[] dated = doc(rule(
                "dated",
                "logs/",
                "<Date>2020-02-18T00:00:00.000Z</Date>"
                        + "<Expiration><CreatedBeforeDate>2020-02-18T00:00:00.000Z</CreatedBeforeDate></Expiration>"));
        assertEquals(
                Optional.of(Instant.parse("2020-02-18T00:00:00Z")),
                codec.parse(dated)
                        .rules()
                        .get(0)
                        .expiration()
                        .flatMap(dev.ossops.emulator.config.LifecycleRule.Expiration::createdBeforeDate));
    }

    @Test
    void accept_olderFormWithBadValues_isInvalidArgumentLikeExpiration() {
        assertInvalid(
                "Days must be a positive integer.",
                "Days",
                "0",
                () -> codec.accept(doc(rule("z", "a/", "<Days>0</Days>"))));
        assertInvalid(
                "Date must be ISO8601 at midnight UTC, such as 2026-01-01T00:00:00.000Z.",
                "Date",
                "2026-01-01",
                () -> codec.accept(doc(rule("d", "a/", "<Date>2026-01-01</Date>"))));
        assertInvalid(
                "Expiration must contain exactly one of Days, Date, CreatedBeforeDate and ExpiredObjectDeleteMarker.",
                "Expiration",
                "",
                () -> codec.accept(doc(rule("b", "a/", "<Days>3</Days><Date>2026-01-01T00:00:00.000Z</Date>"))));
    }

    @Test
    void accept_zeroDaysIsInvalidArgument() {
        byte[] body = doc(rule("z", "a/", expireDays(0)));
        assertInvalid("Days must be a positive integer.", "Days", "0", () -> codec.accept(body));
    }

    @Test
    void accept_dateNotAtMidnightIsInvalidArgument() {
        byte[] body = doc(rule(
                "d", "a/", "<Expiration><CreatedBeforeDate>2026-01-01T08:00:00.000Z</CreatedBeforeDate></Expiration>"));
        assertInvalid(
                "CreatedBeforeDate must be ISO8601 at midnight UTC, such as 2026-01-01T00:00:00.000Z.",
                "CreatedBeforeDate",
                "2026-01-01T08:00:00.000Z",
                () -> codec.accept(body));
    }

    @Test
    void accept_impossibleCalendarDateIsInvalidArgument() {
        byte[] body = doc(rule("d", "a/", "<Expiration><Date>2026-02-30T00:00:00.000Z</Date></Expiration>"));
        assertInvalid(
                "Date must be ISO8601 at midnight UTC, such as 2026-01-01T00:00:00.000Z.",
                "Date",
                "2026-02-30T00:00:00.000Z",
                () -> codec.accept(body));
    }

    @Test
    void accept_fourTransitionsIsInvalidArgument() {
        byte[] body = doc(rule(
                "t",
                "a/",
                transition("<Days>10</Days>", "IA")
                        + transition("<Days>20</Days>", "Archive")
                        + transition("<Days>30</Days>", "ColdArchive")
                        + transition("<Days>40</Days>", "DeepColdArchive")));
        assertInvalid(
                "A lifecycle rule can contain at most 3 Transition elements.",
                "Transition",
                "4",
                () -> codec.accept(body));
    }

    @Test
    void accept_twoTransitionsToSameClassIsInvalidArgument() {
        byte[] body = doc(rule("t", "a/", transition("<Days>10</Days>", "IA") + transition("<Days>20</Days>", "IA")));
        assertInvalid(
                "A lifecycle rule can contain only one Transition per storage class.",
                "StorageClass",
                "IA",
                () -> codec.accept(body));
    }

    @Test
    void accept_archiveNotLaterThanIaIsInvalidArgument() {
        byte[] body =
                doc(rule("t", "a/", transition("<Days>60</Days>", "IA") + transition("<Days>60</Days>", "Archive")));
        assertInvalid(
                "The transition to Archive must happen later than the transition to IA.",
                "StorageClass",
                "Archive",
                () -> codec.accept(body));
    }

    @Test
    void accept_coldArchiveDateNotEarlierThanIaDateIsInvalidArgument() {
        byte[] body = doc(rule(
                "t",
                "a/",
                transition("<CreatedBeforeDate>2025-01-01T00:00:00.000Z</CreatedBeforeDate>", "IA")
                        + transition(
                                "<CreatedBeforeDate>2025-03-01T00:00:00.000Z</CreatedBeforeDate>", "ColdArchive")));
        assertInvalid(
                "The transition to ColdArchive must happen later than the transition to IA.",
                "StorageClass",
                "ColdArchive",
                () -> codec.accept(body));
    }

    @Test
    void accept_expirationNotLaterThanTransitionIsInvalidArgument() {
        byte[] body = doc(rule("t", "a/", transition("<Days>30</Days>", "IA") + expireDays(30)));
        assertInvalid(
                "Expiration must happen later than the transition to IA.", "Expiration", "t", () -> codec.accept(body));
    }

    @Test
    void accept_daysTransitionWithDateExpirationIsInvalidArgument() {
        byte[] body = doc(rule(
                "t",
                "a/",
                transition("<Days>30</Days>", "IA")
                        + "<Expiration><CreatedBeforeDate>2026-01-01T00:00:00.000Z</CreatedBeforeDate></Expiration>"));
        assertInvalid(
                "Expiration and Transition in a rule must both use Days or both use CreatedBeforeDate.",
                "Rule",
                "t",
                () -> codec.accept(body));
    }

    @Test
    void accept_transitionWithoutDaysOrDateIsInvalidArgument() {
        byte[] body = doc(rule("t", "a/", transition("", "IA")));
        assertInvalid(
                "Transition must contain exactly one of Days and CreatedBeforeDate.",
                "Transition",
                "IA",
                () -> codec.accept(body));
    }

    @Test
    void accept_standardAsTransitionTargetIsInvalidArgument() {
        byte[] body = doc(rule("t", "a/", transition("<Days>30</Days>", "Standard")));
        assertInvalid(
                "Unsupported StorageClass, valid values are IA, Archive, ColdArchive and DeepColdArchive.",
                "StorageClass",
                "Standard",
                () -> codec.accept(body));
    }

    @Test
    void accept_returnToStdWithoutAccessTimeIsInvalidArgument() {
        byte[] body = doc(rule(
                "t",
                "a/",
                "<Transition><Days>30</Days><StorageClass>IA</StorageClass><ReturnToStdWhenVisit>true</ReturnToStdWhenVisit>"
                        + "</Transition>"));
        assertInvalid(
                "ReturnToStdWhenVisit can be true only when IsAccessTime is true.",
                "ReturnToStdWhenVisit",
                "true",
                () -> codec.accept(body));
    }

    @Test
    void accept_notPrefixOutsideRulePrefixIsInvalidArgument() {
        byte[] body = doc(rule("n", "logs/", "<Filter><Not><Prefix>other/</Prefix></Not></Filter>" + expireDays(3)));
        assertInvalid(
                "The prefix of Not must start with the rule prefix and be longer than it.",
                "Not",
                "other/",
                () -> codec.accept(body));
    }

    @Test
    void accept_sizeBoundsInWrongOrderIsInvalidArgument() {
        byte[] body = doc(rule(
                "s",
                "a/",
                "<Filter><ObjectSizeGreaterThan>500</ObjectSizeGreaterThan>"
                        + "<ObjectSizeLessThan>500</ObjectSizeLessThan></Filter>" + expireDays(3)));
        assertInvalid(
                "ObjectSizeGreaterThan must be less than ObjectSizeLessThan.",
                "Filter",
                "500",
                () -> codec.accept(body));
    }

    @Test
    void accept_noncurrentTransitionsOutOfOrderIsInvalidArgument() {
        byte[] body = doc(rule(
                "v",
                "a/",
                "<NoncurrentVersionTransition><NoncurrentDays>50</NoncurrentDays><StorageClass>IA</StorageClass>"
                        + "</NoncurrentVersionTransition><NoncurrentVersionTransition><NoncurrentDays>40</NoncurrentDays>"
                        + "<StorageClass>Archive</StorageClass></NoncurrentVersionTransition>"));
        assertInvalid(
                "The noncurrent transition to Archive must happen later than the noncurrent transition to IA.",
                "StorageClass",
                "Archive",
                () -> codec.accept(body));
    }

    @Test
    void accept_noncurrentExpirationBeforeTransitionIsInvalidArgument() {
        byte[] body = doc(rule(
                "v",
                "a/",
                "<NoncurrentVersionExpiration><NoncurrentDays>10</NoncurrentDays></NoncurrentVersionExpiration>"
                        + "<NoncurrentVersionTransition><NoncurrentDays>30</NoncurrentDays><StorageClass>IA</StorageClass>"
                        + "</NoncurrentVersionTransition>"));
        assertInvalid(
                "NoncurrentVersionExpiration must happen later than the noncurrent transitions.",
                "NoncurrentVersionExpiration",
                "v",
                () -> codec.accept(body));
    }

    /** The 0014-00000082 example: nested prefixes whose actions run cold-before-warm across rules. */
    @Test
    void accept_overlappingPrefixesWithConflictingActionsIsInvalidArgument() {
        byte[] body = doc(
                rule("r1", "test", transition("<Days>120</Days>", "IA")),
                rule("r2", "test/log", transition("<Days>60</Days>", "Archive")),
                rule("r3", "test/log/cache", expireDays(30)));
        assertInvalid(
                "Rules r1 and r2 have overlapping prefixes and conflicting actions.",
                "Rule",
                "r2",
                () -> codec.accept(body));
    }

    @Test
    void accept_overlappingPrefixesWithConsistentActionsIsAccepted() {
        byte[] body = doc(
                rule("r1", "test", transition("<Days>30</Days>", "IA")),
                rule("r2", "test/log", transition("<Days>60</Days>", "Archive")),
                rule("r3", "test/log/cache", expireDays(90)));
        assertEquals(3, codec.parse(body).rules().size());
    }

    @Test
    void accept_badStatusIsMalformed() {
        assertMalformed(() -> codec.accept(utf8("<LifecycleConfiguration><Rule><ID>a</ID><Prefix/><Status>On</Status>"
                + expireDays(1) + "</Rule></LifecycleConfiguration>")));
    }

    @Test
    void accept_unsupportedNodeIsMalformed() {
        assertMalformed(() -> codec.accept(doc(rule(
                "a",
                "log/",
                "<Transition><Days>30</Days><StorageClass>IA</StorageClass>"
                        + "<IsAccessTime>true</IsAccessTime><AtimeBase>100</AtimeBase></Transition>"))));
    }

    @Test
    void accept_nonRuleChildOfRootIsMalformed() {
        assertMalformed(() -> codec.accept(utf8("<LifecycleConfiguration>" + rule("a", "x/", expireDays(1))
                + "<UnknownNode>abc</UnknownNode></LifecycleConfiguration>")));
    }

    @Test
    void accept_abortWithDaysAndDateIsInvalidArgument() {
        byte[] body = doc(rule(
                "a",
                "x/",
                "<AbortMultipartUpload><Days>1</Days>"
                        + "<CreatedBeforeDate>2026-01-01T00:00:00.000Z</CreatedBeforeDate></AbortMultipartUpload>"));
        assertInvalid(
                "AbortMultipartUpload must contain exactly one of Days and CreatedBeforeDate.",
                "AbortMultipartUpload",
                "",
                () -> codec.accept(body));
    }

    @Test
    void whenUnset_isNoSuchLifecycle() {
        assertOssError(
                OssError.NO_SUCH_LIFECYCLE,
                "No Row found in Lifecycle Table.",
                Map.of("BucketName", "media"),
                () -> codec.whenUnset("media"));
    }
}
