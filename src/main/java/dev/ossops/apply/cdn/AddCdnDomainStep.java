package dev.ossops.apply.cdn;

import dev.ossops.apply.Step;
import dev.ossops.cloud.cdn.CdnGateway;
import dev.ossops.cloud.cdn.CdnModel;
import dev.ossops.plan.Address;

import java.util.List;

/** Adds a CDN domain with its origin; when it exists already (an earlier, interrupted apply), sets the origin. */
record AddCdnDomainStep(
        Address address,
        List<Address> dependsOn,
        CdnGateway gateway,
        String domain,
        String cdnType,
        List<CdnModel.Source> sources)
        implements Step {

    @Override
    public String describe() {
        return "AddCdnDomain " + domain;
    }

    @Override
    public void run() {
        if (gateway.domain(domain).isEmpty()) {
            gateway.addDomain(domain, cdnType, sources);
        } else {
            gateway.modifySources(domain, sources);
        }
    }
}
