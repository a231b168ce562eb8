package dev.ossops.emulator.rpc;

import dev.ossops.policy.PolicyEvaluator;
import dev.ossops.policy.RequestContext;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Decides whether an authenticated caller may run an action, named as RAM names it
 * ({@code cdn:DescribeUserDomains}, {@code ram:CreateUser}, {@code sts:AssumeRole}).
 */
@FunctionalInterface
public interface RpcAuthorizer {
    /** The one action every authenticated caller may run. */
    String GET_CALLER_IDENTITY = "sts:GetCallerIdentity";

    /** Empty when allowed, else the error to answer. */
    Optional<RpcException> check(Credential caller, String ramAction, Params params);

    /**
     * The shared policy evaluator over the caller's RAM policies (and an STS session's policy):
     * the account root may call everything; RAM users and role sessions need an Allow and no
     * Deny, on the resource {@link RpcResources} names. GetCallerIdentity needs no permission
     * (STS API reference).
     */
    static RpcAuthorizer byPolicies(Clock clock) {
        return (caller, ramAction, params) -> {
            if (caller.principal() instanceof Principal.Root || GET_CALLER_IDENTITY.equals(ramAction)) {
                return Optional.empty();
            }
            String resource = RpcResources.of(ramAction, caller.principal().accountId(), params);
            RequestContext request = RequestContext.of(ramAction, resource, PolicyCallers.of(caller.principal()))
                    .with("acs:CurrentTime", DateTimeFormatter.ISO_INSTANT.format(clock.instant()))
                    .with("acs:SecureTransport", "false")
                    .with("acs:AccessId", caller.accessKeyId());
            // AssumeRole's resource side is the role's trust policy, checked by STS, in whichever account the role
            // lives.
            boolean allowed = "sts:AssumeRole".equals(ramAction)
                    ? PolicyEvaluator.evaluateIdentity(IdentityPolicies.of(caller), request)
                            .allowed()
                    : PolicyEvaluator.evaluate(IdentityPolicies.of(caller), request)
                            .allowed();
            if (allowed) {
                return Optional.empty();
            }
            return Optional.of(RpcErrors.noPermission(
                    "You are not authorized to operate on the specified resource, or this API does not support RAM."));
        };
    }
}
