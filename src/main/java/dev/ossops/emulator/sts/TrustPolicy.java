package dev.ossops.emulator.sts;

import dev.ossops.emulator.rpc.Principal;

/**
 * Decides whether a role's trust policy lets a caller assume it. The shared policy evaluator
 * ({@code dev.ossops.policy}) is meant to replace {@link SimpleTrustPolicy} behind this interface.
 */
@FunctionalInterface
public interface TrustPolicy {

    boolean trusts(String trustPolicyDocument, Principal caller);
}
