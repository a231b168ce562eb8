package dev.ossops.emulator.cdn;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.cdn.model.v20180510.*;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyRequest;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyResponse;
import com.aliyuncs.ram.model.v20150501.CreateUserRequest;
import dev.ossops.emulator.rpc.MutableClock;
import dev.ossops.emulator.rpc.RpcFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CDN 2018-05-10 driven by the official {@code aliyun-java-sdk-cdn} client. */
class CdnIT {
    private static final String OSS_SOURCE =
            "[{\"content\":\"assets.oss-cn-hangzhou.aliyuncs.com\",\"type\":\"oss\",\"port\":443,\"priority\":\"20\",\"weight\":\"10\"}]";

    @TempDir
    Path dir;

    private RpcFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new RpcFixture(dir, MutableClock.system());
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private void assertFails(String code, String message, AcsRequest<?> request) {
        ClientException e = f.failure(request);
        assertEquals(code, e.getErrCode());
        assertEquals(message, e.getErrMsg());
    }

    private void addDomain(String name) throws ClientException {
        AddCdnDomainRequest r = new AddCdnDomainRequest();
        r.setDomainName(name);
        r.setCdnType("web");
        r.setSources(OSS_SOURCE);
        f.call(r);
    }

    private DescribeCdnDomainDetailResponse.GetDomainDetailModel detail(String name) throws ClientException {
        DescribeCdnDomainDetailRequest r = new DescribeCdnDomainDetailRequest();
        r.setDomainName(name);
        return f.call(r).getGetDomainDetailModel();
    }

    private void passPropagation() {
        f.clock().advance(RpcFixture.CDN_PROPAGATION);
    }

    private BatchSetCdnDomainConfigResponse setConfig(String domains, String functions) throws ClientException {
        BatchSetCdnDomainConfigRequest r = new BatchSetCdnDomainConfigRequest();
        r.setDomainNames(domains);
        r.setFunctions(functions);
        return f.call(r);
    }

    private List<DescribeCdnDomainConfigsResponse.DomainConfig> configs(String domain, String functionNames)
            throws ClientException {
        DescribeCdnDomainConfigsRequest r = new DescribeCdnDomainConfigsRequest();
        r.setDomainName(domain);
        r.setFunctionNames(functionNames);
        return f.call(r).getDomainConfigs();
    }

    private static String args(DescribeCdnDomainConfigsResponse.DomainConfig config) {
        return config.getFunctionArgs().stream()
                .map(a -> a.getArgName() + "=" + a.getArgValue())
                .collect(Collectors.joining(";"));
    }

    @Test
    void domain_addConfiguringThenOnline_detailHasSources() throws Exception {
        AddCdnDomainRequest add = new AddCdnDomainRequest();
        add.setDomainName("CDN.Example.com");
        add.setCdnType("download");
        add.setScope("global");
        add.setSources(OSS_SOURCE);
        f.call(add);
        DescribeCdnDomainDetailResponse.GetDomainDetailModel model = detail("cdn.example.com");
        assertEquals("configuring", model.getDomainStatus());
        assertEquals("cdn.example.com", model.getDomainName());
        assertEquals("cdn.example.com.w.kunlunsl.com", model.getCname());
        assertEquals("download", model.getCdnType());
        assertEquals("global", model.getScope());
        DescribeCdnDomainDetailResponse.GetDomainDetailModel.SourceModel source =
                model.getSourceModels().get(0);
        assertEquals(
                List.of("assets.oss-cn-hangzhou.aliyuncs.com", "oss", "443", "20", "10"),
                List.of(
                        source.getContent(),
                        source.getType(),
                        source.getPort().toString(),
                        source.getPriority(),
                        source.getWeight()));
        passPropagation();
        assertEquals("online", detail("cdn.example.com").getDomainStatus());
        assertFails("DomainAlreadyExist", "This domain name is exist already", add);
    }

    @Test
    void domain_modifyStopStartDelete() throws Exception {
        addDomain("img.example.com");
        passPropagation();
        ModifyCdnDomainRequest modify = new ModifyCdnDomainRequest();
        modify.setDomainName("img.example.com");
        modify.setSources(
                "[{\"content\":\"10.0.0.1\",\"type\":\"ipaddr\"},{\"content\":\"origin.example.com\",\"type\":\"domain\",\"priority\":\"30\"}]");
        f.call(modify);
        DescribeCdnDomainDetailResponse.GetDomainDetailModel model = detail("img.example.com");
        assertEquals("configuring", model.getDomainStatus());
        assertEquals(
                List.of("10.0.0.1:80/20/10", "origin.example.com:80/30/10"),
                model.getSourceModels().stream()
                        .map(s -> s.getContent() + ":" + s.getPort() + "/" + s.getPriority() + "/" + s.getWeight())
                        .toList());

        StopCdnDomainRequest stop = new StopCdnDomainRequest();
        stop.setDomainName("img.example.com");
        f.call(stop);
        assertEquals("offline", detail("img.example.com").getDomainStatus());
        passPropagation();
        assertEquals("offline", detail("img.example.com").getDomainStatus());

        StartCdnDomainRequest startDomain = new StartCdnDomainRequest();
        startDomain.setDomainName("img.example.com");
        f.call(startDomain);
        assertEquals("configuring", detail("img.example.com").getDomainStatus());
        passPropagation();
        assertEquals("online", detail("img.example.com").getDomainStatus());

        DeleteCdnDomainRequest delete = new DeleteCdnDomainRequest();
        delete.setDomainName("img.example.com");
        f.call(delete);
        DescribeCdnDomainDetailRequest gone = new DescribeCdnDomainDetailRequest();
        gone.setDomainName("img.example.com");
        assertFails("InvalidDomain.NotFound", "The domain provided does not belong to you.", gone);
    }

    @Test
    void describeUserDomains_filtersAndPages() throws Exception {
        for (String name : List.of("a.example.com", "b.example.com", "c.example.org")) {
            addDomain(name);
        }
        passPropagation();
        StopCdnDomainRequest stop = new StopCdnDomainRequest();
        stop.setDomainName("b.example.com");
        f.call(stop);

        DescribeUserDomainsRequest page = new DescribeUserDomainsRequest();
        page.setPageSize(2);
        page.setPageNumber(2);
        DescribeUserDomainsResponse second = f.call(page);
        assertEquals(3L, second.getTotalCount());
        assertEquals(
                List.of("c.example.org"),
                second.getDomains().stream()
                        .map(DescribeUserDomainsResponse.PageData::getDomainName)
                        .toList());
        assertEquals(
                "assets.oss-cn-hangzhou.aliyuncs.com",
                second.getDomains().get(0).getSources().get(0).getContent());

        DescribeUserDomainsRequest bySuffix = new DescribeUserDomainsRequest();
        bySuffix.setDomainName(".example.com");
        bySuffix.setDomainSearchType("suf_match");
        bySuffix.setDomainStatus("online");
        assertEquals(
                List.of("a.example.com"),
                f.call(bySuffix).getDomains().stream()
                        .map(DescribeUserDomainsResponse.PageData::getDomainName)
                        .toList());
        DescribeUserDomainsRequest badType = new DescribeUserDomainsRequest();
        badType.setDomainSearchType("regex");
        assertFails("InvalidDomainSearchType.Malformed", "Specified DomainSearchType is malformed.", badType);
    }

    @Test
    void addCdnDomain_invalidParameters_areMalformed() {
        AddCdnDomainRequest r = new AddCdnDomainRequest();
        r.setDomainName("bad_domain");
        r.setCdnType("web");
        r.setSources(OSS_SOURCE);
        assertFails("InvalidDomainName.Malformed", "Specified DomainName is malformed.", r);
        r.setDomainName("ok.example.com");
        r.setCdnType("live");
        assertFails("InvalidCdnType.Malformed", "Specified CdnType is malformed.", r);
        r.setCdnType("web");
        r.setSources("[{\"content\":\"x.example.com\",\"type\":\"ftp\"}]");
        assertFails("InvalidSources.Malformed", "Specified Sources is malformed.", r);
        r.setSources("[{\"content\":\"x.example.com\",\"type\":\"domain\",\"priority\":\"10\"}]");
        assertFails("InvalidSources.Malformed", "Specified Sources is malformed.", r);
        r.setScope("mars");
        r.setSources(OSS_SOURCE);
        assertFails("InvalidScope.Malformed", "Specified Scope is malformed.", r);
        r.setSources("not json");
        assertFails("InvalidSources.Malformed", "Specified Sources is malformed.", r);
        AddCdnDomainRequest noSources = new AddCdnDomainRequest();
        noSources.setDomainName("ok.example.com");
        noSources.setCdnType("web");
        assertFails("MissingSources", "Sources is mandatory for this action.", noSources);
    }

    @Test
    void domainConfigs_setNormaliseReplaceAndDelete() throws Exception {
        addDomain("a.example.com");
        addDomain("b.example.com");
        BatchSetCdnDomainConfigResponse set = setConfig(
                "a.example.com,b.example.com",
                "[{\"functionName\":\"l2_oss_key\",\"functionArgs\":[{\"argName\":\"private_oss_auth\",\"argValue\":\"on\"}]},"
                        + "{\"functionName\":\"filetype_based_ttl_set\",\"functionArgs\":[{\"argName\":\"ttl\",\"argValue\":\"3600\"},"
                        + "{\"argName\":\"file_type\",\"argValue\":\"jpg,png\"}]}]");
        assertEquals(
                List.of(
                        "a.example.com/l2_oss_key",
                        "a.example.com/filetype_based_ttl_set",
                        "b.example.com/l2_oss_key",
                        "b.example.com/filetype_based_ttl_set"),
                set.getDomainConfigList().stream()
                        .map(c -> c.getDomainName() + "/" + c.getFunctionName())
                        .toList());

        List<DescribeCdnDomainConfigsResponse.DomainConfig> ossKey = configs("a.example.com", "l2_oss_key");
        assertEquals(1, ossKey.size());
        assertEquals(
                "private_oss_auth=on;private_oss_ram_unauthorized=off;perm_private_oss_tbl=" + RpcFixture.ACCOUNT,
                args(ossKey.get(0)));
        assertEquals("success", ossKey.get(0).getStatus());
        String ossKeyId = ossKey.get(0).getConfigId();

        setConfig(
                "a.example.com",
                "[{\"functionName\":\"l2_oss_key\",\"functionArgs\":[{\"argName\":\"private_oss_auth\",\"argValue\":\"off\"}]},"
                        + "{\"functionName\":\"filetype_based_ttl_set\",\"functionArgs\":[{\"argName\":\"ttl\",\"argValue\":\"60\"},"
                        + "{\"argName\":\"file_type\",\"argValue\":\"html\"},{\"argName\":\"weight\",\"argValue\":\"9\"}]}]");
        List<DescribeCdnDomainConfigsResponse.DomainConfig> after =
                configs("a.example.com", "l2_oss_key,filetype_based_ttl_set");
        assertEquals(
                List.of(
                        "l2_oss_key:" + ossKeyId + ":private_oss_auth=off",
                        "filetype_based_ttl_set:ttl=3600;file_type=jpg,png;weight=1",
                        "filetype_based_ttl_set:ttl=60;file_type=html;weight=9"),
                after.stream()
                        .map(c -> c.getFunctionName()
                                + (c.getFunctionName().equals("l2_oss_key") ? ":" + c.getConfigId() : "") + ":"
                                + args(c))
                        .toList());

        DeleteSpecificConfigRequest delete = new DeleteSpecificConfigRequest();
        delete.setDomainName("a.example.com");
        delete.setConfigId(ossKeyId);
        f.call(delete);
        assertEquals(List.of(), configs("a.example.com", "l2_oss_key"));
        assertEquals(2, configs("b.example.com", null).size());
        assertFails("InvalidConfigId.NotFound", "The specified ConfigId does not exist.", delete);
    }

    @Test
    void batchSetCdnDomainConfig_invalid_isRefusedWithoutChanges() throws Exception {
        addDomain("a.example.com");
        BatchSetCdnDomainConfigRequest r = new BatchSetCdnDomainConfigRequest();
        r.setDomainNames("a.example.com");
        r.setFunctions(
                "[{\"functionName\":\"https_force\",\"functionArgs\":[{\"argName\":\"enable\",\"argValue\":\"maybe\"}]}]");
        assertFails("InvalidArgValue.Malformed", "Specified ArgValue is malformed.", r);
        r.setFunctions("[{\"functionName\":\"gzip_everything\",\"functionArgs\":[]}]");
        assertFails("InvalidFunctionName.ValueNotSupported", "FunctionName gzip_everything is not supported.", r);
        r.setFunctions("{}");
        assertFails("InvalidFunctions.Malformed", "Specified Functions is malformed.", r);
        r.setDomainNames("a.example.com,missing.example.com");
        r.setFunctions(
                "[{\"functionName\":\"https_force\",\"functionArgs\":[{\"argName\":\"enable\",\"argValue\":\"on\"}]}]");
        assertFails("InvalidDomain.NotFound", "The domain provided does not belong to you.", r);
        assertEquals(List.of(), configs("a.example.com", null));
    }

    @Test
    void certificate_uploadDescribeAndTurnOff() throws Exception {
        addDomain("cdn.example.com");
        SetCdnDomainSSLCertificateRequest set = new SetCdnDomainSSLCertificateRequest();
        set.setDomainName("cdn.example.com");
        set.setSSLProtocol("on");
        set.setCertType("upload");
        set.setCertName("example-cert");
        set.setSSLPub(pem());
        set.setSSLPri("-----BEGIN PRIVATE KEY-----\nnot kept by the emulator\n-----END PRIVATE KEY-----");
        f.call(set);
        DescribeDomainCertificateInfoRequest info = new DescribeDomainCertificateInfoRequest();
        info.setDomainName("cdn.example.com");
        DescribeDomainCertificateInfoResponse.CertInfo cert =
                f.call(info).getCertInfos().get(0);
        assertEquals(
                List.of("example-cert", "upload", "cdn.example.com", "ossops test", "on"),
                List.of(
                        cert.getCertName(),
                        cert.getCertType(),
                        cert.getCertDomainName(),
                        cert.getCertOrg(),
                        cert.getServerCertificateStatus()));
        assertEquals("2036-11-18T17:20:52Z", cert.getCertExpireTime());
        assertEquals("on", detail("cdn.example.com").getServerCertificateStatus());

        set.setSSLPub("-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----");
        assertFails("InvaildParameter", "The Certificate you provided is malformed!", set);

        SetCdnDomainSSLCertificateRequest off = new SetCdnDomainSSLCertificateRequest();
        off.setDomainName("cdn.example.com");
        off.setSSLProtocol("off");
        f.call(off);
        assertEquals(List.of(), f.call(info).getCertInfos());
        assertEquals("off", detail("cdn.example.com").getServerCertificateStatus());
    }

    @Test
    void certificate_casAndFreeTypes() throws Exception {
        addDomain("cdn.example.com");
        SetCdnDomainSSLCertificateRequest cas = new SetCdnDomainSSLCertificateRequest();
        cas.setDomainName("cdn.example.com");
        cas.setSSLProtocol("on");
        cas.setCertType("cas");
        cas.setCertId(4417L);
        cas.setCertName("from-cas");
        f.call(cas);
        DescribeDomainCertificateInfoRequest info = new DescribeDomainCertificateInfoRequest();
        info.setDomainName("cdn.example.com");
        DescribeDomainCertificateInfoResponse.CertInfo cert =
                f.call(info).getCertInfos().get(0);
        assertEquals(
                List.of("from-cas", "cas", "4417"), List.of(cert.getCertName(), cert.getCertType(), cert.getCertId()));
        SetCdnDomainSSLCertificateRequest free = new SetCdnDomainSSLCertificateRequest();
        free.setDomainName("cdn.example.com");
        free.setSSLProtocol("on");
        free.setCertType("free");
        f.call(free);
        assertEquals("free", f.call(info).getCertInfos().get(0).getCertType());
        free.setCertType("selfsigned");
        assertFails("InvalidCertType.Malformed", "Specified CertType is malformed.", free);
    }

    private static String pem() throws Exception {
        try (InputStream in = CdnIT.class.getResourceAsStream("/golden/emulator-rpc/cdn-certificate.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void refresh_tasksCompleteAndAreListed() throws Exception {
        addDomain("cdn.example.com");
        RefreshObjectCachesRequest refresh = new RefreshObjectCachesRequest();
        refresh.setObjectPath("https://cdn.example.com/a.png\nhttps://cdn.example.com/b.png");
        String ids = f.call(refresh).getRefreshTaskId();
        assertEquals(2, ids.split(",").length);
        RefreshObjectCachesRequest directory = new RefreshObjectCachesRequest();
        directory.setObjectPath("cdn.example.com/static/");
        directory.setObjectType("Directory");
        String dirId = f.call(directory).getRefreshTaskId();

        DescribeRefreshTasksRequest byId = new DescribeRefreshTasksRequest();
        byId.setTaskId(dirId);
        DescribeRefreshTasksResponse one = f.call(byId);
        assertEquals(1L, one.getTotalCount());
        DescribeRefreshTasksResponse.CDNTask task = one.getTasks().get(0);
        assertEquals(
                List.of("cdn.example.com/static/", "directory", "Complete", "100%"),
                List.of(task.getObjectPath(), task.getObjectType(), task.getStatus(), task.getProcess()));
        DescribeRefreshTasksRequest all = new DescribeRefreshTasksRequest();
        all.setDomainName("cdn.example.com");
        assertEquals(3L, f.call(all).getTotalCount());

        RefreshObjectCachesRequest foreign = new RefreshObjectCachesRequest();
        foreign.setObjectPath("https://other.example.net/a.png");
        assertFails("InvalidDomain.NotFound", "The domain provided does not belong to you.", foreign);
        directory.setObjectPath("cdn.example.com/static");
        assertFails("InvalidObjectPath.Malformed", "The specified ObjectPath is invalid.", directory);
        directory.setObjectType("Folder");
        assertFails("InvalidObjectType.Malformed", "The specified ObjectType is invalid.", directory);
    }

    @Test
    void cdn_ramUserWithoutCdnActions_isDenied() throws Exception {
        CreateUserRequest user = new CreateUserRequest();
        user.setUserName("cdn-operator");
        f.call(user);
        CreateAccessKeyRequest key = new CreateAccessKeyRequest();
        key.setUserName("cdn-operator");
        CreateAccessKeyResponse.AccessKey created = f.call(key).getAccessKey();
        IAcsClient operator = f.client(created.getAccessKeyId(), created.getAccessKeySecret());
        ClientException e = f.failure(operator, new DescribeUserDomainsRequest());
        assertEquals("NoPermission", e.getErrCode());
        assertEquals(
                "You are not authorized to operate on the specified resource, or this API does not support RAM.",
                e.getErrMsg());
    }

    @Test
    void state_survivesRestart() throws Exception {
        addDomain("cdn.example.com");
        String id = setConfig(
                        "cdn.example.com",
                        "[{\"functionName\":\"https_force\",\"functionArgs\":[{\"argName\":\"enable\",\"argValue\":\"on\"}]}]")
                .getDomainConfigList()
                .get(0)
                .getConfigId()
                .toString();
        f.restart();
        assertEquals("web", detail("cdn.example.com").getCdnType());
        List<DescribeCdnDomainConfigsResponse.DomainConfig> configs = configs("cdn.example.com", "https_force");
        assertEquals(id, configs.get(0).getConfigId());
        assertEquals("enable=on;https_rewrite=301", args(configs.get(0)));
        addDomain("next.example.com");
        String next = setConfig(
                        "next.example.com",
                        "[{\"functionName\":\"https_force\",\"functionArgs\":[{\"argName\":\"enable\",\"argValue\":\"off\"}]}]")
                .getDomainConfigList()
                .get(0)
                .getConfigId()
                .toString();
        assertNotEquals(id, next);
        assertTrue(Long.parseLong(next) > Long.parseLong(id));
    }
}
