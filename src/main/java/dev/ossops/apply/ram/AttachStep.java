package dev.ossops.apply.ram;

import dev.ossops.apply.Step;
import dev.ossops.cloud.Retry;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.plan.Address;

import java.util.List;

/**
 * Attaches a policy to a role or user, unless it is attached already. A role, user or policy created moments before
 * may not be visible to RAM yet, so {@code EntityNotExist.*} answers are retried through {@code visibility}.
 */
record AttachStep(
        Address address,
        List<Address> dependsOn,
        RamGateway gateway,
        RamGateway.Principal principal,
        String name,
        String policyName,
        String policyType,
        Retry visibility)
        implements Step {

    @Override
    public String describe() {
        return (principal == RamGateway.Principal.ROLE ? "AttachPolicyToRole " : "AttachPolicyToUser ") + name + " "
                + policyName;
    }

    @Override
    public void run() {
        boolean attached = gateway.attachedPolicies(principal, name).orElse(List.of()).stream()
                .anyMatch(
                        a -> a.policyName().equals(policyName) && a.policyType().equals(policyType));
        if (!attached) {
            visibility.call(describe(), () -> {
                gateway.attach(principal, name, policyName, policyType);
                return policyName;
            });
        }
    }
}
