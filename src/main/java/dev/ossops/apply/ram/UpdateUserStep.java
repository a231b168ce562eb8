package dev.ossops.apply.ram;

import dev.ossops.apply.Step;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.plan.Address;

import java.util.List;

/** Sets a RAM user's display name (the only user property a profile manages). */
record UpdateUserStep(Address address, List<Address> dependsOn, RamGateway gateway, String name, String displayName)
        implements Step {

    @Override
    public String describe() {
        return "UpdateUser " + name;
    }

    @Override
    public void run() {
        gateway.updateUserDisplayName(name, displayName);
    }
}
