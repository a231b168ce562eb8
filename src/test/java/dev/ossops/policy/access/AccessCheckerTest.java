package dev.ossops.policy.access;

import dev.ossops.policy.AttachedPolicy;
import dev.ossops.policy.OssAction;
import dev.ossops.policy.PolicyDocument;
import dev.ossops.policy.PolicyParser;
import dev.ossops.policy.PolicyType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The checker on small worlds: every verdict and message exactly. */
class AccessCheckerTest {
    private static final String ACCOUNT = "1680000000000001";
    private static final AccessChecker CHECKER = new AccessChecker();

    private static PolicyDocument bucketPolicy(String json) {
        return PolicyParser.parse(json, PolicyType.BUCKET);
    }

    private static AttachedPolicy identity(String name, String json) {
        return new AttachedPolicy(name, PolicyParser.parse(json, PolicyType.IDENTITY));
    }

    /** A builder of facts: everything known unless a test says otherwise. */
    private static final class World {
        Fact<String> acl = Fact.known("private");
        Fact<Optional<PolicyDocument>> policy = Fact.known(Optional.empty());
        Fact<Boolean> block = Fact.known(false);
        Fact<Boolean> accountBlock = Fact.known(false);
        Map<String, Fact<List<AttachedPolicy>>> users = new HashMap<>();
        Map<String, Fact<List<AttachedPolicy>>> roles = new HashMap<>();
        Map<String, EdgeFacts> cdn = new HashMap<>();
        AccessFacts.ObjectAcls objects = (b, k) -> Fact.known("default");

        AccessFacts facts() {
            return new AccessFacts(
                    Fact.known(ACCOUNT),
                    accountBlock,
                    Map.of("media", new BucketFacts("media", acl, policy, block)),
                    users,
                    roles,
                    Map.of(),
                    cdn,
                    objects,
                    "not defined in this profile");
        }
    }

    private static AccessQuery query(AccessPrincipal principal, OssAction action, String keys, boolean allowed) {
        return new AccessQuery(
                "t",
                principal,
                List.of(action),
                "media",
                Optional.ofNullable(keys),
                Optional.empty(),
                Map.of(),
                Optional.empty(),
                allowed);
    }

    private static AccessQuery anonymousRead(String keys) {
        return query(new AccessPrincipal.Anonymous(), OssAction.GET_OBJECT, keys, false);
    }

    @Test
    void check_privateBucketWithBlockPublicAccess_holdsWhateverTheObjectAcls() {
        World w = new World();
        w.block = Fact.known(true);
        w.objects = AccessFacts.ObjectAcls.notManaged();
        AccessVerdict v = CHECKER.check(anonymousRead("invoices/*"), w.facts());
        assertEquals(AccessVerdict.Status.HOLDS, v.status(), v.message());
        assertEquals("anonymous caller may not oss:GetObject on media/invoices/* (1 request checked)", v.message());
    }

    /** Pinned while RandomAccessIT's first disagreement was decided: an object's own ACL governs writing it too. */
    @Test
    void check_objectAclDecidesWrites_privateObjectInPublicWriteBucket() {
        World w = new World();
        w.acl = Fact.known("public-read-write");
        w.objects = (b, k) -> Fact.known("private");
        AccessVerdict v = CHECKER.check(
                query(new AccessPrincipal.Anonymous(), OssAction.DELETE_OBJECT, "top.txt", false), w.facts());
        assertEquals(AccessVerdict.Status.HOLDS, v.status(), v.message());
        assertEquals("anonymous caller may not oss:DeleteObject on media/top.txt (1 request checked)", v.message());
    }

    /** Pinned while RandomAccessIT's second disagreement was decided: a public-read-write object is writable by all. */
    @Test
    void check_objectAclDecidesWrites_publicWriteObjectInPrivateBucket() {
        World w = new World();
        w.objects = (b, k) -> Fact.known("public-read-write");
        AccessVerdict v = CHECKER.check(
                query(new AccessPrincipal.Anonymous(), OssAction.PUT_OBJECT, "top.txt", false), w.facts());
        assertEquals(AccessVerdict.Status.FAILS, v.status());
        assertEquals(
                "anonymous caller may oss:PutObject on media/top.txt: allowed by the object ACL public-read-write",
                v.message());
    }

    @Test
    void check_objectAclsUnmanagedWithoutBlock_unknownWithTheReason() {
        World w = new World();
        w.objects = AccessFacts.ObjectAcls.notManaged();
        AccessVerdict v = CHECKER.check(anonymousRead("invoices/*"), w.facts());
        assertEquals(AccessVerdict.Status.UNKNOWN, v.status());
        assertEquals(
                "unknown whether anonymous caller may oss:GetObject on media/invoices/x: it depends on object ACLs are not "
                        + "managed by ossops (an object may carry its own public ACL)",
                v.message());
    }

    @Test
    void check_publicStatementUnderThePattern_failsNamingTheStatement() {
        World w = new World();
        w.policy = Fact.known(Optional.of(bucketPolicy("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":[\"*\"],\"Action\":[\"oss:GetObject\"],\"Resource\":[\"acs:oss:*:*:media/site/*\"]},"
                + "{\"Effect\":\"Allow\",\"Principal\":[\"*\"],\"Action\":[\"oss:GetObject\"],"
                + "\"Resource\":[\"acs:oss:*:*:media/invoices/2024/*\"]}]}")));
        AccessVerdict v = CHECKER.check(anonymousRead("invoices/*"), w.facts());
        assertEquals(AccessVerdict.Status.FAILS, v.status());
        assertEquals(
                "anonymous caller may oss:GetObject on media/invoices/2024/x: allowed by bucket policy \"media\" "
                        + "Statement[1]",
                v.message());
        assertEquals(1, v.decidingStatement().orElseThrow().index());
    }

    @Test
    void check_publicGrantOutsideThePattern_holds() {
        World w = new World();
        w.policy = Fact.known(
                Optional.of(
                        bucketPolicy(
                                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                                        + "\"Principal\":[\"*\"],\"Action\":[\"oss:GetObject\"],\"Resource\":[\"acs:oss:*:*:media/site/*\"]}]}")));
        assertEquals(
                AccessVerdict.Status.HOLDS,
                CHECKER.check(anonymousRead("invoices/*"), w.facts()).status());
        assertEquals(
                AccessVerdict.Status.FAILS,
                CHECKER.check(anonymousRead("*"), w.facts()).status());
    }

    @Test
    void check_sourceIpCondition_failsForAnAddressInsideUnlessTheAssertionPinsAnother() {
        World w = new World();
        w.policy = Fact.known(Optional.of(bucketPolicy("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":[\"*\"],\"Action\":[\"oss:GetObject\"],\"Resource\":[\"acs:oss:*:*:media/*\"],"
                + "\"Condition\":{\"IpAddress\":{\"acs:SourceIp\":[\"192.0.2.0/24\"]},"
                + "\"StringNotLike\":{\"acs:SourceVpc\":[\"vpc-*\"]}}}]}")));
        AccessVerdict v = CHECKER.check(anonymousRead("a.txt"), w.facts());
        assertEquals(
                "anonymous caller may oss:GetObject on media/a.txt (acs:SourceIp=192.0.2.0, no acs:SourceVpc): allowed by "
                        + "bucket policy \"media\" Statement[0]",
                v.message());
        AccessQuery pinned = new AccessQuery(
                "t",
                new AccessPrincipal.Anonymous(),
                List.of(OssAction.GET_OBJECT),
                "media",
                Optional.of("a.txt"),
                Optional.empty(),
                Map.of("acs:SourceIp", Optional.of("198.51.100.7")),
                Optional.empty(),
                false);
        assertEquals(
                AccessVerdict.Status.HOLDS, CHECKER.check(pinned, w.facts()).status());
    }

    @Test
    void check_sessionPolicyNarrowsTheRole_holdsOnlyWithIt() {
        World w = new World();
        w.roles.put(
                "uploader",
                Fact.known(
                        List.of(
                                identity(
                                        "RW",
                                        "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                                                + "\"Action\":[\"oss:PutObject\",\"oss:DeleteObject\"],\"Resource\":[\"acs:oss:*:*:media/*\"]}]}"))));
        PolicyDocument session = PolicyParser.parse(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":[\"oss:PutObject\"],\"Resource\":[\"acs:oss:*:*:media/uploads/*\"]}]}",
                PolicyType.SESSION);
        AccessVerdict narrowed = CHECKER.check(
                query(
                        new AccessPrincipal.Role("uploader", Optional.of(session), Optional.empty()),
                        OssAction.DELETE_OBJECT,
                        "uploads/*",
                        false),
                w.facts());
        assertEquals(AccessVerdict.Status.HOLDS, narrowed.status(), narrowed.message());
        AccessVerdict bare = CHECKER.check(
                query(
                        new AccessPrincipal.Role("uploader", Optional.empty(), Optional.empty()),
                        OssAction.DELETE_OBJECT,
                        "uploads/*",
                        false),
                w.facts());
        assertEquals(
                "role session uploader/* may oss:DeleteObject on media/uploads/x: allowed by identity policy \"RW\" "
                        + "Statement[0]",
                bare.message());
        AccessVerdict put = CHECKER.check(
                query(
                        new AccessPrincipal.Role("uploader", Optional.of(session), Optional.empty()),
                        OssAction.PUT_OBJECT,
                        "uploads/*",
                        true),
                w.facts());
        assertEquals(AccessVerdict.Status.HOLDS, put.status(), put.message());
    }

    @Test
    void check_userNotDefined_unknownUnlessAKnownDenyDecides() {
        World w = new World();
        AccessVerdict v =
                CHECKER.check(query(new AccessPrincipal.User("ghost"), OssAction.PUT_OBJECT, "x", false), w.facts());
        assertEquals(
                "unknown whether RAM user ghost may oss:PutObject on media/x: it depends on the policies of RAM user ghost: "
                        + "RAM user ghost is not defined in this profile",
                v.message());
        w.policy = Fact.known(Optional.of(bucketPolicy("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Deny\","
                + "\"Principal\":[\"*\"],\"Action\":[\"oss:PutObject\"],\"Resource\":[\"acs:oss:*:*:media/*\"]}]}")));
        assertEquals(
                AccessVerdict.Status.HOLDS,
                CHECKER.check(query(new AccessPrincipal.User("ghost"), OssAction.PUT_OBJECT, "x", false), w.facts())
                        .status());
    }

    private static AccessQuery throughCdn(boolean allowed, Map<String, Optional<String>> pinned) {
        return new AccessQuery(
                "t",
                new AccessPrincipal.Anonymous(),
                List.of(OssAction.GET_OBJECT),
                "media",
                Optional.of("img/*"),
                Optional.of("media.example.test"),
                pinned,
                Optional.empty(),
                allowed);
    }

    @Test
    void check_privateOriginThroughCdn_allowedOnlyWithBackToOriginAuth() {
        World w = new World();
        w.block = Fact.known(true);
        w.objects = AccessFacts.ObjectAcls.notManaged();
        w.cdn.put(
                "media.example.test",
                new EdgeFacts(
                        "media.example.test",
                        Fact.known(true),
                        Fact.known(Optional.of("media")),
                        Fact.known(true),
                        Fact.known(Optional.empty()),
                        Fact.known(false)));
        AccessVerdict through = CHECKER.check(throughCdn(true, Map.of()), w.facts());
        assertEquals(AccessVerdict.Status.HOLDS, through.status(), through.message());
        assertEquals(
                AccessVerdict.Status.HOLDS,
                CHECKER.check(anonymousRead("img/*"), w.facts()).status());
        w.cdn.put(
                "media.example.test",
                new EdgeFacts(
                        "media.example.test",
                        Fact.known(true),
                        Fact.known(Optional.of("media")),
                        Fact.known(false),
                        Fact.known(Optional.empty()),
                        Fact.known(false)));
        assertEquals(
                "anonymous caller may not oss:GetObject on media/img/x through CDN domain media.example.test: back to origin "
                        + "without signing, OSS refuses: implicitly denied: no bucket policy statement allows oss:GetObject on "
                        + "acs:oss:*:1680000000000001:media/img/x for the anonymous caller",
                CHECKER.check(throughCdn(true, Map.of()), w.facts()).message());
    }

    @Test
    void check_refererAllowList_failsWithoutAListedRefererAndHoldsWithOne() {
        World w = new World();
        w.block = Fact.known(true);
        w.cdn.put(
                "media.example.test",
                new EdgeFacts(
                        "media.example.test",
                        Fact.known(true),
                        Fact.known(Optional.of("media")),
                        Fact.known(true),
                        Fact.known(Optional.of(new RefererRule(true, List.of("myapp.example.com"), false))),
                        Fact.known(false)));
        assertEquals(
                "anonymous caller may not oss:GetObject on media/img/x through CDN domain media.example.test (no acs:Referer): "
                        + "CDN domain media.example.test refuses requests without a Referer (its Referer rule)",
                CHECKER.check(throughCdn(true, Map.of()), w.facts()).message());
        AccessVerdict listed = CHECKER.check(
                throughCdn(true, Map.of("acs:Referer", Optional.of("https://www.myapp.example.com/p"))), w.facts());
        assertEquals(AccessVerdict.Status.HOLDS, listed.status(), listed.message());
    }

    @Test
    void check_unknownUrlAuth_unknownForAllowedButDecidedForDenied() {
        World w = new World();
        w.block = Fact.known(true);
        w.cdn.put(
                "media.example.test",
                new EdgeFacts(
                        "media.example.test",
                        Fact.known(true),
                        Fact.known(Optional.of("media")),
                        Fact.known(false),
                        Fact.known(Optional.empty()),
                        Fact.unknown("is not managed by this profile")));
        assertEquals(
                AccessVerdict.Status.HOLDS,
                CHECKER.check(throughCdn(false, Map.of()), w.facts()).status());
        w.cdn.put(
                "media.example.test",
                new EdgeFacts(
                        "media.example.test",
                        Fact.known(true),
                        Fact.known(Optional.of("media")),
                        Fact.known(true),
                        Fact.known(Optional.empty()),
                        Fact.unknown("URL authentication of media.example.test is not " + "managed by this profile")));
        AccessVerdict v = CHECKER.check(throughCdn(true, Map.of()), w.facts());
        assertEquals(AccessVerdict.Status.UNKNOWN, v.status());
        assertEquals(
                "unknown whether anonymous caller may oss:GetObject on media/img/x through CDN domain media.example.test "
                        + "(without a URL signature): it depends on URL authentication of media.example.test is not managed by this profile",
                v.message());
    }
}
