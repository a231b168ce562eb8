package dev.ossops.apply.ram;

import dev.ossops.apply.Step;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.plan.Address;

import java.util.List;
import java.util.Optional;

/** Sets a role's trust policy, maximum session duration and (when the profile names one) description. */
record UpdateRoleStep(
        Address address,
        List<Address> dependsOn,
        RamGateway gateway,
        String name,
        String trustDocument,
        long maxSessionDuration,
        Optional<String> description)
        implements Step {

    @Override
    public String describe() {
        return "UpdateRole " + name;
    }

    @Override
    public void run() {
        gateway.updateRole(name, trustDocument, maxSessionDuration, description);
    }
}
