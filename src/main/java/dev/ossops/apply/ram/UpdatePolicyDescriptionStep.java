package dev.ossops.apply.ram;

import dev.ossops.apply.Step;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.cloud.ram.RamModel;
import dev.ossops.plan.Address;

import java.util.List;
import java.util.Optional;

/**
 * Sets the description of an existing custom policy. Skipped when the live description already reads exactly so
 * (a repeated apply), so only a real difference sends UpdatePolicyDescription.
 */
record UpdatePolicyDescriptionStep(
        Address address, List<Address> dependsOn, RamGateway gateway, String name, String description) implements Step {

    @Override
    public String describe() {
        return "UpdatePolicyDescription " + name;
    }

    @Override
    public void run() {
        RamModel.Policy live = LivePolicies.required(gateway, "UpdatePolicyDescription", name);
        if (!live.description().equals(Optional.of(description))) {
            gateway.updatePolicyDescription(name, description);
        }
    }
}
