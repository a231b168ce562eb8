package dev.ossops.audit;

import dev.ossops.spec.model.Cdn;

/**
 * One CDN domain as DescribeCdnDomainDetail and DescribeCdnDomainConfigs report it: its origin, whether back-to-origin
 * requests are signed for a private OSS bucket ({@code l2_oss_key}), whether URL authentication ({@code aliauth}) is
 * on, and whether referer rules ({@code referer_white_list_set} / {@code referer_black_list_set}) are configured.
 */
public record CdnDomainState(
        String name, Cdn.Origin origin, boolean privateOssAuth, boolean urlAuth, boolean refererRules) {

    public String resource() {
        return "cdn:domain/" + name;
    }
}
