package dev.ossops.apply.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.cdn.CdnGateway;
import dev.ossops.cloud.cdn.CdnModel;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.cloud.ram.RamModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exports the account's RAM (custom policies with their default documents, roles with trust documents, users, and
 * the policies attached to each) and CDN domains (origin, private OSS access, free HTTPS certificate, cache TTL
 * rules) into a profile tree, in the shapes the planner compares, so the export plans no changes. A domain a
 * profile cannot express is left out with a warning; a failed read is an error.
 */
public final class AccountExporter {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An OSS origin as CDN stores it: {@code BUCKET.oss-REGION.aliyuncs.com}. */
    private static final Pattern OSS_ORIGIN =
            Pattern.compile("^([a-z0-9][a-z0-9-]{1,61}[a-z0-9])\\.oss-([a-z0-9-]+)\\.aliyuncs\\.com$");

    private static final String L2_OSS_KEY = "l2_oss_key";
    private static final String FILETYPE_TTL = "filetype_based_ttl_set";
    private static final String PATH_TTL = "path_based_ttl_set";
    /** The origin port and priority ossops writes; others cannot be expressed in a profile. */
    private static final int ORIGIN_PORT = 80;

    private static final String ORIGIN_PRIORITY = "20";

    private final String region;
    private final Map<String, JsonNode> documents;
    private final List<String> warnings;
    private final List<String> errors;

    private AccountExporter(
            String region, Map<String, JsonNode> documents, List<String> warnings, List<String> errors) {
        this.region = region;
        this.documents = documents;
        this.warnings = warnings;
        this.errors = errors;
    }

    /**
     * {@code base} (the buckets' export) with {@code ram:} and {@code cdn:} added when their gateways are given.
     *
     * @param region the exported profile's region: OSS origins in another region cannot be expressed
     */
    public static Export extend(Export base, String region, Optional<RamGateway> ram, Optional<CdnGateway> cdn) {
        ObjectNode root = base.profile().deepCopy();
        AccountExporter exporter = new AccountExporter(
                region,
                new LinkedHashMap<>(base.documents()),
                new ArrayList<>(base.warnings()),
                new ArrayList<>(base.errors()));
        ram.ifPresent(gateway -> exporter.ram(root, gateway));
        cdn.ifPresent(gateway -> exporter.cdn(root, gateway));
        return new Export(root, exporter.documents, exporter.warnings, exporter.errors);
    }

    /** Adds {@code ram:} to {@code root}. */
    private void ram(ObjectNode root, RamGateway gateway) {
        ObjectNode ram = JSON.createObjectNode();
        try {
            ObjectNode policies = ram.putObject("policies");
            for (String name : gateway.customPolicyNames()) {
                if (!LiveNames.ramPolicy(name, errors)) {
                    continue;
                }
                Optional<RamModel.Policy> policy = gateway.policy(name, RamGateway.CUSTOM);
                if (policy.isEmpty()) {
                    continue; // deleted between the listing and the read: not live any more
                }
                ObjectNode p = policies.putObject(name);
                policy.get().description().ifPresent(d -> p.put("description", d));
                p.put(
                        "document",
                        document("policies/ram-" + name + ".json", policy.get().defaultDocument(), "policy " + name));
            }
            principals(
                    ram.putObject("roles"),
                    gateway,
                    RamGateway.Principal.ROLE,
                    gateway.roleNames(),
                    LiveNames::ramRole,
                    gateway::role,
                    (r, name, role) -> {
                        role.description().ifPresent(d -> r.put("description", d));
                        r.put(
                                "trust",
                                document("policies/trust-" + name + ".json", role.trustDocument(), "role " + name));
                        role.maxSessionDuration().ifPresent(m -> r.put("maxSessionDuration", m));
                    });
            principals(
                    ram.putObject("users"),
                    gateway,
                    RamGateway.Principal.USER,
                    gateway.userNames(),
                    LiveNames::ramUser,
                    gateway::user,
                    (u, name, user) -> user.displayName().ifPresent(d -> u.put("displayName", d)));
        } catch (CloudException e) {
            errors.add(e.getMessage());
            return;
        }
        root.set("ram", ram);
    }

    /** How one kind of principal's own fields are written into its node. */
    private interface PrincipalFields<T> {
        void write(ObjectNode into, String name, T principal);
    }

    /**
     * Adds to {@code section} each role or user whose name the profile accepts and whose entity and attached policies
     * could be read (one deleted since the listing is not live any more).
     */
    private <T> void principals(
            ObjectNode section,
            RamGateway gateway,
            RamGateway.Principal kind,
            List<String> names,
            BiPredicate<String, List<String>> validName,
            Function<String, Optional<T>> read,
            PrincipalFields<T> fields) {
        for (String name : names) {
            if (!validName.test(name, errors)) {
                continue;
            }
            Optional<T> principal = read.apply(name);
            Optional<List<RamModel.AttachedPolicy>> attached = gateway.attachedPolicies(kind, name);
            if (principal.isEmpty() || attached.isEmpty()) {
                continue;
            }
            ObjectNode node = section.putObject(name);
            fields.write(node, name, principal.get());
            attachments(node, attached.get());
        }
    }

    private static void attachments(ObjectNode into, List<RamModel.AttachedPolicy> attached) {
        ArrayNode names = into.putArray("policies");
        attached.stream().map(RamModel.AttachedPolicy::policyName).sorted().forEach(names::add);
    }

    /** Stores {@code text} as the document at {@code path}; returns the path for the profile to reference. */
    private String document(String path, String text, String owner) {
        try {
            documents.put(path, JSON.readTree(text));
        } catch (JsonProcessingException e) {
            errors.add(owner + ": the live document is not JSON: " + e.getOriginalMessage());
        }
        return path;
    }

    /** Adds {@code cdn:} to {@code root}. */
    private void cdn(ObjectNode root, CdnGateway gateway) {
        ObjectNode cdn = JSON.createObjectNode();
        ObjectNode domains = cdn.putObject("domains");
        try {
            for (String name : gateway.domainNames()) {
                Optional<CdnModel.Domain> domain = gateway.domain(name);
                if (domain.isEmpty()) {
                    continue;
                }
                Optional<ObjectNode> origin = origin(domain.get());
                if (origin.isEmpty()) {
                    continue;
                }
                ObjectNode d = JSON.createObjectNode();
                d.put("type", domain.get().cdnType());
                d.set("origin", origin.get());
                List<CdnModel.Config> l2 =
                        gateway.configs(name, List.of(L2_OSS_KEY)).orElse(List.of());
                if (l2.stream().anyMatch(c -> "on".equals(c.args().get("private_oss_auth")))) {
                    d.put("privateOssAuth", true);
                }
                Optional<CdnModel.Certificate> certificate = gateway.certificate(name);
                if (certificate.isPresent() && "on".equals(certificate.get().serverCertificateStatus())) {
                    if (certificate.get().certType().filter("free"::equals).isPresent()) {
                        d.putObject("https").put("certificate", "free");
                    } else {
                        warnings.add("cdn " + name + ".https left out: certificate type "
                                + certificate.get().certType().orElse("(none)")
                                + " is not a free certificate, the only kind a profile can express");
                    }
                }
                ArrayNode ttl = JSON.createArrayNode();
                for (CdnModel.Config c :
                        gateway.configs(name, List.of(FILETYPE_TTL, PATH_TTL)).orElse(List.of())) {
                    ObjectNode rule = ttl.addObject();
                    if (c.functionName().equals(FILETYPE_TTL)) {
                        ArrayNode types = rule.putArray("fileTypes");
                        for (String t : c.args().getOrDefault("file_type", "").split(",", -1)) {
                            if (!t.isBlank()) {
                                types.add(t.trim());
                            }
                        }
                    } else {
                        rule.putArray("paths").add(c.args().getOrDefault("path", ""));
                    }
                    rule.put("ttlSeconds", Long.parseLong(c.args().getOrDefault("ttl", "0")));
                }
                if (!ttl.isEmpty()) {
                    d.set("cacheTtl", ttl);
                }
                domains.set(name, d);
            }
        } catch (CloudException e) {
            errors.add(e.getMessage());
            return;
        }
        root.set("cdn", cdn);
    }

    /** The profile origin of a domain with one origin on port 80 at priority 20; empty (and a warning) otherwise. */
    private Optional<ObjectNode> origin(CdnModel.Domain d) {
        if (d.sources().size() != 1) {
            warnings.add("cdn " + d.name() + " left out: it has " + d.sources().size()
                    + " origins; a profile expresses exactly one");
            return Optional.empty();
        }
        CdnModel.Source s = d.sources().get(0);
        if (s.port().orElse(ORIGIN_PORT) != ORIGIN_PORT
                || !s.priority().orElse(ORIGIN_PRIORITY).equals(ORIGIN_PRIORITY)) {
            warnings.add("cdn " + d.name() + " left out: its origin uses port "
                    + s.port().orElse(ORIGIN_PORT) + " and priority "
                    + s.priority().orElse(ORIGIN_PRIORITY) + "; a profile expresses port 80, priority 20");
            return Optional.empty();
        }
        ObjectNode origin = JSON.createObjectNode();
        switch (s.type()) {
            case "oss" -> {
                Matcher m = OSS_ORIGIN.matcher(s.content());
                if (!m.matches() || !m.group(2).equals(region)) {
                    warnings.add("cdn " + d.name() + " left out: OSS origin " + s.content()
                            + " is not a bucket of region " + region);
                    return Optional.empty();
                }
                origin.put("ossBucket", m.group(1));
            }
            case "domain" -> origin.put("domain", s.content());
            case "ipaddr" -> origin.put("ip", s.content());
            default -> {
                warnings.add("cdn " + d.name() + " left out: origin type " + s.type() + " has no profile form");
                return Optional.empty();
            }
        }
        return Optional.of(origin);
    }
}
