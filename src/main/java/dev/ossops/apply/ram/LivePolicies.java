package dev.ossops.apply.ram;

import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.cloud.ram.RamModel;

/** Reads the live custom policy a policy update step changes. */
final class LivePolicies {
    private LivePolicies() {}

    /**
     * The custom policy {@code name}; fails as RAM would ({@code EntityNotExist.Policy}) when it is gone, since an
     * update step runs only for a policy the plan read as existing.
     */
    static RamModel.Policy required(RamGateway gateway, String operation, String name) {
        return gateway.policy(name, RamGateway.CUSTOM)
                .orElseThrow(() -> new CloudException(
                        operation + " " + name + " failed: the policy does not exist",
                        "EntityNotExist.Policy",
                        1,
                        null));
    }
}
