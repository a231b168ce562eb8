package dev.ossops.cloud.oss;

import com.aliyun.oss.model.AddBucketReplicationRequest;
import com.aliyun.oss.model.ReplicationRule;
import dev.ossops.spec.model.Bucket;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replication rules between the SDK and the spec model. The OSS Java SDK 3.18.5 has no TransferType field: rules
 * are added with the service default ({@code internal}) and read back as {@code internal}, so a profile asking for
 * another transfer type is refused before anything is sent.
 */
final class ReplicationMapper {
    static final String SDK_TRANSFER_TYPE = "internal";

    private ReplicationMapper() {}

    static AddBucketReplicationRequest toSdk(String bucket, Bucket.ReplicationRule rule) {
        if (!SDK_TRANSFER_TYPE.equals(rule.transferType())) {
            throw new IllegalArgumentException("replication rule " + rule.name() + " asks for transferType "
                    + rule.transferType() + ", but the OSS Java SDK can only add rules with transferType internal");
        }
        AddBucketReplicationRequest request = new AddBucketReplicationRequest(bucket);
        request.setReplicationRuleID(rule.name());
        request.setTargetBucketName(rule.destinationBucket());
        request.setTargetBucketLocation("oss-" + rule.destinationRegion());
        request.setObjectPrefixList(new ArrayList<>(rule.prefixes()));
        List<AddBucketReplicationRequest.ReplicationAction> actions = new ArrayList<>();
        rule.actions().forEach(a -> actions.add(AddBucketReplicationRequest.ReplicationAction.parse(a)));
        request.setReplicationActionList(actions);
        request.setEnableHistoricalObjectReplication(rule.historicalObjectReplication());
        rule.syncRole().ifPresent(request::setSyncRole);
        return request;
    }

    static Bucket.ReplicationRule fromSdk(ReplicationRule rule) {
        if (rule.getTargetCloud() != null && !rule.getTargetCloud().isEmpty()) {
            throw new UnrepresentableException("replication rule " + rule.getReplicationRuleID()
                    + " replicates to another cloud, which a profile cannot express");
        }
        if (rule.getReplicaKmsKeyID() != null && !rule.getReplicaKmsKeyID().isEmpty()) {
            throw new UnrepresentableException("replication rule " + rule.getReplicationRuleID()
                    + " re-encrypts replicas with KMS, which a profile cannot express");
        }
        List<String> actions = new ArrayList<>();
        if (rule.getReplicationActionList() != null) {
            rule.getReplicationActionList().forEach(a -> actions.add(a.toString()));
        }
        return new Bucket.ReplicationRule(
                rule.getReplicationRuleID(),
                rule.getTargetBucketName(),
                Regions.strip(rule.getTargetBucketLocation()),
                SDK_TRANSFER_TYPE,
                rule.getObjectPrefixList() == null ? List.of() : rule.getObjectPrefixList(),
                actions.isEmpty() ? List.of("ALL") : actions,
                rule.isEnableHistoricalObjectReplication(),
                Optional.ofNullable(rule.getSyncRole()).filter(s -> !s.isEmpty()));
    }
}
