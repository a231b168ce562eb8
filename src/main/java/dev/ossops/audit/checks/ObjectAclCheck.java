package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.BucketState;
import dev.ossops.audit.CheckRule;
import dev.ossops.audit.Evidence;
import dev.ossops.audit.ObjectAclSample;
import dev.ossops.audit.Severity;
import dev.ossops.spec.tree.PropertyPath;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Objects whose own ACL makes them public inside a bucket whose ACL is private. Only a bounded sample of objects is
 * read ({@code --objects N}), so a clean result does not prove that no object is public.
 */
final class ObjectAclCheck extends BucketCheck {
    static final CheckRule RULE = new CheckRule(
            "OSS-OBJECT-ACL-PUBLIC",
            Severity.HIGH,
            "Public object in a private bucket",
            "An object ACL of public-read or public-read-write overrides the bucket's private ACL for that object, "
                    + "so anyone can read (or overwrite) it. Set the object ACL back to default so it inherits the "
                    + "bucket's ACL. ossops samples a bounded number of objects per bucket.",
            Optional.of("5.2"),
            Optional.empty());

    ObjectAclCheck() {
        super(RULE);
    }

    @Override
    void evaluate(BucketState bucket, AuditSnapshot snapshot, Results results) {
        // Only private buckets: in a public bucket every object is already public and the ACL checks report it.
        if (!bucket.acl().value().map(acl -> acl.equals("private")).orElse(false)) {
            return;
        }
        if (results.unreadable(bucket.arn(), "the sampled object ACLs", bucket.objectAcls())) {
            return;
        }
        ObjectAclSample sample = bucket.objectAcls().value().orElseThrow();
        Map<String, String> publicObjects = sample.acls().entrySet().stream()
                .filter(e -> Exposure.publicAcl(e.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        if (publicObjects.isEmpty()) {
            return;
        }
        Exposure.Block block = Exposure.block(bucket, snapshot);
        if (block.blocked()) {
            return;
        }
        String sampled = "sampled " + sample.size() + " object" + (sample.size() == 1 ? "" : "s")
                + (sample.truncated() ? " of more" : "");
        if (block.unknown()) {
            results.unknown(
                    bucket.arn(),
                    publicObjects.size() + " sampled object ACLs are public, but "
                            + block.unknownReason().orElseThrow());
            return;
        }
        publicObjects.forEach((key, acl) -> results.finding(
                bucket.arn() + "/" + key,
                null,
                "object " + key + " in private bucket " + bucket.name() + " has ACL " + acl + " (" + sampled + ")",
                new Evidence(PropertyPath.key("objects", key) + ".acl", acl, "default"),
                "set the object's ACL to default (PutObjectACL) so it inherits the bucket's private ACL; object "
                        + "ACLs are not part of the profile"));
    }
}
