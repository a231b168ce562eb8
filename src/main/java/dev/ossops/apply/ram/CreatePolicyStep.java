package dev.ossops.apply.ram;

import dev.ossops.apply.Step;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.plan.Address;

import java.util.List;
import java.util.Optional;

/** Creates a custom RAM policy; when it already exists (an earlier, interrupted apply), makes its document default. */
record CreatePolicyStep(
        Address address,
        List<Address> dependsOn,
        RamGateway gateway,
        String name,
        String document,
        Optional<String> description)
        implements Step {

    @Override
    public String describe() {
        return "CreatePolicy " + name;
    }

    @Override
    public void run() {
        if (gateway.policy(name, RamGateway.CUSTOM).isEmpty()) {
            gateway.createPolicy(name, document, description);
        } else {
            new CreatePolicyVersionStep(address, dependsOn, gateway, name, document).run();
        }
    }
}
