package dev.ossops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * THE table of normalisations: every way ossops treats two spellings as the same configuration. Each rule works on
 * the JSON form of one kind of value, desired and live alike; a JSON null means "not configured". The planner
 * records each rule that changed a value it compared, and {@code plan --verbose} prints them.
 */
public enum Normalization {
    BUCKET_CREATE_DEFAULTS(
            "bucket.create-defaults",
            "storageClass absent = Standard, redundancy absent = LRS",
            "PutBucket creates Standard LRS buckets when the profile names neither, and GetBucketInfo reports them",
            n -> withDefaults(n, "storageClass", "Standard", "redundancy", "LRS")),
    VERSIONING_NEVER_ENABLED(
            "versioning.never-enabled",
            "an empty versioning Status = not configured",
            "GetBucketVersioning answers an empty Status for a bucket that never had versioning",
            n -> n.isTextual() && n.asText().isEmpty() ? NullNode.getInstance() : n),
    ENCRYPTION_EMPTY_KEY(
            "encryption.empty-kms-key",
            "an empty KMSMasterKeyID = none",
            "OSS reports an empty KMSMasterKeyID when KMS uses the default managed key",
            n -> dropIf(n, "kmsKeyId", v -> v.isTextual() && v.asText().isEmpty())),
    BLOCK_PUBLIC_ACCESS_OFF(
            "block_public_access.off",
            "BlockPublicAccess false = not configured",
            "a bucket without the setting reports false; deleting it and setting false mean the same",
            n -> n.isBoolean() && !n.asBoolean() ? NullNode.getInstance() : n),
    CORS_RULE_SET(
            "cors.rule-set",
            "CORS rules compared as a set; no rules = not configured",
            "GetBucketCors does not report rules in a stable order, and a configuration without rules allows nothing",
            n -> n.path("rules").isEmpty() ? NullNode.getInstance() : sortArray(n, "rules")),
    CORS_VALUE_SETS(
            "cors.value-sets",
            "origins, methods and headers compared as sets, methods in upper case, header names in lower case",
            "HTTP methods are case-sensitive upper case on the wire and header names are case-insensitive",
            Normalization::corsValues),
    CORS_RESPONSE_VARY(
            "cors.response-vary-false",
            "ResponseVary false = absent",
            "GetBucketCors reports ResponseVary false when it was never set",
            n -> dropIf(n, "responseVary", v -> v.isBoolean() && !v.asBoolean())),
    LIFECYCLE_BY_ID(
            "lifecycle.by-id",
            "lifecycle rules keyed by ID, order ignored; no rules = not configured",
            "rule IDs are unique in a configuration; GetBucketLifecycle does not keep the order of the documents",
            Normalization::lifecycleById),
    LIFECYCLE_FALSE_FLAGS(
            "lifecycle.false-flags",
            "IsAccessTime, ReturnToStdWhenVisit, AllowSmallFile and ExpiredObjectDeleteMarker false = absent",
            "the service reports these flags as false when the document left them out",
            n -> dropFalse(
                    n, Set.of("isAccessTime", "returnToStdWhenVisit", "allowSmallFile", "expiredObjectDeleteMarker"))),
    LIFECYCLE_DATE_DAY(
            "lifecycle.date-day",
            "CreatedBeforeDate/Date 2026-01-01T00:00:00.000Z = 2026-01-01",
            "OSS stores these dates as midnight UTC and reports them in full ISO 8601",
            Normalization::midnightDates),
    LIFECYCLE_FILTER_SETS(
            "lifecycle.filter-sets",
            "rule tags and Filter.Not entries compared as sets, transitions ordered by days",
            "a rule matches the same objects whatever order its tags and exclusions are listed in",
            Normalization::lifecycleSets),
    POLICY_MEANING(
            "policy.meaning",
            "policy documents compared by meaning",
            "string vs one-element list, Action/Resource/Statement order, duplicates and whitespace do not change what a policy grants (dev.ossops.policy.PolicyNormalizer)",
            UnaryOperator.identity()),
    TAGS_KEY_ORDER(
            "tags.key-order",
            "tags compared as a map, key order ignored; no tags = not configured",
            "GetBucketTags returns tags in its own order",
            Normalization::sortKeys),
    REFERER_UNSET(
            "referer.unset",
            "AllowEmptyReferer true, AllowTruncateQueryString true and empty lists = not configured",
            "GetBucketReferer answers exactly that for a bucket that never had hotlink protection",
            Normalization::refererUnset),
    REFERER_LIST_SETS(
            "referer.list-sets",
            "referer white and black lists compared as sets",
            "OSS checks a Referer against every entry; order does not matter",
            n -> sortArray(sortArray(n, "allowed"), "blacklist")),
    REPLICATION_PREFIX_SET(
            "replication.prefix-set",
            "replication prefixes and actions compared as sets; ALL = ABORT,DELETE,PUT",
            "a rule replicates the same objects whatever the order; ALL is documented as every action",
            Normalization::replicationSets),
    ROLE_MAX_SESSION_DEFAULT(
            "ram.role.max-session-default",
            "role MaxSessionDuration absent = 3600",
            "CreateRole uses 3600 seconds when none is given",
            n -> withDefaults(n, "maxSessionDuration", 3600L)),
    RAM_DESCRIPTION_UNMANAGED(
            "ram.description-unmanaged",
            "a description (or displayName) the profile leaves out is not compared",
            "descriptions written in the console are kept; ossops only sets one the profile names",
            UnaryOperator.identity()),
    CDN_SOURCE_DEFAULTS(
            "cdn.source-defaults",
            "CDN origin port absent = 80, priority absent = 20, sources compared as a set",
            "AddCdnDomain stores port 80 and priority 20 when the request leaves them out",
            Normalization::cdnSources),
    CDN_OSS_ORIGIN(
            "cdn.oss-origin-domain",
            "origin ossBucket B = source {type oss, content B.oss-REGION.aliyuncs.com}",
            "an OSS origin is stored as the bucket's public endpoint host name",
            UnaryOperator.identity()),
    CDN_L2_OSS_KEY_ARGS(
            "cdn.l2-oss-key-args",
            "l2_oss_key compared by private_oss_auth only; off = not configured",
            "the service adds perm_private_oss_tbl (which holds an AccessKey), private_oss_tbl and private_oss_ram_unauthorized; "
                    + "comparing them gives perpetual diffs (terraform-provider-alicloud #3819, #9833) and they must never be shown",
            Normalization::l2OssKey),
    CDN_TTL_ARGS(
            "cdn.ttl-args",
            "cache TTL rules compared as a set; file types lower case and sorted; weight ignored",
            "filetype_based_ttl_set/path_based_ttl_set store a weight the profile does not set, and file types in any case",
            Normalization::cacheTtl);

    private final String id;
    private final String what;
    private final String why;

    @SuppressWarnings("ImmutableEnumChecker") // every rule is a stateless method reference or lambda
    private final UnaryOperator<JsonNode> rule;

    Normalization(String id, String what, String why, UnaryOperator<JsonNode> rule) {
        this.id = id;
        this.what = what;
        this.why = why;
        this.rule = rule;
    }

    public String id() {
        return id;
    }

    public String what() {
        return what;
    }

    public String why() {
        return why;
    }

    /** The normalised copy of {@code node}; the argument is never modified. */
    JsonNode apply(JsonNode node) {
        return node.isNull() ? node : rule.apply(node.deepCopy());
    }

    private static JsonNode withDefaults(JsonNode n, Object... keyValues) {
        if (n instanceof ObjectNode o) {
            for (int i = 0; i < keyValues.length; i += 2) {
                String key = (String) keyValues[i];
                if (!o.hasNonNull(key)) {
                    o.set(key, JsonValues.of(keyValues[i + 1]));
                }
            }
        }
        return n;
    }

    private static JsonNode dropIf(JsonNode n, String field, java.util.function.Predicate<JsonNode> test) {
        if (n instanceof ObjectNode o && o.has(field) && test.test(o.get(field))) {
            o.remove(field);
        }
        return n;
    }

    private static JsonNode dropFalse(JsonNode n, Set<String> fields) {
        if (n instanceof ObjectNode o) {
            List<String> drop = new ArrayList<>();
            o.properties().forEach(e -> {
                if (fields.contains(e.getKey())
                        && e.getValue().isBoolean()
                        && !e.getValue().asBoolean()) {
                    drop.add(e.getKey());
                } else {
                    dropFalse(e.getValue(), fields);
                }
            });
            o.remove(drop);
        } else if (n instanceof ArrayNode a) {
            a.forEach(item -> dropFalse(item, fields));
        }
        return n;
    }

    /** Sorts the array (itself, or the field {@code field} of an object) by canonical text, without duplicates. */
    private static JsonNode sortArray(JsonNode n, String field) {
        if (n instanceof ObjectNode o && o.get(field) instanceof ArrayNode a) {
            o.set(field, sorted(a));
        }
        return n;
    }

    static ArrayNode sorted(ArrayNode a) {
        TreeMap<String, JsonNode> unique = new TreeMap<>();
        a.forEach(item -> unique.putIfAbsent(JsonValues.canonical(item), item));
        ArrayNode out = JsonValues.JSON.arrayNode();
        unique.values().forEach(out::add);
        return out;
    }

    private static ArrayNode mapText(JsonNode a, UnaryOperator<String> f) {
        ArrayNode out = JsonValues.JSON.arrayNode();
        a.forEach(item -> out.add(f.apply(item.asText())));
        return sorted(out);
    }

    private static JsonNode corsValues(JsonNode n) {
        if (n.get("rules") instanceof ArrayNode rules) {
            for (JsonNode rule : rules) {
                ObjectNode r = (ObjectNode) rule;
                r.set("allowedOrigins", mapText(r.path("allowedOrigins"), s -> s));
                r.set("allowedMethods", mapText(r.path("allowedMethods"), s -> s.toUpperCase(Locale.ROOT)));
                r.set("allowedHeaders", mapText(r.path("allowedHeaders"), s -> s.toLowerCase(Locale.ROOT)));
                r.set("exposeHeaders", mapText(r.path("exposeHeaders"), s -> s.toLowerCase(Locale.ROOT)));
            }
        }
        return n;
    }

    private static JsonNode lifecycleById(JsonNode n) {
        if (!(n instanceof ArrayNode rules)) {
            return n;
        }
        if (rules.isEmpty()) {
            return NullNode.getInstance();
        }
        TreeMap<String, JsonNode> byId = new TreeMap<>();
        for (JsonNode rule : rules) {
            ObjectNode copy = (ObjectNode) rule.deepCopy();
            String id = copy.remove("id").asText();
            byId.put(id, copy);
        }
        ObjectNode out = JsonValues.JSON.objectNode();
        byId.forEach(out::set);
        return out;
    }

    private static JsonNode midnightDates(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.properties().forEach(e -> {
                JsonNode v = e.getValue();
                if ((e.getKey().equals("createdBeforeDate") || e.getKey().equals("date"))
                        && v.isTextual()
                        && v.asText().endsWith("T00:00:00.000Z")) {
                    e.setValue(
                            TextNode.valueOf(v.asText().substring(0, v.asText().indexOf('T'))));
                } else {
                    midnightDates(v);
                }
            });
        } else if (n instanceof ArrayNode a) {
            a.forEach(Normalization::midnightDates);
        }
        return n;
    }

    private static JsonNode lifecycleSets(JsonNode n) {
        n.forEach(rule -> {
            if (rule instanceof ObjectNode r) {
                sortArray(r, "tags");
                sortArray(r, "filterNot");
                if (r.get("transitions") instanceof ArrayNode t) {
                    List<JsonNode> items = new ArrayList<>();
                    t.forEach(items::add);
                    items.sort(Comparator.comparingLong(
                                    (JsonNode x) -> x.path("days").asLong(Long.MAX_VALUE))
                            .thenComparing(JsonValues::canonical));
                    ArrayNode out = JsonValues.JSON.arrayNode();
                    items.forEach(out::add);
                    r.set("transitions", out);
                }
            }
        });
        return n;
    }

    private static JsonNode sortKeys(JsonNode n) {
        if (!(n instanceof ObjectNode o)) {
            return n;
        }
        if (o.isEmpty()) {
            return NullNode.getInstance();
        }
        TreeMap<String, JsonNode> keys = new TreeMap<>();
        o.properties().forEach(e -> keys.put(e.getKey(), e.getValue()));
        ObjectNode out = JsonValues.JSON.objectNode();
        keys.forEach(out::set);
        return out;
    }

    private static JsonNode refererUnset(JsonNode n) {
        boolean unset = n.path("allowEmpty").asBoolean(false)
                && n.path("allowTruncateQueryString").asBoolean(false)
                && n.path("allowed").isEmpty()
                && n.path("blacklist").isEmpty();
        return unset ? NullNode.getInstance() : n;
    }

    private static JsonNode replicationSets(JsonNode n) {
        if (n instanceof ObjectNode o) {
            sortArray(o, "prefixes");
            Set<String> actions = new TreeSet<>();
            o.path("actions").forEach(a -> actions.add(a.asText().toUpperCase(Locale.ROOT)));
            if (actions.remove("ALL")) {
                actions.addAll(List.of("ABORT", "DELETE", "PUT"));
            }
            ArrayNode out = o.putArray("actions");
            actions.forEach(out::add);
        }
        return n;
    }

    private static JsonNode cdnSources(JsonNode n) {
        if (n instanceof ObjectNode o && o.get("sources") instanceof ArrayNode sources) {
            sources.forEach(s -> withDefaults(s, "port", 80, "priority", "20"));
            o.set("sources", sorted(sources));
        }
        return n;
    }

    private static JsonNode l2OssKey(JsonNode n) {
        String auth = n.path("private_oss_auth").asText("off");
        if (!auth.equals("on")) {
            return NullNode.getInstance();
        }
        ObjectNode out = JsonValues.JSON.objectNode();
        out.put("private_oss_auth", "on");
        return out;
    }

    private static JsonNode cacheTtl(JsonNode n) {
        if (!(n instanceof ArrayNode rules)) {
            return n;
        }
        ArrayNode out = JsonValues.JSON.arrayNode();
        for (JsonNode rule : rules) {
            ObjectNode r = (ObjectNode) rule;
            r.remove("weight");
            if (r.has("fileTypes")) {
                r.set("fileTypes", mapText(r.get("fileTypes"), s -> s.toLowerCase(Locale.ROOT)));
            }
            if (r.has("paths")) {
                r.set("paths", mapText(r.get("paths"), s -> s));
            }
            out.add(r);
        }
        return out.isEmpty() ? NullNode.getInstance() : sorted(out);
    }
}
