package dev.ossops.apply.bucket;

import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.plan.Address;
import dev.ossops.spec.model.Bucket;

import java.util.List;

/**
 * Adds one replication rule, or replaces it: OSS cannot modify a replication rule, so a replacement deletes the live
 * rule and adds the profile's. Both converge on a re-run: an add is skipped when a rule with that ID exists already
 * (a partial apply), and a replacement that failed between its two calls deletes nothing and adds the rule.
 */
final class PutReplicationRuleStep extends BucketStep {
    private final Bucket.ReplicationRule rule;
    private final boolean replace;

    PutReplicationRuleStep(
            Address address,
            List<Address> dependsOn,
            OssGateway gateway,
            OssBucket bucket,
            Bucket.ReplicationRule rule,
            boolean replace) {
        super(address, dependsOn, gateway, bucket);
        this.rule = rule;
        this.replace = replace;
    }

    @Override
    String operation() {
        return replace ? "DeleteBucketReplication+PutBucketReplication" : "PutBucketReplication";
    }

    @Override
    public String describe() {
        return operation() + " " + rule.name() + " on " + bucket.name();
    }

    @Override
    public void run() {
        if (replace) {
            gateway.deleteReplicationRule(bucket, rule.name());
        } else if (gateway.replication(bucket)
                .map(rules -> rules.containsKey(rule.name()))
                .orElse(false)) {
            return;
        }
        gateway.addReplicationRule(bucket, rule);
    }
}
