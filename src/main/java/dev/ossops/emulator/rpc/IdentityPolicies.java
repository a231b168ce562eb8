package dev.ossops.emulator.rpc;

import dev.ossops.policy.AttachedPolicy;
import dev.ossops.policy.PolicyParser;
import dev.ossops.policy.PolicySet;
import dev.ossops.policy.PolicyType;

/** The policies a credential acts under: its RAM policies as attached now, and an STS session's own policy. */
public final class IdentityPolicies {
    private IdentityPolicies() {}

    public static PolicySet of(Credential credential) {
        PolicySet set = PolicySet.empty();
        for (GrantedPolicy granted : credential.policies()) {
            set = set.withIdentity(new AttachedPolicy(
                    granted.policyName(), PolicyParser.parse(granted.document(), PolicyType.IDENTITY)));
        }
        if (credential.principal() instanceof Principal.AssumedRole role
                && role.sessionPolicy().isPresent()) {
            set = set.withSession(new AttachedPolicy(
                    "session policy of " + role.sessionName(),
                    PolicyParser.parse(role.sessionPolicy().get(), PolicyType.SESSION)));
        }
        return set;
    }
}
