package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;

import java.util.List;

/** Deletes one replication rule by ID; a rule already gone counts as deleted. */
final class DeleteReplicationRuleStep extends BucketStep {
    private final String ruleId;

    DeleteReplicationRuleStep(
            Address address, List<Address> dependsOn, OssGateway gateway, OssBucket bucket, String ruleId) {
        super(address, dependsOn, gateway, bucket);
        this.ruleId = ruleId;
    }

    @Override
    String operation() {
        return "DeleteBucketReplication";
    }

    @Override
    public String describe() {
        return "DeleteBucketReplication " + ruleId + " on " + bucket.name();
    }

    @Override
    public void run() {
        gateway.deleteReplicationRule(bucket, ruleId);
    }
}
