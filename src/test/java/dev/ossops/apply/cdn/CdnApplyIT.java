package dev.ossops.apply.cdn;

import com.aliyuncs.cdn.model.v20180510.BatchSetCdnDomainConfigRequest;
import com.aliyuncs.cdn.model.v20180510.DeleteSpecificConfigRequest;
import com.aliyuncs.cdn.model.v20180510.ModifyCdnDomainRequest;
import com.aliyuncs.cdn.model.v20180510.SetCdnDomainSSLCertificateRequest;
import dev.ossops.apply.Step;
import dev.ossops.apply.ram.RpcHarness;
import dev.ossops.cloud.cdn.CdnModel;
import dev.ossops.emulator.rpc.RpcFixture;
import dev.ossops.plan.Address;
import dev.ossops.plan.Live;
import dev.ossops.plan.Observed;
import dev.ossops.plan.Plan;
import dev.ossops.spec.model.Profile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.ossops.plan.Address.Kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CDN domains and their configurations: applied, read back, drifted through the SDK, detected and reverted. */
class CdnApplyIT {
    private static final String DOMAIN = "media.example.com";
    private static final String PROFILE = """
            cdn:
              domains:
                media.example.com:
                  type: web
                  origin: { ossBucket: media-bucket }
                  privateOssAuth: true
                  https: { certificate: free }
                  cacheTtl:
                    - { fileTypes: [JPG, png], ttlSeconds: 3600 }
                    - { paths: [/static/, /assets/], ttlSeconds: 86400 }
            """;

    @TempDir
    Path dir;

    private RpcHarness rpc;
    private Profile profile;

    @BeforeEach
    void start() throws IOException {
        rpc = new RpcHarness(dir, Map.of());
        profile = rpc.profile(PROFILE, Map.of());
    }

    @AfterEach
    void stop() {
        rpc.close();
    }

    private void applyAndPropagate(Profile p) {
        rpc.apply(p);
        rpc.fixture().clock().advance(RpcFixture.CDN_PROPAGATION);
    }

    @Test
    void apply_noDomain_addsItWithEveryConfigurationAndPlansNoOp() {
        assertEquals(
                List.of(
                        "AddCdnDomain media.example.com",
                        "SetPrivateOssAuth media.example.com on",
                        "SetCdnDomainSSLCertificate media.example.com free",
                        "SetCacheTtl media.example.com"),
                rpc.apply(profile));
        rpc.fixture().clock().advance(RpcFixture.CDN_PROPAGATION);

        Plan plan = rpc.plan(profile);
        assertTrue(plan.complete());
        assertEquals(List.of(), plan.errors());
        assertEquals(List.of(), RpcHarness.acting(plan));
        assertEquals(List.of(), rpc.apply(profile));
    }

    @Test
    void run_sameStepsTwice_secondRunChangesNothing() {
        List<Step> steps = rpc.steps(profile);
        steps.forEach(Step::run);
        steps.forEach(Step::run);
        rpc.fixture().clock().advance(RpcFixture.CDN_PROPAGATION);

        assertEquals(3, ttlConfigs().size());
        assertEquals(
                1,
                rpc.cdn().configs(DOMAIN, List.of("l2_oss_key")).orElseThrow().size());
        assertEquals(List.of(), RpcHarness.acting(rpc.plan(profile)));
    }

    @Test
    void read_afterApply_returnsTheDocumentedLiveValues() {
        applyAndPropagate(profile);
        CdnLiveSource source = new CdnLiveSource(rpc.cdn());

        assertEquals(
                Observed.found(new Live.CdnDomain(
                        "web",
                        List.of(new Live.CdnSource(
                                "oss", "media-bucket.oss-cn-beijing.aliyuncs.com", Optional.of(80), Optional.of("20"))),
                        "online")),
                source.read(Address.of(Kind.CDN_DOMAIN, DOMAIN)));
        assertEquals(
                Observed.found(new Live.CdnCertificate(true, Optional.of("free"))),
                source.read(Address.of(Kind.CDN_HTTPS, DOMAIN)));
        Live.CdnFunctions ttl = (Live.CdnFunctions)
                source.read(Address.of(Kind.CDN_CACHE_TTL, DOMAIN)).found().orElseThrow();
        assertEquals(
                List.of(
                        "filetype_based_ttl_set {file_type=JPG,png, ttl=3600, weight=1}",
                        "path_based_ttl_set {path=/assets/, ttl=86400, weight=1}",
                        "path_based_ttl_set {path=/static/, ttl=86400, weight=1}"),
                ttl.functions().stream()
                        .map(f -> f.functionName() + " " + new TreeMap<>(f.args()))
                        .sorted()
                        .toList());
    }

    @Test
    void plan_privateOssAuthExtraArgsLive_noPerpetualDiff() {
        applyAndPropagate(profile);
        Live.CdnFunctions l2 = (Live.CdnFunctions) new CdnLiveSource(rpc.cdn())
                .read(Address.of(Kind.CDN_PRIVATE_OSS_AUTH, DOMAIN))
                .found()
                .orElseThrow();
        // The service stored arguments ossops never sent ...
        assertEquals(
                Map.of(
                        "private_oss_auth",
                        "on",
                        "private_oss_ram_unauthorized",
                        "off",
                        "perm_private_oss_tbl",
                        RpcFixture.ACCOUNT),
                l2.functions().get(0).args());
        // ... and planning again neither shows nor changes them.
        assertEquals(List.of(), RpcHarness.acting(rpc.plan(profile)));
        assertEquals(List.of(), rpc.apply(profile));
    }

    @Test
    void plan_ttlChangedOutOfBand_updateRevertsItInPlace() throws Exception {
        applyAndPropagate(profile);
        CdnModel.Config jpg = ttlConfigs().stream()
                .filter(c -> c.functionName().equals("filetype_based_ttl_set"))
                .findFirst()
                .orElseThrow();
        BatchSetCdnDomainConfigRequest edit = new BatchSetCdnDomainConfigRequest();
        edit.setDomainNames(DOMAIN);
        edit.setFunctions(
                "[{\"functionName\":\"filetype_based_ttl_set\",\"configId\":" + jpg.configId()
                        + ",\"functionArgs\":[{\"argName\":\"ttl\",\"argValue\":\"60\"},{\"argName\":\"file_type\",\"argValue\":\"jpg,png\"}]}]");
        rpc.fixture().call(edit);

        Plan drifted = rpc.plan(profile);
        assertEquals(List.of("update cdn.domain.media.example.com.cache_ttl"), RpcHarness.acting(drifted));
        assertEquals(List.of("SetCacheTtl media.example.com"), rpc.apply(profile));

        CdnModel.Config reverted = ttlConfigs().stream()
                .filter(c -> c.configId().equals(jpg.configId()))
                .findFirst()
                .orElseThrow();
        assertEquals("3600", reverted.args().get("ttl"));
        assertEquals(3, ttlConfigs().size());
        assertEquals(List.of(), RpcHarness.acting(rpc.plan(profile)));
    }

    @Test
    void plan_unwantedTtlAddedOutOfBand_applyDeletesIt() throws Exception {
        applyAndPropagate(profile);
        BatchSetCdnDomainConfigRequest add = new BatchSetCdnDomainConfigRequest();
        add.setDomainNames(DOMAIN);
        add.setFunctions(
                "[{\"functionName\":\"path_based_ttl_set\","
                        + "\"functionArgs\":[{\"argName\":\"ttl\",\"argValue\":\"5\"},{\"argName\":\"path\",\"argValue\":\"/tmp/\"}]}]");
        rpc.fixture().call(add);

        assertEquals(List.of("update cdn.domain.media.example.com.cache_ttl"), RpcHarness.acting(rpc.plan(profile)));
        rpc.apply(profile);

        assertEquals(
                List.of("/assets/", "/static/"),
                ttlConfigs().stream()
                        .map(c -> c.args().get("path"))
                        .filter(p -> p != null)
                        .sorted()
                        .toList());
        assertEquals(List.of(), RpcHarness.acting(rpc.plan(profile)));
    }

    @Test
    void plan_originAndHttpsAndPrivateAuthChangedOutOfBand_allDetectedAndReverted() throws Exception {
        applyAndPropagate(profile);
        ModifyCdnDomainRequest origin = new ModifyCdnDomainRequest();
        origin.setDomainName(DOMAIN);
        origin.setSources("[{\"content\":\"origin.example.net\",\"type\":\"domain\",\"port\":80,\"priority\":\"20\"}]");
        rpc.fixture().call(origin);
        SetCdnDomainSSLCertificateRequest https = new SetCdnDomainSSLCertificateRequest();
        https.setDomainName(DOMAIN);
        https.setSSLProtocol("off");
        rpc.fixture().call(https);
        DeleteSpecificConfigRequest l2 = new DeleteSpecificConfigRequest();
        l2.setDomainName(DOMAIN);
        l2.setConfigId(rpc.cdn()
                .configs(DOMAIN, List.of("l2_oss_key"))
                .orElseThrow()
                .get(0)
                .configId());
        rpc.fixture().call(l2);
        rpc.fixture().clock().advance(RpcFixture.CDN_PROPAGATION);

        assertEquals(
                List.of(
                        "update cdn.domain.media.example.com",
                        "create cdn.domain.media.example.com.private_oss_auth",
                        "create cdn.domain.media.example.com.https"),
                RpcHarness.acting(rpc.plan(profile)));
        assertEquals(
                List.of(
                        "ModifyCdnDomain media.example.com",
                        "SetPrivateOssAuth media.example.com on",
                        "SetCdnDomainSSLCertificate media.example.com free"),
                rpc.apply(profile));
        rpc.fixture().clock().advance(RpcFixture.CDN_PROPAGATION);
        assertEquals(List.of(), RpcHarness.acting(rpc.plan(profile)));
    }

    @Test
    void apply_privateOssAuthTurnedOffInProfile_removesTheConfiguration() throws IOException {
        applyAndPropagate(profile);
        Profile off = rpc.profile(PROFILE.replace("privateOssAuth: true", "privateOssAuth: false"), Map.of());

        assertEquals(List.of("delete cdn.domain.media.example.com.private_oss_auth"), RpcHarness.acting(rpc.plan(off)));
        assertEquals(List.of("SetPrivateOssAuth media.example.com off"), rpc.apply(off));

        assertEquals(Optional.of(List.of()), rpc.cdn().configs(DOMAIN, List.of("l2_oss_key")));
        assertEquals(List.of(), RpcHarness.acting(rpc.plan(off)));
    }

    @Test
    void read_noDomain_everyAddressAbsent() {
        CdnLiveSource source = new CdnLiveSource(rpc.cdn());
        for (Kind kind : List.of(Kind.CDN_DOMAIN, Kind.CDN_PRIVATE_OSS_AUTH, Kind.CDN_HTTPS, Kind.CDN_CACHE_TTL)) {
            assertEquals(Observed.absent(), source.read(Address.of(kind, DOMAIN)), kind.toString());
        }
    }

    private List<CdnModel.Config> ttlConfigs() {
        return rpc.cdn().configs(DOMAIN, CdnLiveSource.TTL_FUNCTIONS).orElseThrow();
    }
}
