package dev.ossops.cloud.cdn;

import com.aliyuncs.cdn.model.v20180510.AddCdnDomainRequest;
import com.aliyuncs.cdn.model.v20180510.BatchSetCdnDomainConfigRequest;
import com.aliyuncs.cdn.model.v20180510.DeleteSpecificConfigRequest;
import com.aliyuncs.cdn.model.v20180510.DescribeCdnDomainConfigsRequest;
import com.aliyuncs.cdn.model.v20180510.DescribeCdnDomainConfigsResponse;
import com.aliyuncs.cdn.model.v20180510.DescribeCdnDomainDetailRequest;
import com.aliyuncs.cdn.model.v20180510.DescribeCdnDomainDetailResponse;
import com.aliyuncs.cdn.model.v20180510.DescribeDomainCertificateInfoRequest;
import com.aliyuncs.cdn.model.v20180510.DescribeDomainCertificateInfoResponse;
import com.aliyuncs.cdn.model.v20180510.DescribeUserDomainsRequest;
import com.aliyuncs.cdn.model.v20180510.DescribeUserDomainsResponse;
import com.aliyuncs.cdn.model.v20180510.ModifyCdnDomainRequest;
import com.aliyuncs.cdn.model.v20180510.SetCdnDomainSSLCertificateRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.PopClient;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * CDN (API 2018-05-10) through the official SDK: domains and their origins, domain configurations (functions) and
 * the HTTPS certificate. A domain that does not exist ({@code InvalidDomain.NotFound}) reads as
 * {@link Optional#empty()}; every other failure is a {@link CloudException} naming the call.
 */
public final class CdnGateway {
    private static final String NOT_FOUND = "InvalidDomain.NotFound";
    /** DescribeUserDomains' largest page. */
    private static final int DOMAIN_PAGE = 500;
    /** Builds the JSON parameters (Sources, Functions); a mapper is thread-safe once configured. */
    private final ObjectMapper json = new ObjectMapper();

    private final PopClient client;

    /** {@code client} is a {@code PopClient} for {@code PopProduct.CDN}. */
    public CdnGateway(PopClient client) {
        this.client = client;
    }

    public Optional<CdnModel.Domain> domain(String name) {
        DescribeCdnDomainDetailRequest request = new DescribeCdnDomainDetailRequest();
        request.setDomainName(name);
        return ifExists(() ->
                toDomain(client.call("DescribeCdnDomainDetail " + name, request).getGetDomainDetailModel()));
    }

    /** The names of every CDN domain of the account. */
    public List<String> domainNames() {
        return domains().stream().map(CdnModel.Domain::name).toList();
    }

    /** Every domain of the account with its origins (DescribeUserDomains, 500 a page, until TotalCount is reached). */
    public List<CdnModel.Domain> domains() {
        List<CdnModel.Domain> domains = new ArrayList<>();
        int pageNumber = 1;
        long total;
        do {
            DescribeUserDomainsRequest request = new DescribeUserDomainsRequest();
            request.setPageSize(DOMAIN_PAGE);
            request.setPageNumber(pageNumber);
            DescribeUserDomainsResponse page = client.call("DescribeUserDomains page " + pageNumber, request);
            List<DescribeUserDomainsResponse.PageData> data = page.getDomains() == null ? List.of() : page.getDomains();
            data.forEach(d -> domains.add(toDomain(d)));
            total = page.getTotalCount() == null ? 0 : page.getTotalCount();
            if (data.isEmpty()) {
                break;
            }
            pageNumber++;
        } while (domains.size() < total);
        return domains;
    }

    /** Adds a domain of {@code cdnType} (web, download, video) with its origins. */
    public void addDomain(String name, String cdnType, List<CdnModel.Source> sources) {
        AddCdnDomainRequest request = new AddCdnDomainRequest();
        request.setDomainName(name);
        request.setCdnType(cdnType);
        request.setSources(sourcesJson(sources));
        client.call("AddCdnDomain " + name, request);
    }

    public void modifySources(String name, List<CdnModel.Source> sources) {
        ModifyCdnDomainRequest request = new ModifyCdnDomainRequest();
        request.setDomainName(name);
        request.setSources(sourcesJson(sources));
        client.call("ModifyCdnDomain " + name, request);
    }

    /** The configurations of {@code functionNames} on a domain; empty when the domain does not exist. */
    public Optional<List<CdnModel.Config>> configs(String domain, Collection<String> functionNames) {
        DescribeCdnDomainConfigsRequest request = new DescribeCdnDomainConfigsRequest();
        request.setDomainName(domain);
        request.setFunctionNames(String.join(",", functionNames));
        return ifExists(() -> client.call("DescribeCdnDomainConfigs " + domain, request).getDomainConfigs().stream()
                .map(CdnGateway::toConfig)
                .toList());
    }

    /** Sets the given configurations on one domain in one BatchSetCdnDomainConfig call. */
    public void setConfigs(String domain, List<CdnModel.FunctionSetting> settings) {
        BatchSetCdnDomainConfigRequest request = new BatchSetCdnDomainConfigRequest();
        request.setDomainNames(domain);
        request.setFunctions(functionsJson(settings));
        client.call("BatchSetCdnDomainConfig " + domain, request);
    }

    public void deleteConfig(String domain, String configId) {
        DeleteSpecificConfigRequest request = new DeleteSpecificConfigRequest();
        request.setDomainName(domain);
        request.setConfigId(configId);
        client.call("DeleteSpecificConfig " + domain + " " + configId, request);
    }

    /** Turns HTTPS on with a free certificate the service issues and renews. */
    public void enableFreeCertificate(String domain) {
        SetCdnDomainSSLCertificateRequest request = new SetCdnDomainSSLCertificateRequest();
        request.setDomainName(domain);
        request.setSSLProtocol("on");
        request.setCertType("free");
        client.call("SetCdnDomainSSLCertificate " + domain, request);
    }

    /** The domain's certificate; empty when the domain does not exist, {@code off} when it has none. */
    public Optional<CdnModel.Certificate> certificate(String domain) {
        DescribeDomainCertificateInfoRequest request = new DescribeDomainCertificateInfoRequest();
        request.setDomainName(domain);
        return ifExists(() -> toCertificate(
                client.call("DescribeDomainCertificateInfo " + domain, request).getCertInfos()));
    }

    private static <T> Optional<T> ifExists(Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (CloudException e) {
            if (e.code().filter(NOT_FOUND::equals).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The Sources parameter: a JSON array of {content, type, port, priority}; absent port/priority left to the service. */
    String sourcesJson(List<CdnModel.Source> sources) {
        ArrayNode array = json.createArrayNode();
        for (CdnModel.Source s : sources) {
            ObjectNode node = array.addObject();
            node.put("content", s.content());
            node.put("type", s.type());
            s.port().ifPresent(p -> node.put("port", p));
            s.priority().ifPresent(p -> node.put("priority", p));
        }
        return array.toString();
    }

    /** The Functions parameter: [{functionName, configId?, functionArgs: [{argName, argValue}]}]. */
    String functionsJson(List<CdnModel.FunctionSetting> settings) {
        ArrayNode array = json.createArrayNode();
        for (CdnModel.FunctionSetting s : settings) {
            ObjectNode node = array.addObject();
            node.put("functionName", s.functionName());
            s.configId().ifPresent(id -> node.put("configId", Long.parseLong(id)));
            ArrayNode args = node.putArray("functionArgs");
            s.args()
                    .forEach((name, value) ->
                            args.addObject().put("argName", name).put("argValue", value));
        }
        return array.toString();
    }

    static CdnModel.Domain toDomain(DescribeCdnDomainDetailResponse.GetDomainDetailModel d) {
        return domain(
                d.getDomainName(),
                d.getCdnType(),
                d.getDomainStatus(),
                d.getSourceModels(),
                s -> source(s.getType(), s.getContent(), s.getPort(), s.getPriority()));
    }

    static CdnModel.Domain toDomain(DescribeUserDomainsResponse.PageData d) {
        return domain(
                d.getDomainName(),
                d.getCdnType(),
                d.getDomainStatus(),
                d.getSources(),
                s -> source(s.getType(), s.getContent(), s.getPort(), s.getPriority()));
    }

    /**
     * A domain as the detail call and the listing both describe it, each with its own SDK class for an origin: no
     * origin list reads as none.
     */
    private static <S> CdnModel.Domain domain(
            String name,
            String cdnType,
            String status,
            @Nullable List<S> sources,
            Function<S, CdnModel.Source> source) {
        return new CdnModel.Domain(
                name,
                cdnType,
                status,
                sources == null ? List.of() : sources.stream().map(source).toList());
    }

    /** An origin; an empty priority reads as none. */
    private static CdnModel.Source source(
            String type, String content, @Nullable Integer port, @Nullable String priority) {
        return new CdnModel.Source(
                type,
                content,
                Optional.ofNullable(port),
                Optional.ofNullable(priority).filter(p -> !p.isEmpty()));
    }

    static CdnModel.Config toConfig(DescribeCdnDomainConfigsResponse.DomainConfig c) {
        Map<String, String> args = new LinkedHashMap<>();
        if (c.getFunctionArgs() != null) {
            c.getFunctionArgs().forEach(a -> args.put(a.getArgName(), a.getArgValue() == null ? "" : a.getArgValue()));
        }
        return new CdnModel.Config(c.getFunctionName(), c.getConfigId(), args);
    }

    /** No certificate listed, or one listed with status {@code off}, both mean HTTPS is off. */
    static CdnModel.Certificate toCertificate(List<DescribeDomainCertificateInfoResponse.CertInfo> infos) {
        if (infos == null || infos.isEmpty()) {
            return new CdnModel.Certificate("off", Optional.empty());
        }
        DescribeDomainCertificateInfoResponse.CertInfo info = infos.get(0);
        String status = info.getServerCertificateStatus() == null ? "off" : info.getServerCertificateStatus();
        return new CdnModel.Certificate(
                status, Optional.ofNullable(info.getCertType()).filter(t -> !t.isEmpty()));
    }
}
