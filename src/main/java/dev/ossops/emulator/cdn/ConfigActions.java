package dev.ossops.emulator.cdn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.emulator.rpc.Params;
import dev.ossops.emulator.rpc.RpcCall;
import dev.ossops.emulator.rpc.RpcJson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Domain configs: BatchSetCdnDomainConfig, DescribeCdnDomainConfigs, DeleteSpecificConfig. */
final class ConfigActions {
    private final CdnStore store;
    private final CdnFunctions functions;

    ConfigActions(CdnStore store, CdnFunctions functions) {
        this.store = store;
        this.functions = functions;
    }

    void register(Map<String, Function<RpcCall, ObjectNode>> actions) {
        actions.put("BatchSetCdnDomainConfig", this::batchSet);
        actions.put("DescribeCdnDomainConfigs", this::describe);
        actions.put("DeleteSpecificConfig", this::delete);
    }

    /** One entry of the Functions parameter after validation. */
    private record Requested(String functionName, Optional<Long> configId, List<CdnFunctionArg> args) {}

    private ObjectNode batchSet(RpcCall call) {
        Params p = call.params();
        List<String> domainNames = split(p.required("DomainNames"));
        List<Requested> requested = new ArrayList<>();
        for (JsonNode function : CdnJson.array("Functions", p.required("Functions"))) {
            String name = function.path("functionName").asText("");
            List<CdnFunctionArg> args = new ArrayList<>();
            for (JsonNode arg : function.path("functionArgs")) {
                args.add(new CdnFunctionArg(
                        arg.path("argName").asText(""), arg.path("argValue").asText("")));
            }
            Optional<Long> configId = function.hasNonNull("configId")
                    ? Optional.of(function.path("configId").asLong())
                    : Optional.empty();
            requested.add(new Requested(name, configId, functions.normalise(name, args)));
        }
        return store.mutate(() -> {
            List<CdnDomain> domains = domainNames.stream().map(store::domain).toList();
            List<CdnConfig> changed = new ArrayList<>();
            for (CdnDomain domain : domains) {
                for (Requested r : requested) {
                    long id = target(domain, r).orElseGet(() -> store.nextConfigId++);
                    CdnConfig config = new CdnConfig(id, domain.domainName(), r.functionName(), r.args(), "success");
                    store.configs.put(id, config);
                    changed.add(config);
                }
            }
            ObjectNode out = RpcJson.object();
            out.set("DomainConfigList", RpcJson.list("DomainConfigModel", changed, c -> {
                ObjectNode node = RpcJson.object();
                node.put("ConfigId", c.configId());
                node.put("DomainName", c.domainName());
                node.put("FunctionName", c.functionName());
                return node;
            }));
            return out;
        });
    }

    /** The config an entry replaces: the one named by configId, or the single instance of its function. */
    private Optional<Long> target(CdnDomain domain, Requested r) {
        if (r.configId().isPresent()) {
            CdnConfig existing = store.configs.get(r.configId().get());
            if (existing == null
                    || !existing.domainName().equals(domain.domainName())
                    || !existing.functionName().equals(r.functionName())) {
                throw CdnErrors.configNotFound();
            }
            return r.configId();
        }
        if (CdnFunctions.multiInstance(r.functionName())) {
            return Optional.empty();
        }
        return store.configs.values().stream()
                .filter(c -> c.domainName().equals(domain.domainName())
                        && c.functionName().equals(r.functionName()))
                .map(CdnConfig::configId)
                .findFirst();
    }

    private ObjectNode describe(RpcCall call) {
        Params p = call.params();
        String name = p.required("DomainName");
        Set<String> names =
                Set.copyOf(p.optional("FunctionNames").map(ConfigActions::split).orElse(List.of()));
        Optional<String> configId = p.optional("ConfigId");
        return store.query(() -> {
            CdnDomain domain = store.domain(name);
            List<CdnConfig> configs = store.configs.values().stream()
                    .filter(c -> c.domainName().equals(domain.domainName()))
                    .filter(c -> names.isEmpty() || names.contains(c.functionName()))
                    .filter(c -> configId.map(id -> id.equals(Long.toString(c.configId())))
                            .orElse(true))
                    .toList();
            ObjectNode out = RpcJson.object();
            out.set("DomainConfigs", RpcJson.list("DomainConfig", configs, c -> {
                ObjectNode node = RpcJson.object();
                node.put("ConfigId", Long.toString(c.configId()));
                node.put("FunctionName", c.functionName());
                node.put("Status", c.status());
                node.put("ParentId", "");
                node.set("FunctionArgs", RpcJson.list("FunctionArg", c.args(), a -> {
                    ObjectNode arg = RpcJson.object();
                    arg.put("ArgName", a.argName());
                    arg.put("ArgValue", a.argValue());
                    return arg;
                }));
                return node;
            }));
            return out;
        });
    }

    private ObjectNode delete(RpcCall call) {
        Params p = call.params();
        String name = p.required("DomainName");
        List<String> ids = split(p.required("ConfigId"));
        return store.mutate(() -> {
            CdnDomain domain = store.domain(name);
            List<Long> found = new ArrayList<>();
            for (String id : ids) {
                CdnConfig config = parse(id)
                        .map(store.configs::get)
                        .filter(c -> c.domainName().equals(domain.domainName()))
                        .orElseThrow(CdnErrors::configNotFound);
                found.add(config.configId());
            }
            found.forEach(store.configs::remove);
            return RpcJson.object();
        });
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(ArrayList::new));
    }
}
