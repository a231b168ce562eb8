package dev.ossops.apply.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.oss.BucketInfo;
import dev.ossops.cloud.oss.OssBucket;
import dev.ossops.cloud.oss.OssGateway;
import dev.ossops.cloud.oss.UnrepresentableException;
import dev.ossops.spec.model.Bucket;
import dev.ossops.spec.model.Endpoint;
import dev.ossops.spec.model.Profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads buckets' live configuration and builds a profile that manages every sub-configuration it found (absent
 * ones as {@code none}), so planning the export against the same account shows no changes. Content a profile
 * cannot express is left unmanaged and reported.
 */
public final class Exporter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OssGateway gateway;
    private final Profile source;

    public Exporter(OssGateway gateway, Profile source) {
        this.gateway = gateway;
        this.source = source;
    }

    public Export export(List<OssBucket> buckets) {
        ObjectNode root = JSON.createObjectNode();
        root.put("apiVersion", "ossops/v1");
        root.put("kind", "Profile");
        root.put("name", source.name() + "-export");
        root.put("region", source.region());
        endpoint(root);
        ObjectNode credentials = root.putObject("credentials");
        credentials.put("source", source.credentials().source().value());
        source.credentials().profile().ifPresent(p -> credentials.put("profile", p));
        source.credentials().roleName().ifPresent(r -> credentials.put("roleName", r));
        ObjectNode out = root.putObject("buckets");
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (OssBucket b : buckets) {
            if (LiveNames.bucket(b.name(), errors)) {
                new BucketExport(b, out, documents, warnings, errors).run();
            }
        }
        return new Export(root, documents, warnings, errors);
    }

    private void endpoint(ObjectNode root) {
        if (source.endpoint() instanceof Endpoint.Url url) {
            root.put("endpoint", url.uri().toString());
        } else if (source.endpoint() instanceof Endpoint.Embedded embedded) {
            root.put("endpoint", "embedded");
            root.putObject("emulator")
                    .put("dataDir", embedded.dataDir().toAbsolutePath().toString());
        }
    }

    /** One bucket: each sub-configuration read once, written inline or as a referenced document. */
    private final class BucketExport {
        private final OssBucket bucket;
        private final ObjectNode buckets;
        private final Map<String, JsonNode> documents;
        private final List<String> warnings;
        private final List<String> errors;

        BucketExport(
                OssBucket bucket,
                ObjectNode buckets,
                Map<String, JsonNode> documents,
                List<String> warnings,
                List<String> errors) {
            this.bucket = bucket;
            this.buckets = buckets;
            this.documents = documents;
            this.warnings = warnings;
            this.errors = errors;
        }

        void run() {
            Optional<Optional<BucketInfo>> info = read("bucket", () -> gateway.bucket(bucket));
            if (info.isEmpty()) {
                return;
            }
            if (info.get().isEmpty()) {
                errors.add("bucket " + bucket.name() + " does not exist");
                return;
            }
            String name = bucket.name();
            ObjectNode node = buckets.putObject(name);
            BucketInfo bi = info.get().get();
            if (!bi.region().equals(source.region())) {
                node.put("region", bi.region());
            }
            node.put("storageClass", bi.storageClass());
            node.put("redundancy", bi.redundancy());
            read("acl", () -> gateway.acl(bucket)).flatMap(a -> a).ifPresent(acl -> {
                node.put("acl", acl);
                if (acl.equals("public-read-write")) {
                    node.putObject("allowPublicWrite")
                            .put("reason", "exported from live state: review before applying");
                }
            });
            read("versioning", () -> gateway.versioning(bucket))
                    .ifPresent(v -> v.ifPresent(s -> node.put("versioning", s)));
            read("encryption", () -> gateway.encryption(bucket))
                    .ifPresent(e -> set(node, "encryption", e.map(this::encryption)));
            read("blockPublicAccess", () -> gateway.blockPublicAccess(bucket))
                    .ifPresent(on -> node.put("blockPublicAccess", on.orElse(false)));
            read("cors", () -> gateway.cors(bucket))
                    .ifPresent(c ->
                            set(node, "cors", c.map(cors -> document("cors/" + name + ".json", Documents.cors(cors)))));
            read("lifecycle", () -> gateway.lifecycle(bucket))
                    .ifPresent(l -> set(
                            node,
                            "lifecycle",
                            l.map(rules -> JSON.createArrayNode()
                                    .add(document("lifecycle/" + name + ".json", Documents.lifecycle(rules))))));
            read("policy", () -> gateway.policy(bucket).map(this::parse))
                    .ifPresent(p ->
                            set(node, "policy", p.map(doc -> document("policies/bucket-" + name + ".json", doc))));
            read("tags", () -> gateway.tags(bucket))
                    .ifPresent(t -> set(node, "tags", t.map(tags -> JSON.valueToTree(tags))));
            read("logging", () -> gateway.logging(bucket)).ifPresent(l -> set(node, "logging", l.map(this::logging)));
            read("referer", () -> gateway.referer(bucket))
                    .flatMap(r -> r)
                    .ifPresent(r -> node.set("referer", referer(r)));
            read("replication", () -> gateway.replication(bucket))
                    .ifPresent(r -> set(
                            node,
                            "replication",
                            r.filter(rules -> !rules.isEmpty()).map(this::replication)));
        }

        /** Present: the value; absent live: the profile value "none", so the exported profile keeps it absent. */
        private void set(ObjectNode node, String key, Optional<? extends JsonNode> value) {
            node.set(
                    key, value.isPresent() ? value.get() : JSON.getNodeFactory().textNode("none"));
        }

        private <T> Optional<T> read(String what, Supplier<T> call) {
            try {
                return Optional.of(call.get());
            } catch (UnrepresentableException e) {
                warnings.add(bucket.name() + "." + what + " left out: " + e.getMessage());
            } catch (CloudException e) {
                // An endpoint that does not implement a sub-resource (the emulator's replication) has none to export.
                if (e.code().filter("NotImplemented"::equals).isPresent()) {
                    warnings.add(bucket.name() + "." + what + " left out: " + e.getMessage());
                } else {
                    errors.add(e.getMessage());
                }
            }
            return Optional.empty();
        }

        private JsonNode document(String path, JsonNode doc) {
            documents.put(path, doc);
            return JSON.getNodeFactory().textNode(path);
        }

        private ObjectNode encryption(Bucket.Encryption e) {
            ObjectNode node = JSON.createObjectNode().put("algorithm", e.algorithm());
            e.kmsKeyId().ifPresent(k -> node.put("kmsKeyId", k));
            return node;
        }

        private ObjectNode logging(Bucket.Logging l) {
            ObjectNode node = JSON.createObjectNode().put("targetBucket", l.targetBucket());
            if (!l.prefix().isEmpty()) {
                node.put("prefix", l.prefix());
            }
            return node;
        }

        private ObjectNode referer(Bucket.Referer r) {
            ObjectNode node = JSON.createObjectNode()
                    .put("allowEmpty", r.allowEmpty())
                    .put("allowTruncateQueryString", r.allowTruncateQueryString());
            ArrayNode list = node.putArray("list");
            r.allowed().forEach(list::add);
            ArrayNode black = node.putArray("blacklist");
            r.blacklist().forEach(black::add);
            return node;
        }

        private ObjectNode replication(Map<String, Bucket.ReplicationRule> rules) {
            ObjectNode node = JSON.createObjectNode();
            rules.forEach((id, r) -> {
                ObjectNode rule = node.putObject(id);
                rule.putObject("destination")
                        .put("bucket", r.destinationBucket())
                        .put("region", r.destinationRegion())
                        .put("transferType", r.transferType());
                ArrayNode prefixes = rule.putArray("prefixes");
                r.prefixes().forEach(prefixes::add);
                rule.put("action", String.join(",", r.actions()));
                rule.put("historicalObjectReplication", r.historicalObjectReplication());
                r.syncRole().ifPresent(s -> rule.put("syncRole", s));
            });
            return node;
        }

        private JsonNode parse(String policy) {
            try {
                return JSON.readTree(policy);
            } catch (JsonProcessingException e) {
                throw new UnrepresentableException("the live bucket policy is not JSON: " + e.getOriginalMessage());
            }
        }
    }
}
