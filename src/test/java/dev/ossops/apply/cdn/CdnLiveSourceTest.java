package dev.ossops.apply.cdn;

import dev.ossops.cloud.cdn.CdnModel;
import dev.ossops.plan.Live;
import dev.ossops.plan.Observed;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Gateway model -> the documented Live values. */
class CdnLiveSourceTest {

    @Test
    void functions_domainMissing_absent() {
        assertEquals(Observed.absent(), CdnLiveSource.functions(Optional.empty(), List.of("l2_oss_key")));
    }

    @Test
    void functions_noConfigs_foundEmpty() {
        assertEquals(
                Observed.found(new Live.CdnFunctions(List.of())),
                CdnLiveSource.functions(Optional.of(List.of()), List.of("l2_oss_key")));
    }

    @Test
    void functions_unaskedFunctionReturned_unrepresentable() {
        Observed<?> seen = CdnLiveSource.functions(
                Optional.of(List.of(new CdnModel.Config("https_force", "9", Map.of("enable", "on")))),
                CdnLiveSource.TTL_FUNCTIONS);

        assertEquals(
                Observed.unrepresentable("DescribeCdnDomainConfigs returned https_force configuration 9 when asked for "
                        + "filetype_based_ttl_set, path_based_ttl_set"),
                seen);
    }

    @Test
    void functions_configs_keptWithIdsAndArgs() {
        Observed<?> seen = CdnLiveSource.functions(
                Optional.of(List.of(new CdnModel.Config(
                        "l2_oss_key", "4", Map.of("private_oss_auth", "on", "perm_private_oss_tbl", "123")))),
                List.of("l2_oss_key"));

        assertEquals(
                Observed.found(new Live.CdnFunctions(List.of(new Live.CdnFunction(
                        "l2_oss_key", "4", Map.of("private_oss_auth", "on", "perm_private_oss_tbl", "123"))))),
                seen);
    }

    @Test
    void certificate_statusOff_notEnabled() {
        assertEquals(
                new Live.CdnCertificate(false, Optional.of("free")),
                CdnLiveSource.certificate(new CdnModel.Certificate("off", Optional.of("free"))));
        assertEquals(
                new Live.CdnCertificate(true, Optional.of("cas")),
                CdnLiveSource.certificate(new CdnModel.Certificate("on", Optional.of("cas"))));
    }

    @Test
    void domain_sources_mappedOneToOne() {
        assertEquals(
                new Live.CdnDomain(
                        "download",
                        List.of(new Live.CdnSource("ipaddr", "203.0.113.1", Optional.empty(), Optional.of("30"))),
                        "offline"),
                CdnLiveSource.domain(new CdnModel.Domain(
                        "d.example.com",
                        "download",
                        "offline",
                        List.of(new CdnModel.Source("ipaddr", "203.0.113.1", Optional.empty(), Optional.of("30"))))));
    }
}
