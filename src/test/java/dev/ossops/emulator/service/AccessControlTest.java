package dev.ossops.emulator.service;

import dev.ossops.emulator.auth.Caller;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.rpc.Credential;
import dev.ossops.emulator.rpc.GrantedPolicy;
import dev.ossops.emulator.rpc.Principal;
import dev.ossops.emulator.store.BucketRecord;
import dev.ossops.emulator.store.DiskStore;
import dev.ossops.emulator.store.KeyRecord;
import dev.ossops.emulator.store.ObjectVersion;
import dev.ossops.emulator.store.StoredDocument;
import dev.ossops.policy.OssAction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccessControlTest {
    private static final String ACCOUNT = "1680000000000001";
    private static final Caller ANONYMOUS = Caller.anonymous();
    private static final Caller ROOT = caller(new Principal.Root(ACCOUNT), List.of());
    private static final Caller OTHER_ROOT = caller(new Principal.Root("9990000000000009"), List.of());
    private static final Principal.User ALICE = new Principal.User(ACCOUNT, "alice", "200000000000000001");

    private DiskStore store;
    private AccountSettings account;
    private AccessControl access;

    @BeforeEach
    void open(@TempDir Path dir) {
        store = DiskStore.open(dir);
        account = AccountSettings.open(dir);
        access = new AccessControl(store, Map.of(ACCOUNT, account), Clock.systemUTC());
    }

    private static Caller caller(Principal principal, List<GrantedPolicy> policies) {
        return Caller.of(
                        Credential.permanent("LTAI5tTestKey" + principal.principalId(), "s", principal, true, policies))
                .withConditionKeys(Map.of("acs:SourceIp", List.of("127.0.0.1")));
    }

    private static GrantedPolicy policy(String statements) {
        return new GrantedPolicy("p", "Custom", "{\"Version\":\"1\",\"Statement\":[" + statements + "]}");
    }

    private BucketRecord bucket(String acl) {
        BucketRecord bucket = new BucketRecord("b", ACCOUNT, 0, "cn-hangzhou", "Standard", "LRS", acl, null);
        store.putBucket(bucket);
        return bucket;
    }

    private void config(String subresource, String body) {
        store.putConfig("b", subresource, new StoredDocument("application/xml", body.getBytes(StandardCharsets.UTF_8)));
    }

    private void blockPublicAccess() {
        config(
                "publicAccessBlock",
                "<PublicAccessBlockConfiguration><BlockPublicAccess>true</BlockPublicAccess></PublicAccessBlockConfiguration>");
    }

    private static ObjectVersion object(String acl) {
        return new ObjectVersion(
                "null", false, null, 0, "E", "0", 0, "Normal", "Standard", acl, Map.of(), Map.of(), Map.of());
    }

    private static OssException denied(Runnable check) {
        return assertThrows(OssException.class, check::run);
    }

    /**
     * Found by RandomAccessIT: writes went by the bucket ACL alone, while OSS "Object ACLs" gives the object's own ACL
     * precedence for writing as well.
     */
    @Test
    void checkObjectWrite_existingObjectsAclDecides_newKeysTheBuckets() {
        BucketRecord privateBucket = bucket("private");
        store.putKey("b", new KeyRecord("open", List.of(object("public-read-write"))));
        assertDoesNotThrow(() -> access.checkObjectWrite(ANONYMOUS, privateBucket, "open", OssAction.PUT_OBJECT));
        assertDoesNotThrow(() -> access.checkObjectWrite(ANONYMOUS, privateBucket, "open", OssAction.DELETE_OBJECT));
        assertEquals(
                "Anonymous user has no right to access this object.",
                denied(() -> access.checkObjectWrite(ANONYMOUS, privateBucket, "new", OssAction.PUT_OBJECT))
                        .getMessage());
        BucketRecord openBucket = bucket("public-read-write");
        store.putKey("b", new KeyRecord("closed", List.of(object("private"))));
        assertEquals(
                "Anonymous user has no right to access this object.",
                denied(() -> access.checkObjectWrite(ANONYMOUS, openBucket, "closed", OssAction.DELETE_OBJECT))
                        .getMessage());
        assertDoesNotThrow(() -> access.checkObjectWrite(ANONYMOUS, openBucket, "new", OssAction.PUT_OBJECT));
    }

    @Test
    void checkObject_anonymous_followsObjectAclThenBucketAcl() {
        assertDoesNotThrow(() ->
                access.checkObject(ANONYMOUS, bucket("private"), "k", object("public-read"), OssAction.GET_OBJECT));
        assertEquals(
                "You have no right to access this object because of bucket acl.",
                denied(() -> access.checkObject(
                                ANONYMOUS, bucket("public-read"), "k", object("private"), OssAction.GET_OBJECT))
                        .getMessage());
        assertDoesNotThrow(() ->
                access.checkObject(ANONYMOUS, bucket("public-read"), "k", object("default"), OssAction.GET_OBJECT));
        assertEquals(
                "Anonymous user has no right to access this object.",
                denied(() -> access.checkObject(ANONYMOUS, bucket("public-read"), "k", null, OssAction.PUT_OBJECT))
                        .getMessage());
        assertDoesNotThrow(
                () -> access.checkObject(ANONYMOUS, bucket("public-read-write"), "k", null, OssAction.PUT_OBJECT));
        denied(() -> access.checkObject(
                ANONYMOUS, bucket("public-read-write"), "k", object("default"), OssAction.PUT_OBJECT_ACL));
    }

    @Test
    void checkBucket_rootOfTheAccountOwnsIt_otherAccountsGetTheAcl() {
        assertDoesNotThrow(() -> access.checkBucket(ROOT, bucket("private"), OssAction.DELETE_BUCKET));
        OssException e = denied(() -> access.checkBucket(OTHER_ROOT, bucket("private"), OssAction.LIST_OBJECTS));
        assertEquals("The bucket you access does not belong to you.", e.getMessage());
        assertEquals("0003-00000001", e.error().ec());
        assertEquals(
                Map.of(
                        "AuthPrincipalOwnerId",
                        "9990000000000009",
                        "AuthPrincipalType",
                        "Account",
                        "AuthPrincipalDisplayName",
                        "9990000000000009",
                        "NoPermissionType",
                        "ImplicitDeny",
                        "AuthAction",
                        "oss:ListObjects"),
                e.containers().get("AccessDeniedDetail"));
        assertDoesNotThrow(() -> access.checkBucket(OTHER_ROOT, bucket("public-read"), OssAction.LIST_OBJECTS));
    }

    @Test
    void checkBucket_anonymous_getsOssAnonymousBucketMessageWithoutDetail() {
        OssException e = denied(() -> access.checkBucket(ANONYMOUS, bucket("private"), OssAction.LIST_OBJECTS));
        assertEquals("Anonymous user has no right to access this bucket.", e.getMessage());
        assertEquals(Map.of(), e.containers());
        assertEquals(Map.of(), e.details());
    }

    @Test
    void checkObject_ramUser_onlyWhatItsPolicyAllows() {
        Caller alice = caller(
                ALICE,
                List.of(
                        policy(
                                "{\"Effect\":\"Allow\",\"Action\":\"oss:PutObject\",\"Resource\":\"acs:oss:*:*:b/allowed/*\"}")));
        BucketRecord b = bucket("private");
        assertDoesNotThrow(() -> access.checkObject(alice, b, "allowed/x", null, OssAction.PUT_OBJECT));
        OssException e = denied(() -> access.checkObject(alice, b, "other/x", null, OssAction.PUT_OBJECT));
        assertEquals("You have no right to access this object because of bucket acl.", e.getMessage());
        assertEquals("0003-00000001", e.error().ec());
        assertEquals(
                List.of(
                        "AuthPrincipalOwnerId",
                        "AuthPrincipalType",
                        "AuthPrincipalDisplayName",
                        "NoPermissionType",
                        "AuthAction"),
                List.copyOf(e.containers().get("AccessDeniedDetail").keySet()));
        assertEquals(
                Map.of(
                        "AuthPrincipalOwnerId",
                        ACCOUNT,
                        "AuthPrincipalType",
                        "SubUser",
                        "AuthPrincipalDisplayName",
                        ALICE.userId(),
                        "NoPermissionType",
                        "ImplicitDeny",
                        "AuthAction",
                        "oss:PutObject"),
                e.containers().get("AccessDeniedDetail"));
        assertEquals(Map.of("Bucket", "b"), e.details());
        assertEquals(
                "The bucket you access does not belong to you.",
                denied(() -> access.checkBucket(alice, b, OssAction.PUT_BUCKET_ACL))
                        .getMessage());
        denied(() -> access.checkBucket(caller(ALICE, List.of()), b, OssAction.LIST_OBJECTS));
    }

    @Test
    void checkObject_explicitDenyInBucketPolicy_beatsAclAndIdentityAllow() {
        BucketRecord b = bucket("public-read");
        Caller alice = caller(ALICE, List.of(policy("{\"Effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":\"*\"}")));
        config(
                "policy",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"oss:GetObject\","
                        + "\"Principal\":[\"*\"],\"Resource\":\"acs:oss:*:" + ACCOUNT + ":b/secret/*\","
                        + "\"Condition\":{\"IpAddress\":{\"acs:SourceIp\":\"127.0.0.0/8\"}}}]}");
        OssException e = denied(() -> access.checkObject(alice, b, "secret/k", null, OssAction.GET_OBJECT));
        assertEquals("AccessDenied", e.error().code());
        assertEquals("Access denied by bucket policy.", e.getMessage());
        assertEquals("0003-00000101", e.error().ec());
        assertEquals("ExplicitDeny", e.containers().get("AccessDeniedDetail").get("NoPermissionType"));
        // With a Condition, a Principal "*" statement binds the account itself too.
        denied(() -> access.checkObject(ROOT, b, "secret/k", null, OssAction.GET_OBJECT));
        assertDoesNotThrow(() -> access.checkObject(alice, b, "public/k", null, OssAction.GET_OBJECT));
    }

    @Test
    void checkObject_roleSession_limitedToSessionPolicy() {
        Principal role = new Principal.AssumedRole(
                ACCOUNT,
                "uploader",
                "300000000000000001",
                "s1",
                Optional.of(
                        "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\"}]}"));
        Caller session = caller(
                role,
                List.of(policy("{\"Effect\":\"Allow\",\"Action\":[\"oss:GetObject\",\"oss:PutObject\"],"
                        + "\"Resource\":\"*\"}")));
        BucketRecord b = bucket("private");
        assertDoesNotThrow(() -> access.checkObject(session, b, "k", null, OssAction.GET_OBJECT));
        OssException e = denied(() -> access.checkObject(session, b, "k", null, OssAction.PUT_OBJECT));
        assertEquals("AssumedRoleUser", e.containers().get("AccessDeniedDetail").get("AuthPrincipalType"));
        assertEquals(
                "300000000000000001:s1",
                e.containers().get("AccessDeniedDetail").get("AuthPrincipalDisplayName"));
        assertEquals("Access denied by authorizer's policy.", e.getMessage());
        assertEquals("0003-00000301", e.error().ec());
        // What neither the role nor the session allows is an ordinary missing permission.
        OssException neither = denied(() -> access.checkObject(session, b, "k", null, OssAction.DELETE_OBJECT));
        assertEquals("You have no right to access this object because of bucket acl.", neither.getMessage());
    }

    @Test
    void checkObject_explicitDenies_answerTheEcOfThePolicyThatDenied() {
        BucketRecord b = bucket("private");
        String denyGet = "{\"Effect\":\"Deny\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\"}";
        Caller alice = caller(
                ALICE, List.of(policy("{\"Effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":\"*\"}," + denyGet)));
        OssException ram = denied(() -> access.checkObject(alice, b, "k", null, OssAction.GET_OBJECT));
        assertEquals("0003-00000201", ram.error().ec());
        assertEquals(
                "AccountLevelIdentityBasedPolicy",
                ram.containers().get("AccessDeniedDetail").get("PolicyType"));

        config(
                "policy",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"oss:GetObject\","
                        + "\"Principal\":[\"" + ALICE.userId() + "\"],\"Resource\":\"acs:oss:*:" + ACCOUNT
                        + ":b/*\"}]}");
        OssException both = denied(() -> access.checkObject(alice, b, "k", null, OssAction.GET_OBJECT));
        assertEquals("0003-00000203", both.error().ec());
        assertEquals("Access denied by bucket policy.", both.getMessage());
        assertEquals(null, both.containers().get("AccessDeniedDetail").get("PolicyType"));

        Principal role = new Principal.AssumedRole(
                ACCOUNT,
                "uploader",
                "300000000000000001",
                "s1",
                Optional.of("{\"Version\":\"1\",\"Statement\":[" + denyGet + "]}"));
        Caller session =
                caller(role, List.of(policy("{\"Effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":\"*\"}")));
        OssException bySession = denied(() -> access.checkObject(session, b, "other", null, OssAction.GET_OBJECT));
        assertEquals("0003-00000301", bySession.error().ec());
        assertEquals(
                "ExplicitDeny", bySession.containers().get("AccessDeniedDetail").get("NoPermissionType"));
    }

    @Test
    void blockPublicAccess_ignoresPublicAclsAndPublicPolicyStatements() {
        BucketRecord b = bucket("public-read");
        config(
                "policy",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\","
                        + "\"Principal\":[\"*\"],\"Resource\":\"acs:oss:*:" + ACCOUNT + ":b/*\"},"
                        + "{\"Effect\":\"Allow\",\"Action\":\"oss:ListObjects\",\"Principal\":[\"" + ALICE.userId()
                        + "\"],"
                        + "\"Resource\":\"acs:oss:*:" + ACCOUNT + ":b\"}]}");
        assertDoesNotThrow(() -> access.checkObject(ANONYMOUS, b, "k", null, OssAction.GET_OBJECT));
        blockPublicAccess();
        denied(() -> access.checkObject(ANONYMOUS, b, "k", null, OssAction.GET_OBJECT));
        denied(() -> access.checkBucket(ANONYMOUS, b, OssAction.LIST_OBJECTS));
        // A grant to a named RAM user is not public and still counts.
        assertDoesNotThrow(() -> access.checkBucket(caller(ALICE, List.of()), b, OssAction.LIST_OBJECTS));
    }

    @Test
    void blockPublicAccess_refusesPublicAclAndPublicPolicy() {
        BucketRecord b = bucket("private");
        assertDoesNotThrow(() -> access.checkBucketAclChange(b, "public-read"));
        blockPublicAccess();
        OssException e = denied(() -> access.checkBucketAclChange(b, "public-read-write"));
        assertEquals("AccessDenied", e.error().code());
        assertEquals("Put public bucket acl is not allowed", e.getMessage());
        assertEquals(
                "Put public object acl is not allowed",
                denied(() -> access.checkObjectAclChange(b, "public-read")).getMessage());
        assertDoesNotThrow(() -> access.checkBucketAclChange(b, "private"));
        assertDoesNotThrow(() -> access.checkObjectAclChange(b, "default"));
        assertEquals(
                "Put public bucket policy is not allowed",
                denied(() -> access.checkPolicyChange(
                                b,
                                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                                        + "\"oss:GetObject\",\"Principal\":[\"*\"],\"Resource\":\"acs:oss:*:" + ACCOUNT
                                        + ":b/*\"}]}"))
                        .getMessage());
        assertDoesNotThrow(() -> access.checkPolicyChange(
                b,
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"oss:GetObject\",\"Principal\":[\"" + ALICE.userId()
                        + "\"],\"Resource\":\"acs:oss:*:"
                        + ACCOUNT + ":b/*\"}]}"));
    }

    @Test
    void accountBlockPublicAccess_winsOverTheBucketsOff() {
        BucketRecord b = bucket("public-read");
        config(
                "publicAccessBlock",
                "<PublicAccessBlockConfiguration><BlockPublicAccess>false</BlockPublicAccess></PublicAccessBlockConfiguration>");
        config(
                "policy",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:PutObject\","
                        + "\"Principal\":[\"*\"],\"Resource\":\"acs:oss:*:" + ACCOUNT + ":b/*\"}]}");
        assertDoesNotThrow(() -> access.checkObject(ANONYMOUS, b, "k", null, OssAction.GET_OBJECT));
        assertDoesNotThrow(() -> access.checkObject(ANONYMOUS, b, "k", null, OssAction.PUT_OBJECT));

        account.putBlockPublicAccess(true);

        assertEquals(
                "You have no right to access this object because of bucket acl.",
                denied(() -> access.checkObject(ANONYMOUS, b, "k", null, OssAction.GET_OBJECT))
                        .getMessage());
        denied(() -> access.checkObject(ANONYMOUS, b, "k", null, OssAction.PUT_OBJECT));
        assertEquals(
                "Put public bucket acl is not allowed",
                denied(() -> access.checkBucketAclChange(b, "public-read")).getMessage());
        // The account itself is not public: its own access is untouched.
        assertDoesNotThrow(() -> access.checkObject(ROOT, b, "k", null, OssAction.GET_OBJECT));

        account.putBlockPublicAccess(false);
        assertDoesNotThrow(() -> access.checkObject(ANONYMOUS, b, "k", null, OssAction.GET_OBJECT));
        account.putBlockPublicAccess(true);
        account.deleteBlockPublicAccess();
        assertDoesNotThrow(() -> access.checkBucketAclChange(b, "public-read-write"));
    }

    @Test
    void checkAccount_accountBlockPublicAccess_decidedOnTheAccountResource() {
        OssAction get = OssAction.GET_PUBLIC_ACCESS_BLOCK;
        assertEquals(
                "Anonymous access is forbidden for this operation.",
                denied(() -> access.checkAccount(ANONYMOUS, get)).getMessage());
        assertDoesNotThrow(() -> access.checkAccount(ROOT, get));
        OssException e = denied(() -> access.checkAccount(caller(ALICE, List.of()), get));
        assertEquals(
                "oss:GetPublicAccessBlock",
                e.containers().get("AccessDeniedDetail").get("AuthAction"));
        assertEquals(Map.of(), e.details());
        assertDoesNotThrow(() -> access.checkAccount(
                caller(
                        ALICE,
                        List.of(policy("{\"Effect\":\"Allow\",\"Action\":\"oss:Get*\",\"Resource\":\"acs:oss:*:"
                                + ACCOUNT + ":*\"}"))),
                get));
        // Another account's resource does not match this account's.
        denied(() -> access.checkAccount(
                caller(
                        ALICE,
                        List.of(
                                policy(
                                        "{\"Effect\":\"Allow\",\"Action\":\"oss:Get*\",\"Resource\":\"acs:oss:*:9990000000000009:*\"}"))),
                get));
    }

    @Test
    void checkPolicyChange_sourceIpNeedsSourceVpc() {
        BucketRecord b = bucket("private");
        String ip = "\"IpAddress\":{\"acs:SourceIp\":[\"10.0.0.0/8\"]}";
        String statement = "{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Principal\":[\"" + ALICE.userId()
                + "\"],\"Resource\":\"acs:oss:*:" + ACCOUNT + ":b/*\",\"Condition\":{%s}}";
        OssException e = denied(() -> access.checkPolicyChange(
                b, "{\"Version\":\"1\",\"Statement\":[" + String.format(statement, ip) + "]}"));
        assertEquals("InvalidPolicyDocument", e.error().code());
        assertEquals("0030-00000008", e.error().ec());
        assertDoesNotThrow(() -> access.checkPolicyChange(
                b,
                "{\"Version\":\"1\",\"Statement\":["
                        + String.format(statement, ip + ",\"StringEquals\":{\"acs:SourceVpc\":[\"vpc-1\"]}") + "]}"));
    }

    @Test
    void checkAccount_anonymousGetsItsOwnMessage_ramUserNeedsTheAction() {
        assertEquals(
                "Anonymous access is forbidden for this operation.",
                denied(() -> access.checkAccount(ANONYMOUS, OssAction.LIST_BUCKETS))
                        .getMessage());
        assertDoesNotThrow(() -> access.checkNewBucket(ROOT, "new"));
        assertEquals(
                "You are forbidden to list buckets.",
                denied(() -> access.checkAccount(caller(ALICE, List.of()), OssAction.LIST_BUCKETS))
                        .getMessage());
        assertDoesNotThrow(() -> access.checkAccount(
                caller(
                        ALICE,
                        List.of(
                                policy(
                                        "{\"Effect\":\"Allow\",\"Action\":\"oss:ListBuckets\",\"Resource\":\"acs:oss:*:*:*\"}"))),
                OssAction.LIST_BUCKETS));
    }

    @Test
    void configurationAction_namesTheRamAction() {
        assertEquals(OssAction.GET_BUCKET_CORS, AccessControl.configurationAction("Get", "cors"));
        assertEquals(
                OssAction.PUT_BUCKET_PUBLIC_ACCESS_BLOCK,
                AccessControl.configurationAction("Put", "publicAccessBlock"));
        assertEquals(OssAction.PUT_BUCKET_REQUEST_PAYMENT, AccessControl.configurationAction("Put", "requestPayment"));
        assertEquals(OssAction.GET_BUCKET_ACCESS_MONITOR, AccessControl.configurationAction("Get", "accessmonitor"));
    }

    private void requesterPays() {
        config("requestPayment", "<RequestPaymentConfiguration><Payer>Requester</Payer></RequestPaymentConfiguration>");
    }

    @Test
    void checkObject_requesterPaysBucket_refusesAnonymousEvenWithAPublicAcl() {
        BucketRecord b = bucket("public-read");
        assertDoesNotThrow(() -> access.checkObject(ANONYMOUS, b, "k", object("default"), OssAction.GET_OBJECT));
        requesterPays();
        OssException e = denied(() -> access.checkObject(ANONYMOUS, b, "k", object("default"), OssAction.GET_OBJECT));
        assertEquals(OssError.REQUESTER_PAYS_ANONYMOUS, e.error());
        assertEquals("0003-00000701", e.error().ec());
        assertEquals("Anonymous access to a bucket with pay-by-requester enabled is not allowed.", e.getMessage());
    }

    @Test
    void checkBucket_requesterPaysBucket_otherAccountMustAcceptTheCharges() {
        BucketRecord b = bucket("public-read");
        requesterPays();
        OssException e = denied(() -> access.checkBucket(OTHER_ROOT, b, OssAction.LIST_OBJECTS));
        assertEquals(OssError.REQUEST_PAYER_MISSING, e.error());
        assertEquals("0003-00000702", e.error().ec());
        assertEquals("Access denied for requester pay bucket.", e.getMessage());
        assertDoesNotThrow(() -> access.checkBucket(OTHER_ROOT.withRequesterPays(true), b, OssAction.LIST_OBJECTS));
        // Accepting the charges grants nothing by itself: the ACL or a policy still decides.
        BucketRecord privateBucket =
                new BucketRecord("b", ACCOUNT, 0, "cn-hangzhou", "Standard", "LRS", "private", null);
        store.putBucket(privateBucket);
        // A bucket-level refusal of a signed caller: 'The bucket you access does not belong to you.'
        assertEquals(
                OssError.BUCKET_NOT_OWNED,
                denied(() -> access.checkBucket(
                                OTHER_ROOT.withRequesterPays(true), privateBucket, OssAction.LIST_OBJECTS))
                        .error());
    }

    @Test
    void checkBucket_requesterPaysBucket_ownerAccountNeedsNoHeader() {
        BucketRecord b = bucket("private");
        requesterPays();
        assertDoesNotThrow(() -> access.checkBucket(ROOT, b, OssAction.LIST_OBJECTS));
        assertDoesNotThrow(() -> access.checkBucket(
                caller(
                        ALICE,
                        List.of(
                                policy(
                                        "{\"Effect\":\"Allow\",\"Action\":\"oss:ListObjects\",\"Resource\":\"acs:oss:*:*:b\"}"))),
                b,
                OssAction.LIST_OBJECTS));
    }

    @Test
    void checkBucket_bucketOwnerPays_noHeaderNeeded() {
        BucketRecord b = bucket("public-read");
        config(
                "requestPayment",
                "<RequestPaymentConfiguration><Payer>BucketOwner</Payer></RequestPaymentConfiguration>");
        assertDoesNotThrow(() -> access.checkBucket(OTHER_ROOT, b, OssAction.LIST_OBJECTS));
        assertDoesNotThrow(() -> access.checkBucket(ANONYMOUS, b, OssAction.LIST_OBJECTS));
    }
}
