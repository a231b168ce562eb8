package dev.ossops.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policies that bear on one request: the caller's identity policies (those of the RAM user,
 * or of the role for a role session), the session policy passed to AssumeRole, and the bucket
 * policy of the bucket addressed.
 */
public record PolicySet(
        List<AttachedPolicy> identity, Optional<AttachedPolicy> session, Optional<AttachedPolicy> bucket) {
    public PolicySet {
        identity = List.copyOf(identity);
        identity.forEach(p -> require(p, PolicyType.IDENTITY));
        session.ifPresent(p -> require(p, PolicyType.SESSION));
        bucket.ifPresent(p -> require(p, PolicyType.BUCKET));
    }

    public static PolicySet empty() {
        return new PolicySet(List.of(), Optional.empty(), Optional.empty());
    }

    public PolicySet withIdentity(AttachedPolicy policy) {
        List<AttachedPolicy> more = new ArrayList<>(identity);
        more.add(policy);
        return new PolicySet(more, session, bucket);
    }

    public PolicySet withSession(AttachedPolicy policy) {
        return new PolicySet(identity, Optional.of(policy), bucket);
    }

    public PolicySet withBucket(AttachedPolicy policy) {
        return new PolicySet(identity, session, Optional.of(policy));
    }

    private static void require(AttachedPolicy policy, PolicyType type) {
        if (policy.type() != type) {
            throw new IllegalArgumentException(
                    "policy " + policy.name() + " is " + article(policy.type()) + ", not " + article(type));
        }
    }

    private static String article(PolicyType type) {
        return (type == PolicyType.IDENTITY ? "an " : "a ") + type.label();
    }
}
