package dev.ossops.emulator.sts;

import dev.ossops.emulator.rpc.PolicyCallers;
import dev.ossops.emulator.rpc.Principal;
import dev.ossops.policy.AttachedPolicy;
import dev.ossops.policy.PolicyEvaluator;
import dev.ossops.policy.PolicyParseException;
import dev.ossops.policy.PolicyParser;
import dev.ossops.policy.PolicyType;
import dev.ossops.policy.RequestContext;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

/**
 * Whether a role's trust policy (AssumeRolePolicyDocument) lets a caller assume it, decided by
 * the shared evaluator ({@link PolicyEvaluator#evaluateTrust}) for {@code sts:AssumeRole} on the
 * role's ARN, with conditions. The caller's own permission to call sts:AssumeRole is the RPC
 * front's authorization, checked before.
 */
public final class TrustPolicy {
    private final Clock clock;

    public TrustPolicy(Clock clock) {
        this.clock = clock;
    }

    public boolean trusts(String trustPolicyDocument, Principal caller, String roleArn) {
        AttachedPolicy trust;
        try {
            trust = new AttachedPolicy("trust policy", PolicyParser.parse(trustPolicyDocument, PolicyType.TRUST));
        } catch (PolicyParseException e) {
            // RAM validates trust documents when the role is created; one that does not parse trusts no one.
            return false;
        }
        RequestContext request = RequestContext.of("sts:AssumeRole", roleArn, PolicyCallers.of(caller))
                .with("acs:CurrentTime", DateTimeFormatter.ISO_INSTANT.format(clock.instant()))
                .with("acs:SecureTransport", "false");
        return PolicyEvaluator.evaluateTrust(trust, request).allowed();
    }
}
