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
     * Deny. The resource is the role's ARN for {@code sts:AssumeRole} and the whole product
     * ({@code acs:<product>:*:<uid>:*}) otherwise: policies that name finer RAM or CDN resources
     * are not matched against individual users, policies or domains. GetCallerIdentity needs no
     * permission (STS API reference).
     */
    static RpcAuthorizer byPolicies(Clock clock) {
        return (caller, ramAction, params) -> {
            if (caller.principal() instanceof Principal.Root || GET_CALLER_IDENTITY.equals(ramAction)) {
                return Optional.empty();
            }
            String product = ramAction.substring(0, ramAction.indexOf(':'));
            String resource = "sts:AssumeRole".equals(ramAction) && params.optional("RoleArn").isPresent()
                    ? params.optional("RoleArn").get()
                    : "acs:" + product + ":*:" + caller.principal().accountId() + ":*";
            RequestContext request = RequestContext.of(ramAction, resource, PolicyCallers.of(caller.principal()))
                    .with("acs:CurrentTime", DateTimeFormatter.ISO_INSTANT.format(clock.instant()))
                    .with("acs:SecureTransport", "false")
                    .with("acs:AccessId", caller.accessKeyId());
            if (PolicyEvaluator.evaluate(IdentityPolicies.of(caller), request).allowed()) {
                return Optional.empty();
            }
            return Optional.of(RpcErrors.noPermission(
                    "You are not authorized to operate on the specified resource, or this API does not support RAM."));
        };
    }
}
