package dev.ossops.emulator.rpc;

import java.util.Optional;
import java.util.Set;

/**
 * Decides whether an authenticated caller may run an action, named as RAM names it
 * ({@code cdn:DescribeUserDomains}). The shared policy evaluator ({@code dev.ossops.policy}) is
 * meant to replace {@link #rootOnlyFor} behind this interface.
 */
@FunctionalInterface
public interface RpcAuthorizer {

    /** Empty when allowed, else the error to answer. */
    Optional<RpcException> check(Credential caller, String ramAction);

    /**
     * The account root may call everything; other principals may call every product except
     * those listed, which need a policy evaluator this emulator does not have yet.
     */
    static RpcAuthorizer rootOnlyFor(Set<String> products) {
        Set<String> guarded = Set.copyOf(products);
        return (caller, ramAction) -> {
            String product = ramAction.substring(0, ramAction.indexOf(':'));
            if (caller.principal() instanceof Principal.Root || !guarded.contains(product)) {
                return Optional.empty();
            }
            return Optional.of(RpcErrors.noPermission(
                    "You are not authorized to operate on the specified resource, or this API does not support RAM."));
        };
    }
}
