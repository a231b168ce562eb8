package dev.ossops.apply.ram;

import dev.ossops.apply.Step;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.cloud.ram.RamModel;
import dev.ossops.plan.Address;

import java.util.List;

/**
 * Makes {@code document} the default version of a custom policy. RAM keeps at most five versions, so the gateway
 * deletes the oldest non-default version first when five exist. Skipped when the default version already holds
 * exactly this text (a repeated apply).
 */
record CreatePolicyVersionStep(
        Address address, List<Address> dependsOn, RamGateway gateway, String name, String document) implements Step {

    @Override
    public String describe() {
        return "CreatePolicyVersion " + name;
    }

    @Override
    public void run() {
        RamModel.Policy live = LivePolicies.required(gateway, "CreatePolicyVersion", name);
        if (!live.defaultDocument().equals(document)) {
            gateway.createDefaultVersion(name, document);
        }
    }
}
