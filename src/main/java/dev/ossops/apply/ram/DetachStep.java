package dev.ossops.apply.ram;

import dev.ossops.apply.Step;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.cloud.ram.RamModel;
import dev.ossops.plan.Address;

import java.util.List;

/**
 * Detaches a policy the profile does not list from a role or user. The policy type is read live at run time (a
 * System and a Custom policy may share a name), and nothing is done when it is no longer attached.
 */
record DetachStep(
        Address address,
        List<Address> dependsOn,
        RamGateway gateway,
        RamGateway.Principal principal,
        String name,
        String policyName)
        implements Step {

    @Override
    public String describe() {
        return (principal == RamGateway.Principal.ROLE ? "DetachPolicyFromRole " : "DetachPolicyFromUser ") + name + " "
                + policyName;
    }

    @Override
    public void run() {
        for (RamModel.AttachedPolicy a :
                gateway.attachedPolicies(principal, name).orElse(List.of())) {
            if (a.policyName().equals(policyName)) {
                gateway.detach(principal, name, policyName, a.policyType());
            }
        }
    }
}
