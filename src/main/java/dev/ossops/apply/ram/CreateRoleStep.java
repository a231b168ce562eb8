package dev.ossops.apply.ram;

import dev.ossops.apply.Step;
import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.Retry;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.cloud.ram.RamModel;
import dev.ossops.plan.Address;

import java.util.List;

/**
 * Creates a RAM role and waits until RAM shows it: RAM is eventually consistent, and a role read (or attached to)
 * right after CreateRole can still answer {@code EntityNotExist.Role}. When the role already exists, its settings
 * are updated instead.
 */
record CreateRoleStep(
        Address address, List<Address> dependsOn, RamGateway gateway, RamModel.NewRole role, Retry visibility)
        implements Step {

    @Override
    public String describe() {
        return "CreateRole " + role.name();
    }

    @Override
    public void run() {
        if (gateway.role(role.name()).isPresent()) {
            gateway.updateRole(role.name(), role.trustDocument(), role.maxSessionDuration(), role.description());
            return;
        }
        gateway.createRole(role);
        visibility.call(
                "GetRole " + role.name() + " after CreateRole",
                () -> gateway.role(role.name())
                        .orElseThrow(() -> new CloudException(
                                "GetRole " + role.name() + " after CreateRole failed: the role is not visible yet",
                                "EntityNotExist.Role",
                                1,
                                null)));
    }
}
