package dev.ossops.emulator.authz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Small random access worlds and requests for {@link RandomAccessIT}: buckets with an ACL, Block Public Access and a
 * bucket policy, RAM users and a role with identity policies, a role session with a session policy, the account's
 * Block Public Access, and objects with their own ACLs; then requests against them. Only what OSS and RAM accept is
 * generated: bucket policies name this bucket and principals, a statement on acs:SourceIp in a bucket policy also
 * conditions on acs:SourceVpc, identity and session policies name no principal. Every record is immutable and the
 * {@code without*} methods give the smaller worlds the minimiser tries.
 */
final class RandomWorlds {
    static final List<String> BUCKETS = List.of("rnd-alpha", "rnd-beta");
    static final List<String> USERS = List.of("rnd-u1", "rnd-u2");
    static final String ROLE = "rnd-role";
    static final List<String> KEYS = List.of("pub/a.txt", "pub/b.txt", "priv/x.bin", "logs/2024/1.log", "top.txt");
    static final List<String> PREFIXES = List.of("pub/", "priv/", "logs/", "logs/2024/");
    static final List<String> REFERERS =
            List.of("http://good.example.com/page", "https://www.good.example.com/", "https://evil.example.org/x");
    private static final List<String> ACLS = List.of("private", "public-read", "public-read-write");
    private static final List<String> OBJECT_ACLS = List.of("default", "private", "public-read", "public-read-write");

    private RandomWorlds() {}

    // ---- the world -------------------------------------------------------------------------------------------

    /** One condition: operator, key and values, e.g. {@code IpAddress acs:SourceIp ["127.0.0.0/8"]}. */
    record Cond(String operator, String key, List<String> values) {
        String json() {
            return "\"" + key + "\":" + strings(values);
        }
    }

    /** One statement; {@code principals} empty in identity and session policies. */
    record Stmt(
            boolean allow,
            boolean notAction,
            List<String> actions,
            boolean notResource,
            List<String> resources,
            Optional<List<String>> principals,
            List<Cond> conditions) {

        String json() {
            StringBuilder s = new StringBuilder("{\"Effect\":\"")
                    .append(allow ? "Allow" : "Deny")
                    .append("\",");
            principals.ifPresent(
                    p -> s.append("\"Principal\":").append(strings(p)).append(','));
            s.append(notAction ? "\"NotAction\":" : "\"Action\":")
                    .append(strings(actions))
                    .append(',');
            s.append(notResource ? "\"NotResource\":" : "\"Resource\":").append(strings(resources));
            if (!conditions.isEmpty()) {
                Map<String, List<Cond>> byOperator = new LinkedHashMap<>();
                conditions.forEach(c -> byOperator
                        .computeIfAbsent(c.operator(), o -> new ArrayList<>())
                        .add(c));
                s.append(",\"Condition\":{")
                        .append(byOperator.entrySet().stream()
                                .map(e -> "\"" + e.getKey() + "\":{"
                                        + e.getValue().stream().map(Cond::json).collect(Collectors.joining(","))
                                        + "}")
                                .collect(Collectors.joining(",")))
                        .append('}');
            }
            return s.append('}').toString();
        }
    }

    /** A policy document: one to three statements. */
    record Doc(List<Stmt> statements) {
        String json() {
            return "{\"Version\":\"1\",\"Statement\":["
                    + statements.stream().map(Stmt::json).collect(Collectors.joining(",")) + "]}";
        }
    }

    /** A bucket: canned ACL, bucket policy, its own Block Public Access, and its objects with their ACLs. */
    record BucketSpec(
            String name, String acl, Optional<Doc> policy, boolean blockPublicAccess, Map<String, String> objects) {
        BucketSpec {
            objects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(objects));
        }
    }

    /** Everything a round sets up. {@code sessionPolicy} narrows the role session; {@code sessionName} names it. */
    record World(
            boolean accountBlockPublicAccess,
            List<BucketSpec> buckets,
            Map<String, List<Doc>> userPolicies,
            List<Doc> rolePolicies,
            Optional<Doc> sessionPolicy,
            String sessionName) {
        World {
            buckets = List.copyOf(buckets);
            userPolicies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(userPolicies));
            rolePolicies = List.copyOf(rolePolicies);
        }

        BucketSpec bucket(String name) {
            return buckets.stream()
                    .filter(b -> b.name().equals(name))
                    .findFirst()
                    .orElseThrow();
        }

        World withBucket(BucketSpec changed) {
            return new World(
                    accountBlockPublicAccess,
                    buckets.stream()
                            .map(b -> b.name().equals(changed.name()) ? changed : b)
                            .toList(),
                    userPolicies,
                    rolePolicies,
                    sessionPolicy,
                    sessionName);
        }

        /** For people: every setting and document, one per line. */
        String describe() {
            StringBuilder s = new StringBuilder();
            s.append("  account Block Public Access: ")
                    .append(accountBlockPublicAccess)
                    .append('\n');
            for (BucketSpec b : buckets) {
                s.append("  bucket ")
                        .append(b.name())
                        .append(": acl ")
                        .append(b.acl())
                        .append(", Block Public Access ")
                        .append(b.blockPublicAccess())
                        .append(", objects ")
                        .append(b.objects())
                        .append('\n');
                b.policy()
                        .ifPresent(p -> s.append("    policy ").append(p.json()).append('\n'));
            }
            userPolicies.forEach((user, docs) -> docs.forEach(d -> s.append("  user ")
                    .append(user)
                    .append(": ")
                    .append(d.json())
                    .append('\n')));
            rolePolicies.forEach(d -> s.append("  role ")
                    .append(ROLE)
                    .append(": ")
                    .append(d.json())
                    .append('\n'));
            s.append("  session ").append(sessionName);
            sessionPolicy.ifPresent(p -> s.append(" with session policy ").append(p.json()));
            return s.append('\n').toString();
        }
    }

    // ---- requests --------------------------------------------------------------------------------------------

    /** Who sends a request: anonymous, a RAM user, the role session, the account's root, another account's root. */
    enum Who {
        ANONYMOUS,
        USER1,
        USER2,
        ROLE_SESSION,
        ROOT,
        OTHER_ROOT
    }

    /** The requests sent, by the OSS API name each is (OssApi names its RAM action). */
    enum Op {
        GET_OBJECT("GetObject", true),
        GET_OBJECT_META("GetObjectMeta", true),
        PUT_OBJECT("PutObject", true),
        DELETE_OBJECT("DeleteObject", true),
        GET_OBJECT_ACL("GetObjectAcl", true),
        LIST_OBJECTS("GetBucket", false),
        GET_BUCKET_ACL("GetBucketAcl", false),
        GET_BUCKET_INFO("GetBucketInfo", false),
        GET_BUCKET_POLICY("GetBucketPolicy", false),
        HEAD_OBJECT("HeadObject", true),
        LIST_OBJECTS_V2("ListObjectsV2", false),
        DELETE_OBJECTS("DeleteMultipleObjects", true),
        GET_BUCKET_LOCATION("GetBucketLocation", false),
        APPEND_OBJECT("AppendObject", true),
        INITIATE_MULTIPART_UPLOAD("InitiateMultipartUpload", true),
        PUT_OBJECT_ACL("PutObjectAcl", true);

        final String api;
        final boolean object;

        Op(String api, boolean object) {
            this.api = api;
            this.object = object;
        }

        boolean listing() {
            return this == LIST_OBJECTS || this == LIST_OBJECTS_V2;
        }
    }

    /** One request: {@code key} for object operations, {@code prefix} for listings, the Referer it carries. */
    record Probe(
            Who who,
            Op op,
            String bucket,
            Optional<String> key,
            Optional<String> prefix,
            Optional<String> delimiter,
            Optional<String> referer) {
        String describe() {
            return who + " " + op.api + " " + bucket + key.map(k -> "/" + k).orElse("")
                    + prefix.map(p -> " prefix=" + p).orElse("")
                    + delimiter.map(d -> " delimiter=" + d).orElse("")
                    + referer.map(r -> " Referer: " + r).orElse(" no Referer");
        }
    }

    // ---- generation ------------------------------------------------------------------------------------------

    /** The ids a world's policies may name. */
    record Ids(String account, String otherAccount, Map<String, String> userIds, Map<String, String> userKeyIds) {}

    static World world(Random r, Ids ids) {
        List<BucketSpec> buckets = new ArrayList<>();
        for (String name : BUCKETS) {
            Map<String, String> objects = new LinkedHashMap<>();
            for (String key : KEYS) {
                if (r.nextInt(3) > 0) {
                    objects.put(key, r.nextInt(3) == 0 ? pick(r, OBJECT_ACLS) : "default");
                }
            }
            Optional<Doc> policy =
                    r.nextInt(3) == 0 ? Optional.empty() : Optional.of(doc(r, s -> bucketStatement(r, ids, name)));
            buckets.add(new BucketSpec(name, pick(r, ACLS), policy, r.nextInt(4) == 0, objects));
        }
        Map<String, List<Doc>> users = new LinkedHashMap<>();
        for (String user : USERS) {
            users.put(user, docs(r, ids));
        }
        Optional<Doc> session =
                r.nextBoolean() ? Optional.of(doc(r, s -> identityStatement(r, ids))) : Optional.empty();
        return new World(r.nextInt(6) == 0, buckets, users, docs(r, ids), session, pick(r, List.of("s1", "batch-7")));
    }

    static Probe probe(Random r) {
        Op op = pick(r, List.of(Op.values()));
        Who who = pick(r, List.of(Who.values()));
        String bucket = pick(r, BUCKETS);
        Optional<String> key = op.object ? Optional.of(pick(r, KEYS)) : Optional.empty();
        Optional<String> prefix = op.listing() && r.nextBoolean() ? Optional.of(pick(r, PREFIXES)) : Optional.empty();
        Optional<String> delimiter = op.listing() && r.nextBoolean() ? Optional.of("/") : Optional.empty();
        Optional<String> referer = r.nextInt(3) == 0 ? Optional.empty() : Optional.of(pick(r, REFERERS));
        return new Probe(who, op, bucket, key, prefix, delimiter, referer);
    }

    private static List<Doc> docs(Random r, Ids ids) {
        int n = r.nextInt(3);
        List<Doc> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(doc(r, s -> identityStatement(r, ids)));
        }
        return out;
    }

    private static Doc doc(Random r, Function<Integer, Stmt> statement) {
        int n = 1 + r.nextInt(3);
        List<Stmt> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(statement.apply(i));
        }
        return new Doc(out);
    }

    private static Stmt identityStatement(Random r, Ids ids) {
        List<String> resources = some(
                r,
                List.of(
                        "*",
                        "acs:oss:*:*:*",
                        "acs:oss:*:*:rnd-alpha",
                        "acs:oss:*:*:rnd-alpha/*",
                        "acs:oss:*:*:rnd-beta/pub/*",
                        "acs:oss:*:*:rnd-*/priv/*",
                        "acs:oss:*:*:rnd-beta",
                        "acs:oss:*:*:rnd-alpha/logs/2024/1.log"));
        return new Stmt(
                r.nextInt(3) > 0,
                r.nextInt(8) == 0,
                actions(r),
                r.nextInt(10) == 0,
                resources,
                Optional.empty(),
                conditions(r, ids, false));
    }

    private static Stmt bucketStatement(Random r, Ids ids, String bucket) {
        List<String> resources = some(
                r,
                List.of(
                        "acs:oss:*:*:" + bucket,
                        "acs:oss:*:*:" + bucket + "/*",
                        "acs:oss:*:*:" + bucket + "/pub/*",
                        "acs:oss:*:" + ids.account() + ":" + bucket + "/priv/*",
                        "acs:oss:*:*:" + bucket + "/top.txt",
                        "acs:oss:*:*:*"));
        List<String> principals = new ArrayList<>();
        principals.add("*");
        principals.add(ids.account());
        principals.add(ids.otherAccount());
        principals.addAll(ids.userIds().values());
        principals.add("arn:sts::" + ids.account() + ":assumed-role/" + ROLE + "/*");
        // A Deny of oss:* or by NotAction could lock the owner out of DeleteBucketPolicy, which resets the world.
        boolean allow = r.nextInt(3) > 0;
        List<String> actions = actions(r);
        while (!allow && actions.contains("oss:*")) {
            actions = actions(r);
        }
        return new Stmt(
                allow,
                allow && r.nextInt(8) == 0,
                actions,
                r.nextInt(10) == 0,
                resources,
                Optional.of(some(r, principals)),
                conditions(r, ids, true));
    }

    private static List<String> actions(Random r) {
        return some(
                r,
                List.of(
                        "oss:*",
                        "oss:Get*",
                        "oss:List*",
                        "oss:GetObject",
                        "oss:PutObject",
                        "oss:DeleteObject",
                        "oss:GetObjectAcl",
                        "oss:ListObjects",
                        "oss:GetBucketAcl",
                        "oss:GetBucketInfo",
                        "oss:GetBucketPolicy",
                        "oss:*Object"));
    }

    /** Zero to two conditions; in a bucket policy a condition on acs:SourceIp brings one on acs:SourceVpc. */
    private static List<Cond> conditions(Random r, Ids ids, boolean bucketPolicy) {
        List<Cond> out = new ArrayList<>();
        int n = r.nextInt(4) == 0 ? 0 : r.nextInt(3);
        List<String> used = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Cond c = condition(r, ids);
            if (used.contains(c.operator() + c.key())) {
                continue;
            }
            used.add(c.operator() + c.key());
            out.add(c);
        }
        if (bucketPolicy
                && out.stream().anyMatch(c -> c.key().equals("acs:SourceIp"))
                && out.stream().noneMatch(c -> c.key().equals("acs:SourceVpc"))) {
            out.add(
                    r.nextBoolean()
                            ? new Cond("StringNotEquals", "acs:SourceVpc", List.of("vpc-t4nlw426y44rd3iq4"))
                            : new Cond("StringEquals", "acs:SourceVpc", List.of("vpc-t4nlw426y44rd3iq4")));
        }
        return out;
    }

    private static Cond condition(Random r, Ids ids) {
        List<String> keyIds = new ArrayList<>(ids.userKeyIds().values());
        keyIds.add("STS.*");
        return switch (r.nextInt(11)) {
            // Far from any day the test runs on: the answer never depends on the date.
            case 10 ->
                new Cond(
                        pick(r, List.of("DateGreaterThan", "DateLessThan")),
                        "acs:CurrentTime",
                        List.of(pick(r, List.of("2000-01-01T00:00:00Z", "2999-12-31T00:00:00Z"))));
            case 9 ->
                new Cond(
                        pick(r, List.of("StringEquals", "StringLike", "StringNotLike")),
                        "acs:AccessId",
                        some(r, keyIds));
            case 7 ->
                new Cond(
                        pick(r, List.of("StringEquals", "StringLike", "StringNotEquals")),
                        "oss:Prefix",
                        some(r, List.of("pub/", "logs/*", "priv/", "")));
            case 8 -> new Cond(pick(r, List.of("StringEquals", "StringNotEquals")), "oss:Delimiter", List.of("/"));
            case 0 ->
                new Cond(
                        "IpAddress",
                        "acs:SourceIp",
                        some(r, List.of("127.0.0.1", "127.0.0.0/8", "10.0.0.0/8", "192.168.1.1/32")));
            case 1 -> new Cond("NotIpAddress", "acs:SourceIp", some(r, List.of("127.0.0.1/32", "10.0.0.0/8")));
            case 2 -> new Cond("Bool", "acs:SecureTransport", List.of(r.nextBoolean() ? "true" : "false"));
            case 3 ->
                new Cond(
                        "StringLike",
                        "acs:Referer",
                        some(r, List.of("http://good.example.com/*", "http*://*.good.example.com/*", "*evil*")));
            case 4 ->
                new Cond(
                        "StringEquals",
                        "acs:Referer",
                        some(r, List.of("http://good.example.com/page", "https://evil.example.org/x")));
            case 5 -> new Cond("StringNotLike", "acs:Referer", List.of("*evil*"));
            default ->
                new Cond("StringNotEquals", "acs:Referer", some(r, List.of("http://good.example.com/page", "none")));
        };
    }

    private static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    /** One value, sometimes two. */
    private static List<String> some(Random r, List<String> from) {
        String first = pick(r, from);
        if (r.nextInt(4) > 0) {
            return List.of(first);
        }
        String second = pick(r, from);
        return second.equals(first) ? List.of(first) : List.of(first, second);
    }

    private static String strings(List<String> values) {
        return "[" + values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",")) + "]";
    }

    // ---- smaller worlds, for the minimiser -------------------------------------------------------------------

    /** Every world one simplification away from {@code w}, most drastic first. */
    static List<World> simpler(World w) {
        List<World> out = new ArrayList<>();
        if (w.accountBlockPublicAccess()) {
            out.add(new World(
                    false, w.buckets(), w.userPolicies(), w.rolePolicies(), w.sessionPolicy(), w.sessionName()));
        }
        for (BucketSpec b : w.buckets()) {
            if (b.policy().isPresent()) {
                out.add(w.withBucket(
                        new BucketSpec(b.name(), b.acl(), Optional.empty(), b.blockPublicAccess(), b.objects())));
            }
            if (!b.acl().equals("private")) {
                out.add(w.withBucket(
                        new BucketSpec(b.name(), "private", b.policy(), b.blockPublicAccess(), b.objects())));
            }
            if (b.blockPublicAccess()) {
                out.add(w.withBucket(new BucketSpec(b.name(), b.acl(), b.policy(), false, b.objects())));
            }
            for (String key : b.objects().keySet()) {
                Map<String, String> fewer = new LinkedHashMap<>(b.objects());
                fewer.remove(key);
                out.add(w.withBucket(new BucketSpec(b.name(), b.acl(), b.policy(), b.blockPublicAccess(), fewer)));
                if (!b.objects().get(key).equals("default")) {
                    Map<String, String> plain = new LinkedHashMap<>(b.objects());
                    plain.put(key, "default");
                    out.add(w.withBucket(new BucketSpec(b.name(), b.acl(), b.policy(), b.blockPublicAccess(), plain)));
                }
            }
            b.policy()
                    .ifPresent(p -> simplerDocs(p)
                            .forEach(d -> out.add(w.withBucket(new BucketSpec(
                                    b.name(), b.acl(), Optional.of(d), b.blockPublicAccess(), b.objects())))));
        }
        if (w.sessionPolicy().isPresent()) {
            out.add(new World(
                    w.accountBlockPublicAccess(),
                    w.buckets(),
                    w.userPolicies(),
                    w.rolePolicies(),
                    Optional.empty(),
                    w.sessionName()));
            simplerDocs(w.sessionPolicy().get())
                    .forEach(d -> out.add(new World(
                            w.accountBlockPublicAccess(),
                            w.buckets(),
                            w.userPolicies(),
                            w.rolePolicies(),
                            Optional.of(d),
                            w.sessionName())));
        }
        w.userPolicies()
                .forEach((user, docs) -> simplerLists(docs).forEach(fewer -> {
                    Map<String, List<Doc>> users = new LinkedHashMap<>(w.userPolicies());
                    users.put(user, fewer);
                    out.add(new World(
                            w.accountBlockPublicAccess(),
                            w.buckets(),
                            users,
                            w.rolePolicies(),
                            w.sessionPolicy(),
                            w.sessionName()));
                }));
        simplerLists(w.rolePolicies())
                .forEach(fewer -> out.add(new World(
                        w.accountBlockPublicAccess(),
                        w.buckets(),
                        w.userPolicies(),
                        fewer,
                        w.sessionPolicy(),
                        w.sessionName())));
        return out;
    }

    /** Lists of documents with one document dropped or made simpler. */
    private static List<List<Doc>> simplerLists(List<Doc> docs) {
        List<List<Doc>> out = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            List<Doc> fewer = new ArrayList<>(docs);
            fewer.remove(i);
            out.add(fewer);
            for (Doc d : simplerDocs(docs.get(i))) {
                List<Doc> changed = new ArrayList<>(docs);
                changed.set(i, d);
                out.add(changed);
            }
        }
        return out;
    }

    /** Documents with one statement dropped (never the last) or one statement made simpler. */
    private static List<Doc> simplerDocs(Doc doc) {
        List<Doc> out = new ArrayList<>();
        List<Stmt> statements = doc.statements();
        for (int i = 0; i < statements.size(); i++) {
            if (statements.size() > 1) {
                List<Stmt> fewer = new ArrayList<>(statements);
                fewer.remove(i);
                out.add(new Doc(fewer));
            }
            for (Stmt s : simplerStatements(statements.get(i))) {
                List<Stmt> changed = new ArrayList<>(statements);
                changed.set(i, s);
                out.add(new Doc(changed));
            }
        }
        return out;
    }

    private static List<Stmt> simplerStatements(Stmt s) {
        List<Stmt> out = new ArrayList<>();
        for (int i = 0; i < s.conditions().size(); i++) {
            List<Cond> fewer = new ArrayList<>(s.conditions());
            Cond dropped = fewer.remove(i);
            // A bucket policy keeps acs:SourceVpc beside acs:SourceIp, as OSS requires.
            if (dropped.key().equals("acs:SourceVpc")
                    && s.principals().isPresent()
                    && fewer.stream().anyMatch(c -> c.key().equals("acs:SourceIp"))) {
                continue;
            }
            out.add(new Stmt(
                    s.allow(), s.notAction(), s.actions(), s.notResource(), s.resources(), s.principals(), fewer));
        }
        for (List<String> actions : shorter(s.actions())) {
            out.add(new Stmt(
                    s.allow(), s.notAction(), actions, s.notResource(), s.resources(), s.principals(), s.conditions()));
        }
        for (List<String> resources : shorter(s.resources())) {
            out.add(new Stmt(
                    s.allow(), s.notAction(), s.actions(), s.notResource(), resources, s.principals(), s.conditions()));
        }
        s.principals()
                .ifPresent(p -> shorter(p)
                        .forEach(fewer -> out.add(new Stmt(
                                s.allow(),
                                s.notAction(),
                                s.actions(),
                                s.notResource(),
                                s.resources(),
                                Optional.of(fewer),
                                s.conditions()))));
        return out;
    }

    private static List<List<String>> shorter(List<String> values) {
        List<List<String>> out = new ArrayList<>();
        if (values.size() > 1) {
            for (int i = 0; i < values.size(); i++) {
                List<String> fewer = new ArrayList<>(values);
                fewer.remove(i);
                out.add(fewer);
            }
        }
        return out;
    }
}
