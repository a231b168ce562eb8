package dev.ossops.apply.cdn;

import dev.ossops.apply.Step;
import dev.ossops.cloud.cdn.CdnGateway;
import dev.ossops.cloud.cdn.CdnModel;
import dev.ossops.plan.Address;

import java.util.List;
import java.util.Optional;

/** Turns HTTPS on with a free certificate that the CDN issues and renews; skipped when one is on already. */
record SetHttpsCertificateStep(Address address, List<Address> dependsOn, CdnGateway gateway, String domain)
        implements Step {
    static final String FREE = "free";

    @Override
    public String describe() {
        return "SetCdnDomainSSLCertificate " + domain + " free";
    }

    @Override
    public void run() {
        Optional<CdnModel.Certificate> live = gateway.certificate(domain);
        boolean done = live.filter(c ->
                        "on".equals(c.serverCertificateStatus()) && c.certType().equals(Optional.of(FREE)))
                .isPresent();
        if (!done) {
            gateway.enableFreeCertificate(domain);
        }
    }
}
