package dev.ossops.apply.cdn;

import dev.ossops.apply.Step;
import dev.ossops.cloud.cdn.CdnGateway;
import dev.ossops.cloud.cdn.CdnModel;
import dev.ossops.plan.Address;

import java.util.List;

/** Sets a CDN domain's origins (its type cannot change in place; the planner refuses that). */
record ModifyCdnDomainStep(
        Address address, List<Address> dependsOn, CdnGateway gateway, String domain, List<CdnModel.Source> sources)
        implements Step {

    @Override
    public String describe() {
        return "ModifyCdnDomain " + domain;
    }

    @Override
    public void run() {
        gateway.modifySources(domain, sources);
    }
}
