package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;
import dev.ossops.spec.model.Bucket;

import java.util.List;

/** Adds one replication rule. Skipped when a rule with that ID exists already (a re-run after a partial apply). */
final class AddReplicationRuleStep extends BucketStep {
    private final Bucket.ReplicationRule rule;

    AddReplicationRuleStep(
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
        return "PutBucketReplication";
    }

    @Override
    public String describe() {
        return "PutBucketReplication " + rule.name() + " on " + bucket.name();
    }

    @Override
    public void run() {
        boolean exists = gateway.replication(bucket)
                .map(rules -> rules.containsKey(rule.name()))
                .orElse(false);
        if (!exists) {
            gateway.addReplicationRule(bucket, rule);
        }
    }
}
