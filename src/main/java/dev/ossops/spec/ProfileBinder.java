package dev.ossops.spec;

import dev.ossops.shared.CorsRule;
import dev.ossops.spec.model.AccessAssertion;
import dev.ossops.spec.model.Bucket;
import dev.ossops.spec.model.Cdn;
import dev.ossops.spec.model.CorsConfiguration;
import dev.ossops.spec.model.Credentials;
import dev.ossops.spec.model.Endpoint;
import dev.ossops.spec.model.LifecycleRule;
import dev.ossops.spec.model.Lock;
import dev.ossops.spec.model.Managed;
import dev.ossops.spec.model.PolicySpec;
import dev.ossops.spec.model.Profile;
import dev.ossops.spec.model.Ram;
import dev.ossops.spec.model.Serve;
import dev.ossops.spec.model.UploaderSpec;
import dev.ossops.spec.schema.DocumentResolver;
import dev.ossops.spec.schema.ProfileSchema;
import dev.ossops.spec.schema.ShapeValidator;
import dev.ossops.spec.tree.Location;
import dev.ossops.spec.tree.MapNode;
import dev.ossops.spec.tree.Node;
import dev.ossops.spec.tree.ScalarNode;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Turns a tree that passed every check into model records; it trusts the checks and never re-validates. */
final class ProfileBinder {

    private static final MapNode EMPTY = new MapNode(new Location("", 1, 1), Map.of());

    private final DocumentResolver documents;
    private final Path profileFile;

    ProfileBinder(DocumentResolver documents, Path profileFile) {
        this.documents = documents;
        this.profileFile = profileFile;
    }

    Profile bind(MapNode root) {
        String region = root.string("region").orElseThrow();
        // A profile is a file, so its absolute path always has a parent directory.
        Path directory = Objects.requireNonNull(profileFile.toAbsolutePath().getParent());
        Endpoint endpoint = root.string("endpoint")
                .<Endpoint>map(e -> e.equals("embedded")
                        ? new Endpoint.Embedded(directory
                                .resolve(map(root, "emulator").string("dataDir").orElse(".ossops/emulator"))
                                .normalize())
                        : new Endpoint.Url(URI.create(e)))
                .orElse(new Endpoint.RegionDefault(region));
        MapNode credentials = map(root, "credentials");
        Credentials creds = new Credentials(
                Credentials.Source.of(credentials.string("source").orElse("env")),
                credentials.string("profile"),
                credentials.string("roleName"));
        Map<String, Bucket> buckets = entries(map(root, "buckets"), this::bucket);
        MapNode ram = map(root, "ram");
        Ram ramModel = new Ram(
                entries(map(ram, "policies"), this::ramPolicy),
                entries(map(ram, "roles"), this::role),
                entries(
                        map(ram, "users"),
                        (name, user) -> new Ram.User(name, user.string("displayName"), strings(user.get("policies")))));
        Cdn cdn = new Cdn(entries(map(map(root, "cdn"), "domains"), this::domain));
        Optional<UploaderSpec> uploader =
                root.get("uploader").flatMap(Node::asMap).map(this::uploader);
        Optional<Lock> lock = root.get("lock")
                .flatMap(Node::asMap)
                .map(l -> new Lock(
                        l.string("bucket").orElseThrow(),
                        l.string("key").orElseThrow(),
                        l.integer("ttlSeconds").map(Long::intValue).orElse(ProfileSchema.DEFAULT_LOCK_TTL_SECONDS)));
        Optional<Serve> serve = root.get("serve").flatMap(Node::asMap).map(s -> serve(s, directory));
        return new Profile(
                profileFile,
                root.string("name").orElseThrow(),
                region,
                endpoint,
                creds,
                buckets,
                ramModel,
                cdn,
                uploader,
                lock,
                serve,
                entries(map(root, "access"), this::assertion));
    }

    private Bucket bucket(String name, MapNode b) {
        return new Bucket(
                name,
                b.string("region"),
                b.string("storageClass"),
                b.string("redundancy"),
                managed(b, "acl", n -> n.asString().orElseThrow()),
                map(b, "allowPublicWrite").string("reason"),
                managed(b, "versioning", n -> n.asString().orElseThrow()),
                managed(
                        b,
                        "encryption",
                        n -> new Bucket.Encryption(
                                n.asMap().orElseThrow().string("algorithm").orElseThrow(),
                                n.asMap().orElseThrow().string("kmsKeyId"))),
                managed(b, "blockPublicAccess", n -> n.asBoolean().orElseThrow()),
                managed(b, "cors", this::cors),
                managed(b, "lifecycle", this::lifecycle),
                managed(b, "policy", this::policy),
                managed(b, "tags", n -> values(n.asMap().orElseThrow(), (k, v) -> text(v))),
                managed(
                        b,
                        "logging",
                        n -> new Bucket.Logging(
                                n.asMap().orElseThrow().string("targetBucket").orElseThrow(),
                                n.asMap().orElseThrow().string("prefix").orElse(""))),
                managed(b, "referer", n -> {
                    MapNode r = n.asMap().orElseThrow();
                    return new Bucket.Referer(
                            r.bool("allowEmpty").orElse(true),
                            r.bool("allowTruncateQueryString").orElse(true),
                            strings(r.get("list")),
                            strings(r.get("blacklist")));
                }),
                managed(b, "replication", n -> entries(n.asMap().orElseThrow(), this::replication)));
    }

    private Bucket.ReplicationRule replication(String name, MapNode rule) {
        MapNode destination = map(rule, "destination");
        String action = rule.string("action").orElse("ALL");
        List<String> actions = new ArrayList<>();
        for (String part : action.split(",", -1)) {
            actions.add(part.strip());
        }
        return new Bucket.ReplicationRule(
                name,
                destination.string("bucket").orElseThrow(),
                destination.string("region").orElseThrow(),
                destination.string("transferType").orElse("internal"),
                strings(rule.get("prefixes")),
                actions,
                rule.bool("historicalObjectReplication").orElse(true),
                rule.string("syncRole"));
    }

    private <T> Managed<T> managed(MapNode parent, String key, Function<Node, T> value) {
        Optional<Node> node = parent.get(key);
        if (node.isEmpty()) {
            return Managed.unmanaged();
        }
        if (ShapeValidator.isExplicitlyEmpty(node.get())) {
            return Managed.absent();
        }
        return Managed.present(value.apply(node.get()));
    }

    private MapNode document(Node value) {
        return documents
                .resolve(value, "")
                .map(DocumentResolver.Document::root)
                .flatMap(Node::asMap)
                .orElseThrow();
    }

    private CorsConfiguration cors(Node value) {
        MapNode doc = document(value);
        List<CorsRule> rules = new ArrayList<>();
        for (Node item : doc.get("CORSRules").orElseThrow().asItems()) {
            MapNode r = item.asMap().orElseThrow();
            rules.add(new CorsRule(
                    strings(r.get("AllowedOrigin")),
                    strings(r.get("AllowedMethod")),
                    strings(r.get("AllowedHeader")),
                    strings(r.get("ExposeHeader")),
                    r.integer("MaxAgeSeconds")));
        }
        return new CorsConfiguration(rules, doc.bool("ResponseVary"));
    }

    private List<LifecycleRule> lifecycle(Node value) {
        List<LifecycleRule> rules = new ArrayList<>();
        for (Node entry : value.asItems()) {
            for (Node item : document(entry).get("Rules").orElseThrow().asItems()) {
                rules.add(lifecycleRule(item.asMap().orElseThrow()));
            }
        }
        return rules;
    }

    private LifecycleRule lifecycleRule(MapNode r) {
        List<LifecycleRule.Not> not = new ArrayList<>();
        for (Node n : items(map(r, "Filter").get("Not"))) {
            MapNode m = n.asMap().orElseThrow();
            not.add(new LifecycleRule.Not(
                    m.string("Prefix"), m.get("Tag").flatMap(Node::asMap).map(ProfileBinder::tag)));
        }
        List<LifecycleRule.Transition> transitions = new ArrayList<>();
        for (Node n : items(r.get("Transitions"))) {
            MapNode t = n.asMap().orElseThrow();
            transitions.add(new LifecycleRule.Transition(
                    t.integer("Days"),
                    t.string("CreatedBeforeDate"),
                    t.string("StorageClass").orElseThrow(),
                    t.bool("IsAccessTime").orElse(false),
                    t.bool("ReturnToStdWhenVisit").orElse(false),
                    t.bool("AllowSmallFile").orElse(false)));
        }
        List<LifecycleRule.NoncurrentTransition> noncurrent = new ArrayList<>();
        for (Node n : items(r.get("NoncurrentVersionTransitions"))) {
            MapNode t = n.asMap().orElseThrow();
            noncurrent.add(new LifecycleRule.NoncurrentTransition(
                    t.integer("NoncurrentDays").orElseThrow(),
                    t.string("StorageClass").orElseThrow(),
                    t.bool("IsAccessTime").orElse(false),
                    t.bool("ReturnToStdWhenVisit").orElse(false)));
        }
        return new LifecycleRule(
                r.string("ID").orElseThrow(),
                r.string("Prefix").orElse(""),
                r.string("Status").orElseThrow().equals("Enabled"),
                not,
                items(r.get("Tag")).stream()
                        .map(n -> tag(n.asMap().orElseThrow()))
                        .toList(),
                r.get("Expiration")
                        .flatMap(Node::asMap)
                        .map(e -> new LifecycleRule.Expiration(
                                e.integer("Days"),
                                e.string("CreatedBeforeDate"),
                                e.string("Date"),
                                e.bool("ExpiredObjectDeleteMarker"))),
                transitions,
                r.get("AbortMultipartUpload")
                        .flatMap(Node::asMap)
                        .map(a -> new LifecycleRule.AbortMultipartUpload(
                                a.integer("Days"), a.string("CreatedBeforeDate"))),
                map(r, "NoncurrentVersionExpiration").integer("NoncurrentDays"),
                noncurrent);
    }

    private static LifecycleRule.Tag tag(MapNode t) {
        return new LifecycleRule.Tag(
                t.string("Key").orElseThrow(), t.string("Value").orElseThrow());
    }

    private PolicySpec policy(Node value) {
        MapNode doc = document(value);
        List<PolicySpec.Statement> statements = new ArrayList<>();
        for (Node item : doc.get("Statement").orElseThrow().asItems()) {
            MapNode s = item.asMap().orElseThrow();
            boolean notAction = s.has("NotAction");
            boolean notResource = s.has("NotResource");
            Map<String, Map<String, List<String>>> condition = entries(
                    map(s, "Condition"),
                    (operator, keys) -> values(
                            keys,
                            (key, list) -> list.asItems().stream()
                                    .map(ProfileBinder::text)
                                    .toList()));
            statements.add(new PolicySpec.Statement(
                    s.string("Effect").orElseThrow(),
                    strings(s.get(notAction ? "NotAction" : "Action")),
                    notAction,
                    strings(s.get(notResource ? "NotResource" : "Resource")),
                    notResource,
                    s.get("Principal").map(this::principal),
                    condition));
        }
        return new PolicySpec(doc.string("Version").orElseThrow(), statements);
    }

    private PolicySpec.Principal principal(Node node) {
        if (node instanceof MapNode m) {
            return new PolicySpec.Principal(
                    List.of(), strings(m.get("RAM")), strings(m.get("Service")), strings(m.get("Federated")));
        }
        return new PolicySpec.Principal(strings(Optional.of(node)), List.of(), List.of(), List.of());
    }

    private Ram.Policy ramPolicy(String name, MapNode p) {
        return new Ram.Policy(name, p.string("description"), p.get("document").map(this::policy), p.has("generate"));
    }

    private Ram.Role role(String name, MapNode r) {
        return new Ram.Role(
                name,
                r.string("description"),
                policy(r.get("trust").orElseThrow()),
                r.integer("maxSessionDuration").orElse(3600L),
                strings(r.get("policies")));
    }

    private Cdn.Domain domain(String name, MapNode d) {
        MapNode o = map(d, "origin");
        Cdn.Origin origin = o.string("ossBucket")
                .<Cdn.Origin>map(Cdn.Origin.OssBucket::new)
                .or(() -> o.string("domain").map(Cdn.Origin.DomainName::new))
                .orElseGet(() -> new Cdn.Origin.Ip(o.string("ip").orElseThrow()));
        List<Cdn.CacheTtl> ttl = items(d.get("cacheTtl")).stream()
                .map(n -> n.asMap().orElseThrow())
                .map(c -> new Cdn.CacheTtl(
                        strings(c.get("fileTypes")),
                        strings(c.get("paths")),
                        c.integer("ttlSeconds").orElseThrow()))
                .toList();
        return new Cdn.Domain(
                name,
                d.string("type").orElseThrow(),
                origin,
                d.bool("privateOssAuth").orElse(false),
                map(d, "https").string("certificate"),
                ttl);
    }

    private AccessAssertion assertion(String name, MapNode a) {
        MapNode p = map(a, "principal");
        AccessAssertion.Principal principal;
        if (p.has("ramUser")) {
            principal = new AccessAssertion.RamUser(p.string("ramUser").orElseThrow());
        } else if (p.has("role")) {
            principal = new AccessAssertion.Role(
                    p.string("role").orElseThrow(), p.get("sessionPolicy").map(this::policy), p.string("sessionName"));
        } else if (p.has("account")) {
            principal = new AccessAssertion.Account(p.string("account").filter(id -> !id.equals("self")));
        } else {
            principal = new AccessAssertion.Anonymous();
        }
        String resource = a.string("resource").orElseThrow();
        int slash = resource.indexOf('/');
        return new AccessAssertion(
                name,
                principal,
                strings(a.get("actions")),
                slash < 0 ? resource : resource.substring(0, slash),
                slash < 0 ? Optional.empty() : Optional.of(resource.substring(slash + 1)),
                a.string("viaCdnDomain"),
                values(map(a, "conditions"), (key, value) -> text(value)),
                a.bool("signedUrl"),
                a.string("expect").orElseThrow().equals("allowed"));
    }

    private UploaderSpec uploader(MapNode u) {
        return new UploaderSpec(
                u.string("bucket").orElseThrow(),
                u.string("prefix"),
                u.string("keyLayout"),
                u.integer("urlExpiresSeconds"),
                strings(u.get("allowedContentTypes")),
                u.integer("maxSizeBytes"),
                u.string("dirMode"),
                u.string("filenameMode"),
                u.string("postObjectAcl"));
    }

    private Serve serve(MapNode s, Path directory) {
        MapNode sts = map(s, "sts");
        return new Serve(
                values(
                        map(s, "apiKeys"),
                        (principal, source) ->
                                source.asMap().orElseThrow().string("env").orElseThrow()),
                s.string("apiKeysFile").map(f -> directory.resolve(f).normalize()),
                strings(s.get("allowedOrigins")),
                s.string("keyPrefix").orElse(Serve.DEFAULT_KEY_PREFIX),
                s.integer("presignExpiresSeconds").orElse(Serve.DEFAULT_PRESIGN_EXPIRES_SECONDS),
                s.integer("publicUrlExpiresSeconds").orElse(Serve.DEFAULT_PUBLIC_URL_EXPIRES_SECONDS),
                s.string("cdnDomain"),
                map(s, "rateLimit")
                        .integer("requestsPerMinute")
                        .map(Long::intValue)
                        .orElse(Serve.DEFAULT_REQUESTS_PER_MINUTE),
                sts.string("role"),
                sts.integer("durationSeconds").orElse(Serve.DEFAULT_STS_DURATION_SECONDS));
    }

    private static MapNode map(MapNode parent, String key) {
        return parent.get(key).flatMap(Node::asMap).orElse(EMPTY);
    }

    private static List<Node> items(Optional<Node> node) {
        return node.map(Node::asItems).orElse(List.of());
    }

    private static List<String> strings(Optional<Node> node) {
        return items(node).stream().map(ProfileBinder::text).toList();
    }

    private static String text(Node node) {
        return ((ScalarNode) node).text();
    }

    private static <T> Map<String, T> entries(MapNode map, BiFunction<String, MapNode, T> value) {
        return values(map, (key, node) -> value.apply(key, node.asMap().orElseThrow()));
    }

    private static <T> Map<String, T> values(MapNode map, BiFunction<String, Node, T> value) {
        Map<String, T> result = new LinkedHashMap<>();
        map.entries().values().forEach(e -> result.put(e.key(), value.apply(e.key(), e.value())));
        return result;
    }
}
