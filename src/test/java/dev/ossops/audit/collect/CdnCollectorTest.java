package dev.ossops.audit.collect;

import dev.ossops.audit.CdnDomainState;
import dev.ossops.cloud.cdn.CdnModel;
import dev.ossops.spec.model.Cdn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CdnCollectorTest {
    private static CdnModel.Source source(String type, String content) {
        return new CdnModel.Source(type, content, Optional.of(443), Optional.of("20"));
    }

    private static CdnModel.Domain domain(CdnModel.Source... sources) {
        return new CdnModel.Domain("media.example.com", "web", "online", List.of(sources));
    }

    private static CdnModel.Config config(String function, Map<String, String> args) {
        return new CdnModel.Config(function, "1", args);
    }

    @Test
    void origin_ossSource_bucketIsTheFirstLabel() {
        assertEquals(
                new Cdn.Origin.OssBucket("media"),
                CdnCollector.origin(List.of(
                        source("domain", "www.example.com"), source("oss", "media.oss-cn-beijing.aliyuncs.com"))));
    }

    @Test
    void origin_domainAndIpSources_keptAsTheyAre() {
        assertEquals(
                new Cdn.Origin.DomainName("www.example.com"),
                CdnCollector.origin(List.of(source("domain", "www.example.com"))));
        assertEquals(new Cdn.Origin.Ip("203.0.113.7"), CdnCollector.origin(List.of(source("ipaddr", "203.0.113.7"))));
    }

    @Test
    void state_privateAuthOnUrlAuthTypeAReferer_allTrue() {
        CdnDomainState state = CdnCollector.state(
                domain(source("oss", "media.oss-cn-beijing.aliyuncs.com")),
                List.of(
                        config("l2_oss_key", Map.of("private_oss_auth", "on")),
                        config("aliauth", Map.of("auth_type", "type_a", "auth_key1", "k")),
                        config("referer_black_list_set", Map.of("refer_domain_deny_list", "bad.example.com"))));

        assertEquals(
                new CdnDomainState("media.example.com", new Cdn.Origin.OssBucket("media"), true, true, true), state);
    }

    @Test
    void state_offNoAuthAndEmptyReferer_allFalse() {
        CdnDomainState state = CdnCollector.state(
                domain(source("oss", "media.oss-cn-beijing.aliyuncs.com")),
                List.of(
                        config("l2_oss_key", Map.of("private_oss_auth", "off")),
                        config("aliauth", Map.of("auth_type", "no_auth")),
                        config("referer_white_list_set", Map.of("refer_domain_allow_list", " "))));

        assertEquals(
                new CdnDomainState("media.example.com", new Cdn.Origin.OssBucket("media"), false, false, false), state);
    }
}
