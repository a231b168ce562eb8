package dev.ossops.emulator.config;

import com.aliyun.oss.common.parser.RequestMarshallers;
import com.aliyun.oss.internal.ResponseParsers;
import com.aliyun.oss.model.AddBucketReplicationRequest;
import com.aliyun.oss.model.BucketReplicationProgress;
import com.aliyun.oss.model.DeleteBucketReplicationRequest;
import com.aliyun.oss.model.ReplicationStatus;
import dev.ossops.GoldenFiles;
import dev.ossops.emulator.error.OssError;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static dev.ossops.emulator.config.OssAssert.assertInvalid;
import static dev.ossops.emulator.config.OssAssert.assertMalformed;
import static dev.ossops.emulator.config.OssAssert.assertOssError;
import static dev.ossops.emulator.config.SdkWire.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ReplicationCodecTest {
    private final ReplicationCodec codec = new ReplicationCodec(() -> "generated-rule");

    private static AddBucketReplicationRequest richRequest() {
        AddBucketReplicationRequest request = new AddBucketReplicationRequest("media");
        request.setReplicationRuleID("replicate-to-shanghai");
        request.setTargetBucketName("myapp-dr-media");
        request.setTargetBucketLocation("oss-cn-shanghai");
        request.setEnableHistoricalObjectReplication(false);
        request.setObjectPrefixList(List.of("images/", "documents/"));
        request.setReplicationActionList(List.of(
                AddBucketReplicationRequest.ReplicationAction.PUT,
                AddBucketReplicationRequest.ReplicationAction.DELETE));
        request.setSyncRole("oss-replication-role");
        request.setSseKmsEncryptedObjectsStatus("Enabled");
        request.setReplicaKmsKeyID("c4d49f85-ee30-426b-a5ed-95e9139d****");
        request.setSourceBucketLocation("oss-cn-beijing");
        return request;
    }

    private static byte[] sdkBody(AddBucketReplicationRequest request) {
        return SdkWire.body(RequestMarshallers.addBucketReplicationRequestMarshaller.marshall(request));
    }

    private static String rule(String inner) {
        return "<ReplicationConfiguration><Rule>" + inner + "</Rule></ReplicationConfiguration>";
    }

    private static final String DEST =
            "<Destination><Bucket>dst</Bucket><Location>oss-cn-shanghai</Location></Destination>";

    @Test
    void parseAdd_sdkRequestRoundTripsThroughSdkParser() throws Exception {
        AddBucketReplicationRequest sent = richRequest();
        ReplicationConfiguration config = ReplicationConfiguration.EMPTY.add(codec.parseAdd("media", sdkBody(sent)));

        List<com.aliyun.oss.model.ReplicationRule> parsed =
                ResponseParsers.parseGetBucketReplication(SdkWire.stream(codec.render("media", config)));

        assertEquals(1, parsed.size());
        com.aliyun.oss.model.ReplicationRule got = parsed.get(0);
        assertEquals(sent.getReplicationRuleID(), got.getReplicationRuleID());
        assertEquals(sent.getTargetBucketName(), got.getTargetBucketName());
        assertEquals(sent.getTargetBucketLocation(), got.getTargetBucketLocation());
        assertEquals(ReplicationStatus.Starting, got.getReplicationStatus());
        assertEquals(sent.isEnableHistoricalObjectReplication(), got.isEnableHistoricalObjectReplication());
        assertEquals(sent.getObjectPrefixList(), got.getObjectPrefixList());
        assertEquals(sent.getReplicationActionList(), got.getReplicationActionList());
        assertEquals(sent.getSyncRole(), got.getSyncRole());
        assertEquals(sent.getSseKmsEncryptedObjectsStatus(), got.getSseKmsEncryptedObjectsStatus());
        assertEquals(sent.getReplicaKmsKeyID(), got.getReplicaKmsKeyID());
        assertEquals(sent.getSourceBucketLocation(), got.getSourceBucketLocation());
    }

    @Test
    void render_reportsStatusChangesToSdk() throws Exception {
        ReplicationConfiguration config = ReplicationConfiguration.EMPTY
                .add(codec.parseAdd("media", sdkBody(richRequest())))
                .withStatus("replicate-to-shanghai", ReplicationRule.Status.DOING);
        assertEquals(
                ReplicationStatus.Doing,
                ResponseParsers.parseGetBucketReplication(SdkWire.stream(codec.render("media", config)))
                        .get(0)
                        .getReplicationStatus());
    }

    @Test
    void render_matchesGoldenDocument() {
        ReplicationConfiguration config = ReplicationConfiguration.EMPTY
                .add(codec.parseAdd("media", sdkBody(richRequest())))
                .add(
                        codec.parseAdd(
                                "media",
                                utf8(
                                        rule(
                                                "<PrefixSet/><Action>ALL</Action>"
                                                        + "<Destination><Bucket>backup</Bucket><Location>oss-cn-hongkong</Location>"
                                                        + "<TransferType>oss_acc</TransferType></Destination><RTC><Status>enabled</Status></RTC>"))));
        GoldenFiles.assertGolden("emulator-config/replication.xml", SdkWire.text(codec.render("media", config)));
    }

    @Test
    void parseAdd_defaultsToAllActionsHistoricalReplicationAndGeneratedId() {
        ReplicationRule r = codec.parseAdd("media", utf8(rule(DEST)));
        assertEquals("generated-rule", r.id());
        assertEquals(List.of("ALL"), r.actions());
        assertEquals(true, r.historicalObjectReplication());
        assertEquals(true, r.covers("any/key"));
    }

    @Test
    void parseDelete_readsSdkRuleId() {
        byte[] body = SdkWire.body(RequestMarshallers.deleteBucketReplicationRequestMarshaller.marshall(
                new DeleteBucketReplicationRequest("media", "replicate-to-shanghai")));
        assertEquals("replicate-to-shanghai", codec.parseDelete(body));
    }

    @Test
    void renderProgress_roundTripsThroughSdkParser() throws Exception {
        AddBucketReplicationRequest request = richRequest();
        request.setEnableHistoricalObjectReplication(true);
        ReplicationConfiguration config = ReplicationConfiguration.EMPTY.add(codec.parseAdd("media", sdkBody(request)));
        Instant until = Instant.parse("2026-03-01T08:30:00.123Z");

        BucketConfigCodec.StoredConfig stored = codec.renderProgress(config, "replicate-to-shanghai", 0.85, until);
        BucketReplicationProgress got = ResponseParsers.parseGetBucketReplicationProgress(SdkWire.stream(stored));

        assertEquals("replicate-to-shanghai", got.getReplicationRuleID());
        assertEquals("myapp-dr-media", got.getTargetBucketName());
        assertEquals("oss-cn-shanghai", got.getTargetBucketLocation());
        assertEquals(ReplicationStatus.Starting, got.getReplicationStatus());
        assertEquals(true, got.isEnableHistoricalObjectReplication());
        assertEquals(0.85f, got.getHistoricalObjectProgress());
        assertEquals(Date.from(until), got.getNewObjectProgress());
        GoldenFiles.assertGolden("emulator-config/replication-progress.xml", SdkWire.text(stored));
    }

    @Test
    void renderProgress_unknownRuleIsNoSuchReplicationRule() {
        assertOssError(
                OssError.NO_SUCH_REPLICATION_RULE,
                "The specified replication rule does not exist.",
                Map.of(),
                () -> codec.renderProgress(ReplicationConfiguration.EMPTY, "nope", 0, Instant.EPOCH));
    }

    @Test
    void renderLocations_roundTripsThroughSdkParser() throws Exception {
        List<String> locations = List.of("oss-cn-shanghai", "oss-cn-hongkong", "oss-us-west-1");
        BucketConfigCodec.StoredConfig stored = codec.renderLocations(
                locations, Map.of("oss-cn-hongkong", List.of("oss_acc"), "oss-us-west-1", List.of("oss_acc")));
        assertEquals(locations, ResponseParsers.parseGetBucketReplicationLocation(SdkWire.stream(stored)));
        GoldenFiles.assertGolden("emulator-config/replication-location.xml", SdkWire.text(stored));
    }

    @Test
    void render_withoutRulesIsNoSuchReplicationConfiguration() {
        assertOssError(
                OssError.NO_SUCH_REPLICATION_CONFIGURATION,
                "The replication configuration was not found.",
                Map.of("BucketName", "media"),
                () -> codec.render("media", ReplicationConfiguration.EMPTY));
    }

    @Test
    void parseAdd_overlappingPrefixesIsInvalidArgument() {
        byte[] body = utf8(rule("<PrefixSet><Prefix>source</Prefix><Prefix>source/video</Prefix></PrefixSet>" + DEST));
        assertInvalid(
                "The prefixes of a replication rule cannot overlap.",
                "Prefix",
                "source/video",
                () -> codec.parseAdd("media", body));
    }

    @Test
    void parseAdd_elevenPrefixesIsInvalidArgument() {
        StringBuilder prefixes = new StringBuilder("<PrefixSet>");
        for (int i = 0; i < 11; i++) {
            prefixes.append("<Prefix>p").append((char) ('a' + i)).append("/</Prefix>");
        }
        byte[] body = utf8(rule(prefixes + "</PrefixSet>" + DEST));
        assertInvalid(
                "A replication rule can have at most 10 prefixes.",
                "Prefix",
                "11",
                () -> codec.parseAdd("media", body));
    }

    @Test
    void parseAdd_unknownActionIsInvalidArgument() {
        byte[] body = utf8(rule("<Action>PUT,COPY</Action>" + DEST));
        assertInvalid(
                "Action must be ALL or a list of PUT, DELETE and ABORT.",
                "Action",
                "PUT,COPY",
                () -> codec.parseAdd("media", body));
    }

    @Test
    void parseAdd_allCombinedWithOthersIsInvalidArgument() {
        byte[] body = utf8(rule("<Action>ALL,PUT</Action>" + DEST));
        assertInvalid(
                "Action ALL cannot be combined with other actions.",
                "Action",
                "ALL,PUT",
                () -> codec.parseAdd("media", body));
    }

    @Test
    void parseAdd_badHistoricalValueIsInvalidArgument() {
        byte[] body = utf8(rule(DEST + "<HistoricalObjectReplication>open</HistoricalObjectReplication>"));
        assertInvalid(
                "HistoricalObjectReplication must be enabled or disabled.",
                "HistoricalObjectReplication",
                "open",
                () -> codec.parseAdd("media", body));
    }

    @Test
    void parseAdd_destinationIsSourceIsInvalidArgument() {
        byte[] body = utf8(rule(DEST));
        assertInvalid(
                "The destination bucket must differ from the source bucket.",
                "Bucket",
                "dst",
                () -> codec.parseAdd("dst", body));
    }

    @Test
    void parseAdd_badTransferTypeIsInvalidArgument() {
        byte[] body = utf8(rule("<Destination><Bucket>dst</Bucket><Location>oss-cn-shanghai</Location>"
                + "<TransferType>fast</TransferType></Destination>"));
        assertInvalid(
                "TransferType must be internal or oss_acc.",
                "TransferType",
                "fast",
                () -> codec.parseAdd("media", body));
    }

    @Test
    void parseAdd_kmsObjectsWithoutReplicaKeyIsInvalidArgument() {
        byte[] body = utf8(rule(DEST + "<SourceSelectionCriteria><SseKmsEncryptedObjects><Status>Enabled</Status>"
                + "</SseKmsEncryptedObjects></SourceSelectionCriteria>"));
        assertInvalid(
                "ReplicaKmsKeyID is required when SseKmsEncryptedObjects is Enabled.",
                "ReplicaKmsKeyID",
                "",
                () -> codec.parseAdd("media", body));
    }

    @Test
    void parseAdd_twoRulesInOneRequestIsMalformed() {
        assertMalformed(() -> codec.parseAdd(
                "media",
                utf8("<ReplicationConfiguration><Rule>" + DEST + "</Rule><Rule>" + DEST
                        + "</Rule></ReplicationConfiguration>")));
    }

    @Test
    void parseAdd_missingDestinationIsMalformed() {
        assertMalformed(() -> codec.parseAdd("media", utf8(rule("<Action>ALL</Action>"))));
    }

    @Test
    void parseAdd_missingRootIsMalformed() {
        assertMalformed(() -> codec.parseAdd("media", utf8("<Rule>" + DEST + "</Rule>")));
    }

    @Test
    void add_secondRuleForSameDestinationIsInvalidArgument() {
        ReplicationConfiguration config =
                ReplicationConfiguration.EMPTY.add(codec.parseAdd("media", utf8(rule("<ID>a</ID>" + DEST))));
        ReplicationRule again = codec.parseAdd("media", utf8(rule("<ID>b</ID>" + DEST)));
        assertInvalid(
                "A replication rule for this destination bucket already exists.",
                "Bucket",
                "dst",
                () -> config.add(again));
    }

    @Test
    void add_duplicateIdIsInvalidArgument() {
        ReplicationConfiguration config =
                ReplicationConfiguration.EMPTY.add(codec.parseAdd("media", utf8(rule("<ID>a</ID>" + DEST))));
        ReplicationRule same = codec.parseAdd(
                "media",
                utf8(rule("<ID>a</ID>"
                        + "<Destination><Bucket>other</Bucket><Location>oss-cn-hangzhou</Location></Destination>")));
        assertInvalid("The replication rule ID already exists.", "ID", "a", () -> config.add(same));
    }

    @Test
    void add_ruleBeyondHundredIsInvalidArgument() {
        List<ReplicationRule> rules = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rules.add(codec.parseAdd(
                    "media",
                    utf8(rule("<ID>r" + i + "</ID><Destination><Bucket>dst-" + i
                            + "</Bucket><Location>oss-cn-shanghai</Location></Destination>"))));
        }
        ReplicationConfiguration full = new ReplicationConfiguration(rules);
        ReplicationRule extra = codec.parseAdd("media", utf8(rule("<ID>extra</ID>" + DEST)));
        assertInvalid("A bucket can have at most 100 replication rules.", "Rule", "101", () -> full.add(extra));
    }

    @Test
    void delete_marksRuleClosingAndRemoveDropsIt() {
        ReplicationConfiguration config =
                ReplicationConfiguration.EMPTY.add(codec.parseAdd("media", utf8(rule("<ID>a</ID>" + DEST))));
        ReplicationConfiguration closing = config.delete("a");
        assertEquals(
                ReplicationRule.Status.CLOSING, closing.rule("a").orElseThrow().status());
        assertEquals(List.of(), closing.remove("a").rules());
    }

    @Test
    void delete_unknownRuleIsNoSuchReplicationRule() {
        assertOssError(
                OssError.NO_SUCH_REPLICATION_RULE,
                "The specified replication rule does not exist.",
                Map.of(),
                () -> ReplicationConfiguration.EMPTY.delete("nope"));
    }

    @Test
    void covers_matchesConfiguredPrefixesOnly() {
        ReplicationRule r = codec.parseAdd("media", sdkBody(richRequest()));
        assertEquals(true, r.covers("images/a.png"));
        assertEquals(false, r.covers("videos/a.mp4"));
    }
}
