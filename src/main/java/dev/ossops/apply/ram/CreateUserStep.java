package dev.ossops.apply.ram;

import dev.ossops.apply.Step;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.plan.Address;

import java.util.List;
import java.util.Optional;

/** Creates a RAM user; when it already exists, sets the display name the profile names. */
record CreateUserStep(
        Address address, List<Address> dependsOn, RamGateway gateway, String name, Optional<String> displayName)
        implements Step {

    @Override
    public String describe() {
        return "CreateUser " + name;
    }

    @Override
    public void run() {
        if (gateway.user(name).isEmpty()) {
            gateway.createUser(name, displayName);
        } else {
            displayName.ifPresent(d -> gateway.updateUserDisplayName(name, d));
        }
    }
}
