package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;
import dev.ossops.spec.model.Bucket;

import java.util.List;

/**
 * OSS cannot modify a replication rule: deletes the live rule and adds the profile's. Re-running after a failure
 * between the two calls finds the rule gone and only adds it.
 */
final class ReplaceReplicationRuleStep extends BucketStep {
    private final Bucket.ReplicationRule rule;

    ReplaceReplicationRuleStep(
            Address address,
            List<Address> dependsOn,
            OssGateway gateway,
            OssBucket bucket,
            Bucket.ReplicationRule rule) {
        super(address, dependsOn, gateway, bucket);
        this.rule = rule;
    }

    @Override
    String operation() {
        return "DeleteBucketReplication+PutBucketReplication";
    }

    @Override
    public String describe() {
        return "DeleteBucketReplication+PutBucketReplication " + rule.name() + " on " + bucket.name();
    }

    @Override
    public void run() {
        gateway.deleteReplicationRule(bucket, rule.name());
        gateway.addReplicationRule(bucket, rule);
    }
}
