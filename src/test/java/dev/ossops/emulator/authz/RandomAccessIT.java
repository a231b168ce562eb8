package dev.ossops.emulator.authz;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.CredentialsProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.AppendObjectRequest;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.DeleteObjectsRequest;
import com.aliyun.oss.model.GenericRequest;
import com.aliyun.oss.model.GetObjectRequest;
import com.aliyun.oss.model.HeadObjectRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.ListObjectsV2Request;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.PutBucketPublicAccessBlockRequest;
import com.aliyun.oss.model.PutObjectRequest;
import com.aliyun.oss.model.PutPublicAccessBlockRequest;
import com.aliyun.oss.model.SetObjectAclRequest;
import com.aliyun.oss.model.WebServiceRequest;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToRoleRequest;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToUserRequest;
import com.aliyuncs.ram.model.v20150501.DeletePolicyRequest;
import com.aliyuncs.ram.model.v20150501.DetachPolicyFromRoleRequest;
import com.aliyuncs.ram.model.v20150501.DetachPolicyFromUserRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleResponse;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.authz.AuthzFixture.Credentials;
import dev.ossops.emulator.authz.RandomWorlds.BucketSpec;
import dev.ossops.emulator.authz.RandomWorlds.Doc;
import dev.ossops.emulator.authz.RandomWorlds.Probe;
import dev.ossops.emulator.authz.RandomWorlds.Who;
import dev.ossops.emulator.authz.RandomWorlds.World;
import dev.ossops.policy.AttachedPolicy;
import dev.ossops.policy.OssApi;
import dev.ossops.policy.PolicyDocument;
import dev.ossops.policy.PolicyParser;
import dev.ossops.policy.PolicyType;
import dev.ossops.policy.access.AccessChecker;
import dev.ossops.policy.access.AccessFacts;
import dev.ossops.policy.access.AccessPrincipal;
import dev.ossops.policy.access.AccessQuery;
import dev.ossops.policy.access.AccessVerdict;
import dev.ossops.policy.access.BucketFacts;
import dev.ossops.policy.access.Fact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 17: the access evaluator ({@code dev.ossops.policy.access}, what {@code plan} proves assertions with) against
 * what the emulator does. Each round generates a small world ({@link RandomWorlds}), sets it up through the official
 * SDKs (OSS, RAM, STS), sends random requests with the official OSS SDK as anonymous, RAM users, a role session, the
 * account and another account, and asks the {@link AccessChecker} the same question for the same documents. Denied
 * is 403 AccessDenied; what only a request past authorization gets (200, NoSuchKey, NoSuchBucketPolicy,
 * ObjectNotAppendable) is allowed; any other answer fails the run. Every disagreement is minimised (the smallest world that still disagrees) and printed with the seed.
 * {@code -Daccess.random.seed=N} replays a run, {@code -Daccess.random.cases=N} sets its size (default 300).
 */
class RandomAccessIT {
    private static final int PROBES_PER_ROUND = 12;
    private static final int MAX_MINIMISED = 3;
    private static final int MAX_MINIMISE_STEPS = 150;
    /** Errors only a request that passed authorization gets. */
    private static final Set<String> PASSED_AUTHORIZATION =
            Set.of("NoSuchKey", "NoSuchBucketPolicy", "ObjectNotAppendable", "PositionNotEqualToLength");

    private static final AccessChecker CHECKER = new AccessChecker();

    @TempDir
    Path dir;

    private AuthzFixture fx;
    private OSS root;
    private OSS otherRoot;
    private OSS anonymous;
    private final Map<String, OSS> users = new LinkedHashMap<>();
    /** The AccessKey id each signed caller uses (acs:AccessId); the role session's changes every round. */
    private final Map<Who, String> keyIds = new java.util.EnumMap<>(Who.class);

    private RandomWorlds.Ids ids;
    private String roleArn;
    private Credentials stsCaller;
    private final Map<String, List<String>> attached = new LinkedHashMap<>();

    /** One request and the two answers to it. */
    private record Disagreement(World world, Probe probe, Answer emulator, Answer evaluator) {
        String describe() {
            return probe.describe() + "\n    emulator: " + emulator + "\n    evaluator: " + evaluator + "\n"
                    + world.describe();
        }
    }

    /** Allowed or denied, with what said so. */
    private record Answer(boolean allowed, String detail) {
        @Override
        public String toString() {
            return (allowed ? "allowed" : "denied") + " (" + detail + ")";
        }
    }

    @Test
    void evaluatorAgreesWithTheEmulator() {
        long seed = Long.getLong("access.random.seed", new Random().nextLong());
        int cases = Integer.getInteger("access.random.cases", 300);
        long started = System.nanoTime();
        fx = new AuthzFixture(
                dir,
                b -> b.otherAccount(
                        EmulatorClients.OTHER_ACCOUNT_ID,
                        EmulatorClients.OTHER_ROOT_KEY_ID,
                        EmulatorClients.OTHER_ROOT_KEY_SECRET));
        List<Disagreement> found = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        int run = 0;
        int allowed = 0;
        int rounds = 0;
        try {
            setUp();
            Random random = new Random(seed);
            while (run < cases) {
                rounds++;
                World world = RandomWorlds.world(random, ids);
                Map<String, Map<String, String>> objects = objectsOf(world);
                OSS session = apply(world);
                try {
                    for (int i = 0; i < PROBES_PER_ROUND && run < cases; i++, run++) {
                        Probe probe = RandomWorlds.probe(random);
                        World now = withObjects(world, objects);
                        Answer evaluator = evaluate(now, probe);
                        Answer emulator;
                        try {
                            emulator = send(probe, session);
                        } catch (UnexpectedAnswer e) {
                            unexpected.add(probe.describe() + ": " + e.getMessage() + "\n" + now.describe());
                            continue;
                        }
                        if (emulator.allowed()) {
                            allowed++;
                            track(objects, probe, emulator);
                        }
                        if (emulator.allowed() != evaluator.allowed()) {
                            found.add(new Disagreement(now, probe, emulator, evaluator));
                        }
                    }
                } finally {
                    session.shutdown();
                }
            }
        } catch (RuntimeException | AssertionError e) {
            // A world the emulator refused to set up, or a request that failed outright: still replayable.
            fx.close();
            throw new AssertionError(
                    "round " + rounds + " failed (replay with -Daccess.random.seed=" + seed + " -Daccess.random.cases="
                            + cases + "): " + e.getMessage(),
                    e);
        }
        try {
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf(
                    "access.random: seed %d, %d cases (%d allowed) in %d rounds, %d disagreements, %d unexpected"
                            + " answers, %d ms%n",
                    seed, run, allowed, rounds, found.size(), unexpected.size(), millis);
            if (!found.isEmpty() || !unexpected.isEmpty()) {
                StringBuilder report = new StringBuilder()
                        .append(found.size())
                        .append(" of ")
                        .append(run)
                        .append(" cases disagree, ")
                        .append(unexpected.size())
                        .append(" answered unexpectedly (replay with -Daccess.random.seed=")
                        .append(seed)
                        .append(" -Daccess.random.cases=")
                        .append(cases)
                        .append(")\n");
                for (Disagreement d : found.subList(0, Math.min(MAX_MINIMISED, found.size()))) {
                    report.append("minimised: ").append(minimise(d).describe()).append('\n');
                }
                unexpected.stream()
                        .limit(MAX_MINIMISED)
                        .forEach(u -> report.append("unexpected: ").append(u));
                fail(report.toString());
            }
        } finally {
            fx.close();
        }
    }

    // ---- setup -----------------------------------------------------------------------------------------------

    private void setUp() {
        root = fx.root(SignVersion.V4);
        otherRoot =
                client(new Credentials(EmulatorClients.OTHER_ROOT_KEY_ID, EmulatorClients.OTHER_ROOT_KEY_SECRET, null));
        anonymous = client(null);
        RandomWorlds.BUCKETS.forEach(root::createBucket);
        Map<String, String> userIds = new LinkedHashMap<>();
        keyIds.put(Who.ROOT, fx.rootKeyId());
        keyIds.put(Who.OTHER_ROOT, EmulatorClients.OTHER_ROOT_KEY_ID);
        for (String user : RandomWorlds.USERS) {
            Credentials key = fx.user(user);
            keyIds.put(user.equals(RandomWorlds.USERS.get(0)) ? Who.USER1 : Who.USER2, key.id());
            users.put(user, client(key));
            userIds.put(user, fx.userId(user));
            attached.put(user, new ArrayList<>());
        }
        roleArn = fx.role(RandomWorlds.ROLE);
        attached.put(RandomWorlds.ROLE, new ArrayList<>());
        stsCaller = fx.user("rnd-sts-caller", AuthzFixture.document(AuthzFixture.allow("\"sts:AssumeRole\"", "\"*\"")));
        Map<String, String> userKeyIds = new LinkedHashMap<>();
        keyIds.forEach((who, id) -> {
            if (who == Who.USER1 || who == Who.USER2) {
                userKeyIds.put(who.name(), id);
            }
        });
        ids = new RandomWorlds.Ids(fx.account(), EmulatorClients.OTHER_ACCOUNT_ID, userIds, userKeyIds);
    }

    /** An OSS client for these credentials; {@code null}: unsigned requests. */
    private OSS client(Credentials credentials) {
        if (credentials != null) {
            return fx.oss(SignVersion.V4, credentials);
        }
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setMaxErrorRetry(0);
        // The SDK signs nothing when the key id and secret are empty: an anonymous caller.
        CredentialsProvider none = new CredentialsProvider() {
            @Override
            public void setCredentials(com.aliyun.oss.common.auth.Credentials creds) {}

            @Override
            public com.aliyun.oss.common.auth.Credentials getCredentials() {
                return EMPTY;
            }
        };
        return OSSClientBuilder.create()
                .endpoint(fx.endpoint().toString())
                .credentialsProvider(none)
                .clientConfiguration(conf)
                .region("cn-hangzhou")
                .build();
    }

    private static final com.aliyun.oss.common.auth.Credentials EMPTY = new com.aliyun.oss.common.auth.Credentials() {
        @Override
        public String getAccessKeyId() {
            return "";
        }

        @Override
        public String getSecretAccessKey() {
            return "";
        }

        @Override
        public String getSecurityToken() {
            return null;
        }

        @Override
        public boolean useSecurityToken() {
            return false;
        }
    };

    /**
     * Makes the emulator hold {@code world} and returns a client for the role session. Block Public Access goes off
     * first and on last: OSS refuses public ACLs and policies while it is on, not ones set before.
     */
    private OSS apply(World world) {
        // The old bucket policies go first: a Deny in one could refuse the account the rest of the reset.
        world.buckets().forEach(b -> root.deleteBucketPolicy(b.name()));
        root.deletePublicAccessBlock();
        for (BucketSpec b : world.buckets()) {
            root.deleteBucketPublicAccessBlock(b.name());
            root.setBucketAcl(b.name(), CannedAccessControlList.parse(b.acl()));
            for (OSSObjectSummary o : root.listObjects(b.name()).getObjectSummaries()) {
                root.deleteObject(b.name(), o.getKey());
            }
            b.objects().forEach((key, acl) -> {
                root.putObject(b.name(), key, body());
                if (!acl.equals("default")) {
                    root.setObjectAcl(b.name(), key, CannedAccessControlList.parse(acl));
                }
            });
        }
        for (BucketSpec b : world.buckets()) {
            b.policy().ifPresent(p -> root.setBucketPolicy(b.name(), p.json()));
            if (b.blockPublicAccess()) {
                root.putBucketPublicAccessBlock(new PutBucketPublicAccessBlockRequest(b.name(), true));
            }
        }
        if (world.accountBlockPublicAccess()) {
            root.putPublicAccessBlock(new PutPublicAccessBlockRequest(true));
        }
        world.userPolicies().forEach(this::attach);
        attach(RandomWorlds.ROLE, world.rolePolicies());
        AssumeRoleRequest assume = new AssumeRoleRequest();
        assume.setRoleArn(roleArn);
        assume.setRoleSessionName(world.sessionName());
        assume.setDurationSeconds(900L);
        world.sessionPolicy().ifPresent(p -> assume.setPolicy(p.json()));
        AssumeRoleResponse.Credentials c =
                fx.call(fx.rpc(stsCaller.id(), stsCaller.secret()), assume).getCredentials();
        keyIds.put(Who.ROLE_SESSION, c.getAccessKeyId());
        return client(new Credentials(c.getAccessKeyId(), c.getAccessKeySecret(), c.getSecurityToken()));
    }

    /** Replaces the custom policies attached to a user (or, for {@link RandomWorlds#ROLE}, the role). */
    private void attach(String principal, List<Doc> docs) {
        boolean role = principal.equals(RandomWorlds.ROLE);
        for (String name : attached.get(principal)) {
            if (role) {
                DetachPolicyFromRoleRequest detach = new DetachPolicyFromRoleRequest();
                detach.setPolicyType("Custom");
                detach.setPolicyName(name);
                detach.setRoleName(principal);
                fx.call(detach);
            } else {
                DetachPolicyFromUserRequest detach = new DetachPolicyFromUserRequest();
                detach.setPolicyType("Custom");
                detach.setPolicyName(name);
                detach.setUserName(principal);
                fx.call(detach);
            }
            DeletePolicyRequest delete = new DeletePolicyRequest();
            delete.setPolicyName(name);
            fx.call(delete);
        }
        attached.get(principal).clear();
        for (Doc doc : docs) {
            String name = fx.policy(doc.json());
            if (role) {
                AttachPolicyToRoleRequest a = new AttachPolicyToRoleRequest();
                a.setPolicyType("Custom");
                a.setPolicyName(name);
                a.setRoleName(principal);
                fx.call(a);
            } else {
                AttachPolicyToUserRequest a = new AttachPolicyToUserRequest();
                a.setPolicyType("Custom");
                a.setPolicyName(name);
                a.setUserName(principal);
                fx.call(a);
            }
            attached.get(principal).add(name);
        }
    }

    private static ByteArrayInputStream body() {
        return new ByteArrayInputStream("random access".getBytes(StandardCharsets.UTF_8));
    }

    // ---- the emulator's answer -------------------------------------------------------------------------------

    /** An answer that is neither AccessDenied nor one that only a passed authorization gives. */
    private static final class UnexpectedAnswer extends RuntimeException {
        UnexpectedAnswer(String message) {
            super(message);
        }
    }

    private Answer send(Probe p, OSS session) {
        OSS client = switch (p.who()) {
            case ANONYMOUS -> anonymous;
            case USER1 -> users.get(RandomWorlds.USERS.get(0));
            case USER2 -> users.get(RandomWorlds.USERS.get(1));
            case ROLE_SESSION -> session;
            case ROOT -> root;
            case OTHER_ROOT -> otherRoot;
        };
        String bucket = p.bucket();
        String key = p.key().orElse(null);
        try {
            switch (p.op()) {
                case GET_OBJECT -> {
                    try (OSSObject o = client.getObject(withReferer(new GetObjectRequest(bucket, key), p))) {
                        o.getObjectContent().readAllBytes();
                    }
                }
                case GET_OBJECT_META -> client.getObjectMetadata(withReferer(new GenericRequest(bucket, key), p));
                case PUT_OBJECT -> client.putObject(withReferer(new PutObjectRequest(bucket, key, body()), p));
                case DELETE_OBJECT -> client.deleteObject(withReferer(new GenericRequest(bucket, key), p));
                case GET_OBJECT_ACL -> client.getObjectAcl(withReferer(new GenericRequest(bucket, key), p));
                case LIST_OBJECTS ->
                    client.listObjects(withReferer(
                            new ListObjectsRequest(bucket)
                                    .withPrefix(p.prefix().orElse(null))
                                    .withDelimiter(p.delimiter().orElse(null)),
                            p));
                case GET_BUCKET_ACL -> client.getBucketAcl(withReferer(new GenericRequest(bucket), p));
                case GET_BUCKET_INFO -> client.getBucketInfo(withReferer(new GenericRequest(bucket), p));
                case GET_BUCKET_POLICY -> client.getBucketPolicy(withReferer(new GenericRequest(bucket), p));
                case HEAD_OBJECT -> client.headObject(withReferer(new HeadObjectRequest(bucket, key), p));
                case LIST_OBJECTS_V2 ->
                    client.listObjectsV2(withReferer(
                            new ListObjectsV2Request(bucket)
                                    .withPrefix(p.prefix().orElse(null))
                                    .withDelimiter(p.delimiter().orElse(null)),
                            p));
                case DELETE_OBJECTS ->
                    client.deleteObjects(withReferer(new DeleteObjectsRequest(bucket).withKeys(List.of(key)), p));
                case GET_BUCKET_LOCATION -> client.getBucketLocation(withReferer(new GenericRequest(bucket), p));
                case APPEND_OBJECT ->
                    client.appendObject(withReferer(new AppendObjectRequest(bucket, key, body()).withPosition(0L), p));
                case INITIATE_MULTIPART_UPLOAD ->
                    client.initiateMultipartUpload(withReferer(new InitiateMultipartUploadRequest(bucket, key), p));
                case PUT_OBJECT_ACL ->
                    client.setObjectAcl(
                            withReferer(new SetObjectAclRequest(bucket, key, CannedAccessControlList.Private), p));
            }
            return new Answer(true, "200");
        } catch (OSSException e) {
            if ("AccessDenied".equals(e.getErrorCode())) {
                return new Answer(false, "AccessDenied: " + e.getErrorMessage());
            }
            if (PASSED_AUTHORIZATION.contains(e.getErrorCode())) {
                return new Answer(true, e.getErrorCode());
            }
            throw new UnexpectedAnswer(e.getErrorCode() + ": " + e.getErrorMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T extends WebServiceRequest> T withReferer(T request, Probe p) {
        p.referer().ifPresent(r -> request.addHeader("Referer", r));
        return request;
    }

    /**
     * Objects come and go with the requests the emulator carried out: a PutObject (or an AppendObject creating the
     * object) leaves the default ACL, PutObjectAcl sets private on an object that exists.
     */
    private static void track(Map<String, Map<String, String>> objects, Probe p, Answer answer) {
        Map<String, String> bucket = objects.get(p.bucket());
        String key = p.key().orElse(null);
        boolean done = answer.detail().equals("200");
        switch (p.op()) {
            case PUT_OBJECT -> bucket.put(key, "default");
            case APPEND_OBJECT -> {
                if (done) {
                    bucket.put(key, "default");
                }
            }
            case DELETE_OBJECT, DELETE_OBJECTS -> bucket.remove(key);
            case PUT_OBJECT_ACL -> {
                if (done) {
                    bucket.put(key, "private");
                }
            }
            default -> {}
        }
    }

    private static Map<String, Map<String, String>> objectsOf(World world) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        world.buckets().forEach(b -> out.put(b.name(), new LinkedHashMap<>(b.objects())));
        return out;
    }

    private static World withObjects(World world, Map<String, Map<String, String>> objects) {
        World out = world;
        for (BucketSpec b : world.buckets()) {
            out = out.withBucket(
                    new BucketSpec(b.name(), b.acl(), b.policy(), b.blockPublicAccess(), objects.get(b.name())));
        }
        return out;
    }

    // ---- the evaluator's answer ------------------------------------------------------------------------------

    /** The access checker's verdict on "may this principal do this", with every condition key the request carries pinned. */
    private Answer evaluate(World world, Probe p) {
        Map<String, BucketFacts> buckets = new LinkedHashMap<>();
        for (BucketSpec b : world.buckets()) {
            buckets.put(
                    b.name(),
                    new BucketFacts(
                            b.name(),
                            Fact.known(b.acl()),
                            Fact.known(b.policy().map(d -> PolicyParser.parse(d.json(), PolicyType.BUCKET))),
                            Fact.known(b.blockPublicAccess())));
        }
        Map<String, Fact<List<AttachedPolicy>>> userFacts = new LinkedHashMap<>();
        world.userPolicies().forEach((user, docs) -> userFacts.put(user, Fact.known(attached(user, docs))));
        AccessFacts facts = new AccessFacts(
                Fact.known(ids.account()),
                Fact.known(world.accountBlockPublicAccess()),
                buckets,
                userFacts,
                Map.of(RandomWorlds.ROLE, Fact.known(attached(RandomWorlds.ROLE, world.rolePolicies()))),
                ids.userIds(),
                Map.of(),
                new AccessFacts.ObjectAcls() {
                    @Override
                    public Fact<String> of(String bucket, String key) {
                        return Fact.known(world.bucket(bucket).objects().getOrDefault(key, "default"));
                    }

                    @Override
                    public List<String> knownKeys(String bucket) {
                        return List.copyOf(world.bucket(bucket).objects().keySet());
                    }
                },
                "not part of this world");
        AccessPrincipal principal = switch (p.who()) {
            case ANONYMOUS -> new AccessPrincipal.Anonymous();
            case USER1 -> new AccessPrincipal.User(RandomWorlds.USERS.get(0));
            case USER2 -> new AccessPrincipal.User(RandomWorlds.USERS.get(1));
            case ROLE_SESSION ->
                new AccessPrincipal.Role(
                        RandomWorlds.ROLE,
                        world.sessionPolicy().map(d -> PolicyParser.parse(d.json(), PolicyType.SESSION)),
                        Optional.of(world.sessionName()));
            case ROOT -> new AccessPrincipal.Account(Optional.empty());
            case OTHER_ROOT -> new AccessPrincipal.Account(Optional.of(ids.otherAccount()));
        };
        // What the emulator's front observes of every request from this test: loopback, plain HTTP, no VPC.
        Map<String, Optional<String>> pinned = new LinkedHashMap<>();
        pinned.put("acs:SourceIp", Optional.of("127.0.0.1"));
        pinned.put("acs:SecureTransport", Optional.of("false"));
        pinned.put("acs:SourceVpc", Optional.empty());
        pinned.put("acs:Referer", p.referer());
        pinned.put("oss:Prefix", p.prefix());
        pinned.put("oss:Delimiter", p.delimiter());
        pinned.put("acs:AccessId", Optional.ofNullable(keyIds.get(p.who())));
        pinned.put("acs:CurrentTime", Optional.of(java.time.Instant.now().toString()));
        AccessQuery query = new AccessQuery(
                "random",
                principal,
                OssApi.of(p.op().api).orElseThrow().actions(false),
                p.bucket(),
                p.key(),
                Optional.empty(),
                pinned,
                Optional.empty(),
                true);
        AccessVerdict verdict = CHECKER.check(query, facts);
        return switch (verdict.status()) {
            case HOLDS -> new Answer(true, verdict.message());
            case FAILS -> new Answer(false, verdict.message());
            case UNKNOWN -> new Answer(false, "undecided: " + verdict.message());
        };
    }

    private static List<AttachedPolicy> attached(String principal, List<Doc> docs) {
        List<AttachedPolicy> out = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            PolicyDocument d = PolicyParser.parse(docs.get(i).json(), PolicyType.IDENTITY);
            out.add(new AttachedPolicy(principal + "-policy-" + i, d));
        }
        return out;
    }

    // ---- minimising ------------------------------------------------------------------------------------------

    /** The smallest world (one simplification at a time, greedily) in which the request still disagrees. */
    private Disagreement minimise(Disagreement d) {
        Disagreement smallest = d;
        int steps = 0;
        boolean progress = true;
        while (progress && steps < MAX_MINIMISE_STEPS) {
            progress = false;
            for (World candidate : RandomWorlds.simpler(smallest.world())) {
                if (++steps > MAX_MINIMISE_STEPS) {
                    break;
                }
                Optional<Disagreement> still = replay(candidate, smallest.probe());
                if (still.isPresent()) {
                    smallest = still.get();
                    progress = true;
                    break;
                }
            }
        }
        return smallest;
    }

    private Optional<Disagreement> replay(World world, Probe probe) {
        OSS session = apply(world);
        try {
            Answer evaluator = evaluate(world, probe);
            Answer emulator = send(probe, session);
            return emulator.allowed() != evaluator.allowed()
                    ? Optional.of(new Disagreement(world, probe, emulator, evaluator))
                    : Optional.empty();
        } catch (UnexpectedAnswer e) {
            return Optional.empty();
        } finally {
            session.shutdown();
        }
    }
}
