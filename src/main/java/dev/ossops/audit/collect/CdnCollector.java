package dev.ossops.audit.collect;

import dev.ossops.audit.CdnDomainState;
import dev.ossops.audit.Observed;
import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.cdn.CdnGateway;
import dev.ossops.cloud.cdn.CdnModel;
import dev.ossops.spec.model.Cdn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads every CDN domain of the account with its origin and its access-control configurations. */
final class CdnCollector {
    static final String PRIVATE_OSS_AUTH = "l2_oss_key";
    static final String URL_AUTH = "aliauth";
    static final String REFERER_ALLOW = "referer_white_list_set";
    static final String REFERER_DENY = "referer_black_list_set";

    private final CdnGateway cdn;

    CdnCollector(CdnGateway cdn) {
        this.cdn = cdn;
    }

    Observed<List<CdnDomainState>> collect() {
        try {
            List<CdnDomainState> states = new ArrayList<>();
            for (CdnModel.Domain domain : cdn.domains()) {
                // A domain deleted since it was listed has no configuration left to judge.
                Optional<List<CdnModel.Config>> configs =
                        cdn.configs(domain.name(), List.of(PRIVATE_OSS_AUTH, URL_AUTH, REFERER_ALLOW, REFERER_DENY));
                configs.ifPresent(c -> states.add(state(domain, c)));
            }
            return Observed.found(states);
        } catch (CloudException e) {
            return Observed.unreadable(String.valueOf(e.getMessage()));
        }
    }

    static CdnDomainState state(CdnModel.Domain domain, List<CdnModel.Config> configs) {
        boolean privateAuth = configs.stream()
                .anyMatch(c -> c.functionName().equals(PRIVATE_OSS_AUTH)
                        && "on".equalsIgnoreCase(c.args().getOrDefault("private_oss_auth", "off")));
        boolean urlAuth = configs.stream()
                .anyMatch(c -> c.functionName().equals(URL_AUTH)
                        && !"no_auth".equalsIgnoreCase(c.args().getOrDefault("auth_type", "no_auth")));
        boolean referer = configs.stream()
                .anyMatch(c -> refererList(c).filter(list -> !list.isBlank()).isPresent());
        return new CdnDomainState(domain.name(), origin(domain.sources()), privateAuth, urlAuth, referer);
    }

    /** The domain list of a referer allow or deny configuration; an empty list restricts nothing. */
    private static Optional<String> refererList(CdnModel.Config c) {
        return switch (c.functionName()) {
            case REFERER_ALLOW -> Optional.ofNullable(c.args().get("refer_domain_allow_list"));
            case REFERER_DENY -> Optional.ofNullable(c.args().get("refer_domain_deny_list"));
            default -> Optional.empty();
        };
    }

    /**
     * The origin that serves first: an OSS source's content is {@code BUCKET.oss-REGION.aliyuncs.com} and a bucket
     * name has no dots, so the bucket is the first label.
     */
    static Cdn.Origin origin(List<CdnModel.Source> sources) {
        Optional<CdnModel.Source> oss =
                sources.stream().filter(s -> "oss".equals(s.type())).findFirst();
        if (oss.isPresent()) {
            String host = oss.get().content();
            int dot = host.indexOf('.');
            return new Cdn.Origin.OssBucket(dot < 0 ? host : host.substring(0, dot));
        }
        CdnModel.Source first = sources.isEmpty()
                ? new CdnModel.Source("domain", "", Optional.empty(), Optional.empty())
                : sources.get(0);
        return "ipaddr".equals(first.type())
                ? new Cdn.Origin.Ip(first.content())
                : new Cdn.Origin.DomainName(first.content());
    }
}
