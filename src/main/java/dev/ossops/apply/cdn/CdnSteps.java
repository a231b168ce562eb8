package dev.ossops.apply.cdn;

import dev.ossops.apply.KindStepFactory;
import dev.ossops.apply.Step;
import dev.ossops.cloud.cdn.CdnGateway;
import dev.ossops.plan.Action;
import dev.ossops.plan.Address;
import dev.ossops.plan.Change;
import dev.ossops.spec.model.Cdn;
import dev.ossops.spec.model.Profile;

import java.util.List;

/**
 * Builds the steps for CDN changes: adding a domain or changing its origin, private OSS origin access, cache TTL
 * rules and the free HTTPS certificate. Desired values come from the profile. A domain's type never changes in
 * place (the planner makes that a plan error), so a {@code replace} is refused.
 */
public final class CdnSteps extends KindStepFactory {

    private final CdnGateway gateway;

    public CdnSteps(CdnGateway gateway) {
        super(CdnLiveSource.KINDS);
        this.gateway = gateway;
    }

    @Override
    protected List<Step> changeSteps(Change change, Profile profile) {
        Address a = change.address();
        Cdn.Domain d = profile.cdn().domains().get(a.owner());
        if (d == null) {
            throw new IllegalArgumentException(a + " is not in the profile");
        }
        if (change.action() == Action.REPLACE) {
            throw new IllegalArgumentException(a + ": ossops never deletes a CDN domain to replace it");
        }
        List<Address> deps = change.dependsOn();
        return switch (a.kind()) {
            case CDN_DOMAIN ->
                List.of(
                        change.action() == Action.CREATE
                                ? new AddCdnDomainStep(
                                        a, deps, gateway, d.name(), d.type(), CdnOrigins.sources(d.origin(), profile))
                                : new ModifyCdnDomainStep(
                                        a, deps, gateway, d.name(), CdnOrigins.sources(d.origin(), profile)));
            case CDN_PRIVATE_OSS_AUTH ->
                List.of(new SetPrivateOssAuthStep(a, deps, gateway, d.name(), d.privateOssAuth()));
            case CDN_CACHE_TTL -> List.of(new SetCacheTtlStep(a, deps, gateway, d.name(), TtlRules.of(d.cacheTtl())));
            case CDN_HTTPS -> List.of(https(a, deps, d));
            default -> throw new IllegalArgumentException("CdnSteps does not handle " + a);
        };
    }

    private Step https(Address a, List<Address> deps, Cdn.Domain d) {
        String certificate = d.httpsCertificate()
                .orElseThrow(() -> new IllegalArgumentException(
                        a + ": the profile sets no certificate, and ossops does not turn HTTPS off"));
        if (!certificate.equals(SetHttpsCertificateStep.FREE)) {
            throw new IllegalArgumentException(a + ": certificate " + certificate + " is not supported; only free");
        }
        return new SetHttpsCertificateStep(a, deps, gateway, d.name());
    }
}
