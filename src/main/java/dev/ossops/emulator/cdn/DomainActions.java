package dev.ossops.emulator.cdn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.emulator.rpc.Params;
import dev.ossops.emulator.rpc.RpcCall;
import dev.ossops.emulator.rpc.RpcJson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Domains: add, describe, list, modify origins, start, stop, delete. Changes put a domain in
 * {@code configuring}; it reads as {@code online} once the configured propagation delay passed.
 */
final class DomainActions {
    private static final Pattern DOMAIN =
            Pattern.compile("(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Set<String> CDN_TYPES = Set.of("web", "download", "video");
    private static final Set<String> SCOPES = Set.of("domestic", "overseas", "global");
    private static final Set<String> SOURCE_TYPES = Set.of("oss", "domain", "ipaddr");
    private static final Set<String> PRIORITIES = Set.of("20", "30");
    private static final Set<String> SEARCH_TYPES = Set.of("fuzzy_match", "pre_match", "suf_match", "full_match");

    private final CdnStore store;
    private final Duration propagation;

    DomainActions(CdnStore store, Duration propagation) {
        this.store = store;
        this.propagation = propagation;
    }

    void register(Map<String, Function<RpcCall, ObjectNode>> actions) {
        actions.put("AddCdnDomain", this::add);
        actions.put("DescribeCdnDomainDetail", this::detail);
        actions.put("DescribeUserDomains", this::list);
        actions.put("ModifyCdnDomain", this::modify);
        actions.put("DeleteCdnDomain", this::delete);
        actions.put("StartCdnDomain", call -> setStatus(call, true));
        actions.put("StopCdnDomain", call -> setStatus(call, false));
    }

    private ObjectNode add(RpcCall call) {
        Params p = call.params();
        String name = domainName(p.required("DomainName"));
        String cdnType = oneOf("CdnType", p.required("CdnType"), CDN_TYPES);
        List<CdnSource> sources = sources(p.required("Sources"));
        String scope = oneOf("Scope", p.optional("Scope", "domestic"), SCOPES);
        String now = RpcJson.date(call.now());
        return store.mutate(() -> {
            if (store.domains.containsKey(CdnStore.key(name))) {
                throw CdnErrors.domainExists();
            }
            CdnDomain domain = new CdnDomain(
                    name,
                    store.nextDomainId++,
                    cdnType,
                    scope,
                    p.optional("Description").orElse(null),
                    p.optional("ResourceGroupId", "rg-default"),
                    sources,
                    CdnDomain.CONFIGURING,
                    readyAt(call.now()),
                    now,
                    now,
                    "off",
                    null);
            store.domains.put(CdnStore.key(name), domain);
            return RpcJson.object();
        });
    }

    private ObjectNode detail(RpcCall call) {
        String name = call.params().required("DomainName");
        return store.query(() -> {
            CdnDomain d = store.domain(name);
            ObjectNode model = RpcJson.object();
            model.put("DomainName", d.domainName());
            model.put("Cname", d.cname());
            model.put("CdnType", d.cdnType());
            model.put("DomainStatus", d.statusAt(call.now()));
            model.put("Scope", d.scope());
            model.put("ResourceGroupId", d.resourceGroupId());
            model.put("ServerCertificateStatus", d.sslProtocol());
            model.put("HttpsCname", "on".equals(d.sslProtocol()) ? d.cname() : "");
            if (d.description() != null) {
                model.put("Description", d.description());
            }
            model.put("GmtCreated", d.gmtCreated());
            model.put("GmtModified", d.gmtModified());
            model.set("SourceModels", RpcJson.list("SourceModel", d.sources(), s -> {
                ObjectNode node = CdnJson.source(s);
                node.put("Enabled", "online");
                return node;
            }));
            ObjectNode out = RpcJson.object();
            out.set("GetDomainDetailModel", model);
            return out;
        });
    }

    private ObjectNode list(RpcCall call) {
        Params p = call.params();
        int pageSize = range("PageSize", p.integer("PageSize").orElse(20), 1, 500);
        int pageNumber = range("PageNumber", p.integer("PageNumber").orElse(1), 1, 100_000);
        String searchType = oneOf("DomainSearchType", p.optional("DomainSearchType", "fuzzy_match"), SEARCH_TYPES);
        return store.query(() -> {
            List<CdnDomain> matching = store.domains.values().stream()
                    .filter(d -> p.optional("DomainName")
                            .map(n -> nameMatches(d.domainName(), n.toLowerCase(Locale.ROOT), searchType))
                            .orElse(true))
                    .filter(d -> p.optional("DomainStatus")
                            .map(s -> s.equals(d.statusAt(call.now())))
                            .orElse(true))
                    .filter(d -> p.optional("CdnType")
                            .map(t -> t.equals(d.cdnType()))
                            .orElse(true))
                    .sorted(Comparator.comparing(CdnDomain::domainName))
                    .toList();
            return CdnJson.page(matching, pageNumber, pageSize, "Domains", "PageData", d -> {
                ObjectNode node = RpcJson.object();
                node.put("DomainName", d.domainName());
                node.put("DomainId", d.domainId());
                node.put("Cname", d.cname());
                node.put("CdnType", d.cdnType());
                node.put("DomainStatus", d.statusAt(call.now()));
                node.put("SslProtocol", d.sslProtocol());
                node.put("Coverage", d.scope());
                node.put("Sandbox", "normal");
                node.put("ResourceGroupId", d.resourceGroupId());
                if (d.description() != null) {
                    node.put("Description", d.description());
                }
                node.put("GmtCreated", d.gmtCreated());
                node.put("GmtModified", d.gmtModified());
                node.set("Sources", RpcJson.list("Source", d.sources(), CdnJson::source));
                return node;
            });
        });
    }

    private ObjectNode modify(RpcCall call) {
        Params p = call.params();
        String name = p.required("DomainName");
        List<CdnSource> sources = sources(p.required("Sources"));
        String now = RpcJson.date(call.now());
        return store.mutate(() -> {
            CdnDomain domain = store.domain(name);
            store.domains.put(
                    CdnStore.key(name), domain.withSources(sources, CdnDomain.CONFIGURING, readyAt(call.now()), now));
            return RpcJson.object();
        });
    }

    private ObjectNode delete(RpcCall call) {
        String name = call.params().required("DomainName");
        return store.mutate(() -> {
            CdnDomain domain = store.domain(name);
            store.domains.remove(CdnStore.key(name));
            store.configs.values().removeIf(c -> c.domainName().equals(domain.domainName()));
            return RpcJson.object();
        });
    }

    private ObjectNode setStatus(RpcCall call, boolean start) {
        String name = call.params().required("DomainName");
        String now = RpcJson.date(call.now());
        return store.mutate(() -> {
            CdnDomain domain = store.domain(name);
            CdnDomain updated = start
                    ? domain.withSources(domain.sources(), CdnDomain.CONFIGURING, readyAt(call.now()), now)
                    : domain.withSources(domain.sources(), CdnDomain.OFFLINE, domain.readyAt(), now);
            store.domains.put(CdnStore.key(name), updated);
            return RpcJson.object();
        });
    }

    private String readyAt(Instant now) {
        return now.plus(propagation).toString();
    }

    private static boolean nameMatches(String domain, String search, String type) {
        return switch (type) {
            case "pre_match" -> domain.startsWith(search);
            case "suf_match" -> domain.endsWith(search);
            case "full_match" -> domain.equals(search);
            default -> domain.contains(search);
        };
    }

    static String domainName(String raw) {
        String name = raw.toLowerCase(Locale.ROOT);
        if (name.length() > 253 || !DOMAIN.matcher(name).matches()) {
            throw CdnErrors.malformed("DomainName");
        }
        return name;
    }

    private static String oneOf(String parameter, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw CdnErrors.malformed(parameter);
        }
        return value;
    }

    private static int range(String parameter, int value, int min, int max) {
        if (value < min || value > max) {
            throw CdnErrors.malformed(parameter);
        }
        return value;
    }

    /** Parses {@code [{"content","type","port","priority","weight"}]}, filling the documented defaults. */
    static List<CdnSource> sources(String json) {
        List<CdnSource> out = new ArrayList<>();
        for (JsonNode node : CdnJson.array("Sources", json)) {
            String content = node.path("content").asText("");
            String type = node.path("type").asText("");
            if (content.isEmpty()) {
                throw CdnErrors.malformed("Sources");
            }
            if (!SOURCE_TYPES.contains(type)) {
                throw CdnErrors.malformed("Sources");
            }
            int port = node.path("port").asInt(80);
            if (port < 1 || port > 65535) {
                throw CdnErrors.malformed("Sources");
            }
            String priority = node.path("priority").asText("20");
            if (!PRIORITIES.contains(priority)) {
                throw CdnErrors.malformed("Sources");
            }
            String weight = node.path("weight").asText("10");
            if (!weight.matches("\\d{1,3}") || Integer.parseInt(weight) > 100) {
                throw CdnErrors.malformed("Sources");
            }
            out.add(new CdnSource(content, type, port, priority, weight));
        }
        return out;
    }
}
