package dev.ossops.apply.cdn;

import dev.ossops.apply.Step;
import dev.ossops.cloud.cdn.CdnGateway;
import dev.ossops.plan.Address;

import java.util.List;

/**
 * Makes a domain's cache TTL configurations exactly the profile's rules: sets the missing or changed ones (a changed
 * TTL is updated in place by config id), then deletes the configurations no longer wanted.
 */
record SetCacheTtlStep(
        Address address, List<Address> dependsOn, CdnGateway gateway, String domain, List<TtlRules.Rule> rules)
        implements Step {

    @Override
    public String describe() {
        return "SetCacheTtl " + domain;
    }

    @Override
    public void run() {
        TtlRules.Reconciliation r = TtlRules.reconcile(
                rules, gateway.configs(domain, CdnLiveSource.TTL_FUNCTIONS).orElse(List.of()));
        if (!r.set().isEmpty()) {
            gateway.setConfigs(domain, r.set());
        }
        r.delete().forEach(id -> gateway.deleteConfig(domain, id));
    }
}
