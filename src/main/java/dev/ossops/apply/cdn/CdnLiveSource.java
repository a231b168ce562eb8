package dev.ossops.apply.cdn;

import dev.ossops.apply.LiveSource;
import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.cdn.CdnGateway;
import dev.ossops.cloud.cdn.CdnModel;
import dev.ossops.plan.Address;
import dev.ossops.plan.Live;
import dev.ossops.plan.Observed;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.ossops.plan.Address.Kind;

/**
 * Reads CDN domains (type, origins, status), their private OSS origin access ({@code l2_oss_key}), cache TTL rules
 * and HTTPS certificate, as the {@code Live.*} values docs/plan-format.md documents. A domain that does not exist
 * reads as absent at every one of its addresses.
 */
public final class CdnLiveSource implements LiveSource {
    static final String L2_OSS_KEY = "l2_oss_key";
    static final String FILETYPE_TTL = "filetype_based_ttl_set";
    static final String PATH_TTL = "path_based_ttl_set";
    static final List<String> TTL_FUNCTIONS = List.of(FILETYPE_TTL, PATH_TTL);

    /** Every CDN kind: each is read, and changed, on its own. */
    static final Set<Kind> KINDS =
            EnumSet.of(Kind.CDN_DOMAIN, Kind.CDN_PRIVATE_OSS_AUTH, Kind.CDN_HTTPS, Kind.CDN_CACHE_TTL);

    private final CdnGateway gateway;

    public CdnLiveSource(CdnGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public boolean reads(Address address) {
        return KINDS.contains(address.kind());
    }

    @Override
    public Observed<?> read(Address address) {
        String domain = address.owner();
        try {
            return switch (address.kind()) {
                case CDN_DOMAIN -> of(gateway.domain(domain).map(CdnLiveSource::domain));
                case CDN_PRIVATE_OSS_AUTH ->
                    functions(gateway.configs(domain, List.of(L2_OSS_KEY)), List.of(L2_OSS_KEY));
                case CDN_CACHE_TTL -> functions(gateway.configs(domain, TTL_FUNCTIONS), TTL_FUNCTIONS);
                case CDN_HTTPS -> of(gateway.certificate(domain).map(CdnLiveSource::certificate));
                default -> throw new IllegalArgumentException("CdnLiveSource does not read " + address);
            };
        } catch (CloudException e) {
            // The message names the call and carries CloudErrors.describe of the cause, which cuts secrets out.
            return Observed.unreadable(String.valueOf(e.getMessage()));
        }
    }

    static Live.CdnDomain domain(CdnModel.Domain d) {
        return new Live.CdnDomain(
                d.cdnType(),
                d.sources().stream()
                        .map(s -> new Live.CdnSource(s.type(), s.content(), s.port(), s.priority()))
                        .toList(),
                d.status());
    }

    static Live.CdnCertificate certificate(CdnModel.Certificate c) {
        return new Live.CdnCertificate("on".equals(c.serverCertificateStatus()), c.certType());
    }

    /** The configurations of {@code wanted}; a function the service returns that was not asked for cannot be planned. */
    static Observed<?> functions(Optional<List<CdnModel.Config>> configs, List<String> wanted) {
        if (configs.isEmpty()) {
            return Observed.absent();
        }
        for (CdnModel.Config c : configs.get()) {
            if (!wanted.contains(c.functionName())) {
                return Observed.unrepresentable("DescribeCdnDomainConfigs returned " + c.functionName()
                        + " configuration " + c.configId() + " when asked for " + String.join(", ", wanted));
            }
        }
        return Observed.found(new Live.CdnFunctions(configs.get().stream()
                .map(c -> new Live.CdnFunction(c.functionName(), c.configId(), c.args()))
                .toList()));
    }

    private static <T> Observed<T> of(Optional<T> value) {
        return value.map(Observed::found).orElseGet(Observed::absent);
    }
}
