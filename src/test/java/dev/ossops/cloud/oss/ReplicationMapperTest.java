package dev.ossops.cloud.oss;

import com.aliyun.oss.model.AddBucketReplicationRequest;
import com.aliyun.oss.model.ReplicationRule;
import dev.ossops.spec.model.Bucket;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReplicationMapperTest {

    private static Bucket.ReplicationRule rule(String transferType) {
        return new Bucket.ReplicationRule(
                "to-dr",
                "dr",
                "cn-shanghai",
                transferType,
                List.of("images/"),
                List.of("PUT", "DELETE"),
                false,
                Optional.of("oss-replication-role"));
    }

    @Test
    void toSdk_rule_setsEveryField() {
        AddBucketReplicationRequest r = ReplicationMapper.toSdk("src", rule("internal"));

        assertEquals("to-dr", r.getReplicationRuleID());
        assertEquals("dr", r.getTargetBucketName());
        assertEquals("oss-cn-shanghai", r.getTargetBucketLocation());
        assertEquals(List.of("images/"), r.getObjectPrefixList());
        assertEquals(
                List.of(
                        AddBucketReplicationRequest.ReplicationAction.PUT,
                        AddBucketReplicationRequest.ReplicationAction.DELETE),
                r.getReplicationActionList());
        assertEquals(false, r.isEnableHistoricalObjectReplication());
        assertEquals("oss-replication-role", r.getSyncRole());
    }

    @Test
    void toSdk_transferTypeTheSdkCannotSend_refused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ReplicationMapper.toSdk("src", rule("oss_acc")));

        assertEquals(
                "replication rule to-dr asks for transferType oss_acc, but the OSS Java SDK can only add rules with transferType internal",
                e.getMessage());
    }

    @Test
    void fromSdk_liveRule_mapsLocationAndActions() {
        ReplicationRule live = new ReplicationRule();
        live.setReplicationRuleID("to-dr");
        live.setTargetBucketName("dr");
        live.setTargetBucketLocation("oss-cn-shanghai");
        live.setObjectPrefixList(List.of("images/"));
        live.setReplicationActionList(List.of(
                AddBucketReplicationRequest.ReplicationAction.PUT,
                AddBucketReplicationRequest.ReplicationAction.DELETE));
        live.setEnableHistoricalObjectReplication(false);
        live.setSyncRole("oss-replication-role");

        assertEquals(rule("internal"), ReplicationMapper.fromSdk(live));
    }
}
