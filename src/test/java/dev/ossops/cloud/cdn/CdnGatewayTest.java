package dev.ossops.cloud.cdn;

import com.aliyuncs.cdn.model.v20180510.DescribeCdnDomainConfigsResponse;
import com.aliyuncs.cdn.model.v20180510.DescribeCdnDomainDetailResponse;
import com.aliyuncs.cdn.model.v20180510.DescribeDomainCertificateInfoResponse;
import dev.ossops.cloud.CloudTarget;
import dev.ossops.cloud.PopClient;
import dev.ossops.cloud.PopProduct;
import dev.ossops.cloud.Retry;
import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SDK <-> gateway model mapping: the JSON parameters sent and the responses read. No request is sent. */
class CdnGatewayTest {
    private final PopClient client = new PopClient(
            CloudTarget.single(URI.create("http://127.0.0.1:9"), "cn-beijing", new CredentialSource() {
                @Override
                public Credentials resolve() {
                    throw new IllegalStateException("no request is sent in this test");
                }

                @Override
                public String describe() {
                    return "none";
                }
            }),
            PopProduct.CDN,
            Retry.standard());
    private final CdnGateway gateway = new CdnGateway(client);

    @AfterEach
    void shutdown() {
        client.shutdown();
    }

    @Test
    void sourcesJson_portAndPriorityOnlyWhenGiven() {
        assertEquals(
                "[{\"content\":\"b.oss-cn-beijing.aliyuncs.com\",\"type\":\"oss\",\"port\":80,\"priority\":\"20\"},"
                        + "{\"content\":\"203.0.113.1\",\"type\":\"ipaddr\"}]",
                gateway.sourcesJson(List.of(
                        new CdnModel.Source("oss", "b.oss-cn-beijing.aliyuncs.com", Optional.of(80), Optional.of("20")),
                        new CdnModel.Source("ipaddr", "203.0.113.1", Optional.empty(), Optional.empty()))));
    }

    @Test
    void functionsJson_configIdAsNumberArgsInOrder() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("ttl", "3600");
        args.put("file_type", "jpg,png");

        assertEquals(
                "[{\"functionName\":\"filetype_based_ttl_set\",\"configId\":42,\"functionArgs\":"
                        + "[{\"argName\":\"ttl\",\"argValue\":\"3600\"},{\"argName\":\"file_type\",\"argValue\":\"jpg,png\"}]},"
                        + "{\"functionName\":\"l2_oss_key\",\"functionArgs\":[{\"argName\":\"private_oss_auth\",\"argValue\":\"on\"}]}]",
                gateway.functionsJson(List.of(
                        new CdnModel.FunctionSetting("filetype_based_ttl_set", Optional.of("42"), args),
                        new CdnModel.FunctionSetting(
                                "l2_oss_key", Optional.empty(), Map.of("private_oss_auth", "on")))));
    }

    @Test
    void toDomain_sourceWithoutPriority_empty() {
        DescribeCdnDomainDetailResponse.GetDomainDetailModel model =
                new DescribeCdnDomainDetailResponse.GetDomainDetailModel();
        model.setDomainName("cdn.example.com");
        model.setCdnType("web");
        model.setDomainStatus("configuring");
        DescribeCdnDomainDetailResponse.GetDomainDetailModel.SourceModel source =
                new DescribeCdnDomainDetailResponse.GetDomainDetailModel.SourceModel();
        source.setType("domain");
        source.setContent("origin.example.com");
        source.setPort(443);
        source.setPriority("");
        model.setSourceModels(List.of(source));

        assertEquals(
                new CdnModel.Domain(
                        "cdn.example.com",
                        "web",
                        "configuring",
                        List.of(new CdnModel.Source(
                                "domain", "origin.example.com", Optional.of(443), Optional.empty()))),
                CdnGateway.toDomain(model));
    }

    @Test
    void toConfig_argsInServiceOrder() {
        DescribeCdnDomainConfigsResponse.DomainConfig config = new DescribeCdnDomainConfigsResponse.DomainConfig();
        config.setFunctionName("l2_oss_key");
        config.setConfigId("7");
        config.setFunctionArgs(
                List.of(arg("private_oss_auth", "on"), arg("perm_private_oss_tbl", "123"), arg("empty", null)));

        CdnModel.Config mapped = CdnGateway.toConfig(config);

        assertEquals(
                List.of("private_oss_auth", "perm_private_oss_tbl", "empty"),
                List.copyOf(mapped.args().keySet()));
        assertEquals("", mapped.args().get("empty"));
        assertEquals("7", mapped.configId());
    }

    @Test
    void toCertificate_noneListed_off() {
        assertEquals(new CdnModel.Certificate("off", Optional.empty()), CdnGateway.toCertificate(List.of()));
    }

    @Test
    void toCertificate_listed_statusAndType() {
        DescribeDomainCertificateInfoResponse.CertInfo info = new DescribeDomainCertificateInfoResponse.CertInfo();
        info.setServerCertificateStatus("on");
        info.setCertType("cas");

        assertEquals(new CdnModel.Certificate("on", Optional.of("cas")), CdnGateway.toCertificate(List.of(info)));
    }

    private static DescribeCdnDomainConfigsResponse.DomainConfig.FunctionArg arg(String name, String value) {
        DescribeCdnDomainConfigsResponse.DomainConfig.FunctionArg arg =
                new DescribeCdnDomainConfigsResponse.DomainConfig.FunctionArg();
        arg.setArgName(name);
        arg.setArgValue(value);
        return arg;
    }
}
