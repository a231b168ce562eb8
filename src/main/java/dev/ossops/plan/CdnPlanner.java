package dev.ossops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.spec.model.Bucket;
import dev.ossops.spec.model.Cdn;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import static dev.ossops.plan.Address.Kind;

/**
 * Plans CDN domains (type, sources) and their managed configurations: private OSS origin access (l2_oss_key,
 * always managed: false means off), HTTPS (managed when {@code https} is set) and cache TTL rules (managed when
 * listed). A domain's type cannot change in place.
 */
final class CdnPlanner {
    static final String L2_OSS_KEY = "l2_oss_key";
    static final String FILETYPE_TTL = "filetype_based_ttl_set";
    static final String PATH_TTL = "path_based_ttl_set";

    private final PlanContext ctx;

    CdnPlanner(PlanContext ctx) {
        this.ctx = ctx;
    }

    void plan(Cdn.Domain d) {
        Address address = Address.of(Kind.CDN_DOMAIN, d.name());
        Optional<Optional<Live.CdnDomain>> seen = ctx.read(address, Live.CdnDomain.class);
        if (seen.isEmpty()) {
            return;
        }
        ObjectNode want = JsonValues.JSON.objectNode();
        want.put("type", d.type());
        want.putArray("sources").add(source(d.origin()));
        boolean isNew = seen.get().isEmpty();
        JsonNode have = seen.get()
                .map(live -> {
                    ObjectNode h = JsonValues.JSON.objectNode();
                    h.put("type", live.type());
                    ArrayNode sources = h.putArray("sources");
                    live.sources().forEach(s -> sources.add(JsonValues.of(s)));
                    return (JsonNode) h;
                })
                .orElse(PlanContext.none());
        PlanContext.Normalised n = ctx.normalise(want, have, List.of(Normalization.CDN_SOURCE_DEFAULTS));
        if (!isNew && !n.desired().path("type").equals(n.live().path("type"))) {
            String what = "type (live " + n.live().path("type").asText() + ", profile " + d.type() + ")";
            ctx.addChange(new Change(
                    address,
                    Action.REPLACE,
                    n.live(),
                    n.desired(),
                    Diffs.between(n.live(), n.desired()),
                    List.of("create-only: " + what),
                    List.of(new Danger(
                            DangerRule.CREATE_ONLY_CHANGED, what + " can only be set when the domain is added")),
                    List.of()));
            ctx.error(
                    address,
                    what + " can only be set when the domain is added; ossops never deletes a CDN domain to "
                            + "replace it: change the profile to match");
            return;
        }
        List<String> reasons = seen.get()
                .filter(l -> !l.status().equals("online"))
                .map(l -> List.of("domain is " + l.status() + " live"))
                .orElse(List.of());
        ctx.add(address, n.live(), n.desired(), false, isNew ? List.of("domain is not added") : reasons);
        privateOssAuth(d, isNew);
        d.httpsCertificate().ifPresent(cert -> https(d.name(), cert, isNew));
        if (!d.cacheTtl().isEmpty()) {
            cacheTtl(d, isNew);
        }
    }

    private JsonNode source(Cdn.Origin origin) {
        ObjectNode s = JsonValues.JSON.objectNode();
        if (origin instanceof Cdn.Origin.OssBucket b) {
            ctx.note(Normalization.CDN_OSS_ORIGIN);
            String region = Optional.ofNullable(ctx.profile.buckets().get(b.bucket()))
                    .flatMap(Bucket::region)
                    .orElse(ctx.profile.region());
            s.put("type", "oss");
            s.put("content", b.bucket() + ".oss-" + region + ".aliyuncs.com");
        } else if (origin instanceof Cdn.Origin.DomainName n) {
            s.put("type", "domain");
            s.put("content", n.domain());
        } else if (origin instanceof Cdn.Origin.Ip ip) {
            s.put("type", "ipaddr");
            s.put("content", ip.address());
        }
        return s;
    }

    private void privateOssAuth(Cdn.Domain d, boolean isNew) {
        Address address = Address.of(Kind.CDN_PRIVATE_OSS_AUTH, d.name());
        ObjectNode want = JsonValues.JSON.objectNode();
        want.put("private_oss_auth", d.privateOssAuth() ? "on" : "off");
        JsonNode have = PlanContext.none();
        if (!isNew) {
            Optional<Optional<Live.CdnFunctions>> seen = ctx.read(address, Live.CdnFunctions.class);
            if (seen.isEmpty()) {
                return;
            }
            List<Live.CdnFunction> functions =
                    seen.get().map(Live.CdnFunctions::functions).orElse(List.of());
            if (functions.size() > 1) {
                ctx.error(
                        address,
                        "found " + functions.size() + " l2_oss_key configurations live; a domain has at most one");
                return;
            }
            if (!functions.isEmpty()) {
                have = JsonValues.of(functions.get(0).args());
            }
        }
        ctx.compare(address, want, have, List.of(Normalization.CDN_L2_OSS_KEY_ARGS), isNew, List.of());
    }

    private void https(String domain, String certificate, boolean isNew) {
        Address address = Address.of(Kind.CDN_HTTPS, domain);
        ObjectNode want = JsonValues.JSON.objectNode();
        want.put("enabled", true);
        want.put("certificateType", certificate);
        JsonNode have = PlanContext.none();
        if (!isNew) {
            Optional<Optional<Live.CdnCertificate>> seen = ctx.read(address, Live.CdnCertificate.class);
            if (seen.isEmpty()) {
                return;
            }
            have = seen.get()
                    .filter(Live.CdnCertificate::enabled)
                    .map(JsonValues::of)
                    .orElse(PlanContext.none());
        }
        ctx.add(address, have, want, isNew, List.of());
    }

    private void cacheTtl(Cdn.Domain d, boolean isNew) {
        Address address = Address.of(Kind.CDN_CACHE_TTL, d.name());
        ArrayNode want = JsonValues.JSON.arrayNode();
        for (Cdn.CacheTtl ttl : d.cacheTtl()) {
            if (!ttl.fileTypes().isEmpty()) {
                want.add(ttlRule("fileTypes", JsonValues.of(ttl.fileTypes()), ttl.ttlSeconds()));
            }
            // path_based_ttl_set takes one path per configuration.
            ttl.paths().forEach(p -> want.add(ttlRule("paths", JsonValues.of(List.of(p)), ttl.ttlSeconds())));
        }
        JsonNode have = PlanContext.none();
        if (!isNew) {
            Optional<Optional<Live.CdnFunctions>> seen = ctx.read(address, Live.CdnFunctions.class);
            if (seen.isEmpty()) {
                return;
            }
            ArrayNode rules = JsonValues.JSON.arrayNode();
            for (Live.CdnFunction f :
                    seen.get().map(Live.CdnFunctions::functions).orElse(List.of())) {
                Optional<JsonNode> rule = liveTtl(f);
                if (rule.isEmpty()) {
                    ctx.error(
                            address,
                            "live " + f.functionName() + " configuration " + f.configId()
                                    + " cannot be represented in a profile (arguments "
                                    + new TreeSet<>(f.args().keySet())
                                    + "); ossops will not overwrite it");
                    return;
                }
                rules.add(rule.get());
            }
            have = rules;
        }
        ctx.compare(address, want, have, List.of(Normalization.CDN_TTL_ARGS), isNew, List.of());
    }

    private static ObjectNode ttlRule(String field, JsonNode values, long ttl) {
        ObjectNode rule = JsonValues.JSON.objectNode();
        rule.set(field, values);
        rule.put("ttlSeconds", ttl);
        return rule;
    }

    private static Optional<JsonNode> liveTtl(Live.CdnFunction f) {
        String field = f.functionName().equals(FILETYPE_TTL)
                ? "file_type"
                : f.functionName().equals(PATH_TTL) ? "path" : null;
        String ttl = f.args().get("ttl");
        if (field == null
                || ttl == null
                || !ttl.matches("\\d{1,12}")
                || !f.args().containsKey(field)) {
            return Optional.empty();
        }
        List<String> values = field.equals("path")
                ? List.of(f.args().get(field))
                : List.of(f.args().get(field).split(","));
        ObjectNode rule =
                ttlRule(field.equals("path") ? "paths" : "fileTypes", JsonValues.of(values), Long.parseLong(ttl));
        if (f.args().containsKey("weight")) {
            rule.put("weight", f.args().get("weight"));
        }
        return Optional.of(rule);
    }
}
