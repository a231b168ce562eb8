package dev.ossops.emulator.authz;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.Bucket;
import com.aliyun.oss.model.BucketList;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.ListBucketsRequest;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.SetBucketCORSRequest;
import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToRoleRequest;
import com.aliyuncs.ram.model.v20150501.AttachPolicyToUserRequest;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyRequest;
import com.aliyuncs.ram.model.v20150501.CreateAccessKeyResponse;
import com.aliyuncs.ram.model.v20150501.CreatePolicyRequest;
import com.aliyuncs.ram.model.v20150501.CreateRoleRequest;
import com.aliyuncs.ram.model.v20150501.CreateUserRequest;
import com.aliyuncs.ram.model.v20150501.CreateUserResponse;
import com.aliyuncs.ram.model.v20150501.ListUsersRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleRequest;
import com.aliyuncs.sts.model.v20150401.AssumeRoleResponse;
import dev.ossops.emulator.Emulator;
import dev.ossops.emulator.EmulatorClients;
import dev.ossops.emulator.EmulatorConfig;
import dev.ossops.emulator.EmulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two accounts on one emulator, as on OSS: buckets belong to the account that created them, names
 * are global, another account's bucket answers AccessDenied (not NoSuchBucket) unless its bucket
 * policy grants, and STS lets a RAM user of one account assume a role of the other that trusts it.
 */
@ExtendWith(EmulatorExtension.class)
class CrossAccountIT {
    /** The bucket the official SDK's own integration tests expect to exist, owned by another account. */
    private static final String NOT_OWNED = "oss-attachment";
    /** Numbers the custom policies the tests create, whichever account. */
    private static final AtomicInteger POLICIES = new AtomicInteger();

    @BeforeAll
    static void otherAccountOwnsTheSdkSuitesBucket(EmulatorClients clients) {
        clients.otherAccount().v4().createBucket(NOT_OWNED);
    }

    private static ByteArrayInputStream data(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(OSS oss, String bucket, String key) throws Exception {
        try (OSSObject object = oss.getObject(bucket, key);
                InputStream in = object.getObjectContent()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static OSSException refused(String code, Executable call) {
        OSSException e = assertThrows(OSSException.class, call);
        assertEquals(code, e.getErrorCode(), e.getRawResponseError());
        return e;
    }

    /** The answers the SDK's suite asserts for {@code oss-attachment}, with every signature version. */
    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void bucketOfAnotherAccount_answersAsOssDoesForTheSdkSuite(SignVersion version, EmulatorClients clients) {
        OSS oss = clients.client(version);
        OSSException taken = refused("BucketAlreadyExists", () -> oss.createBucket(NOT_OWNED));
        assertEquals(
                "The requested bucket name is not available. The bucket namespace is shared by all users of the system."
                        + " Please select a different name and try again.",
                taken.getErrorMessage());
        refused("BucketAlreadyExists", () -> oss.setBucketAcl(NOT_OWNED, CannedAccessControlList.Private));
        OSSException notYours = refused("AccessDenied", () -> oss.getBucketAcl(NOT_OWNED));
        assertEquals("The bucket you access does not belong to you.", notYours.getErrorMessage());
        assertTrue(notYours.getRawResponseError().contains("<EC>0003-00000001</EC>"), notYours.getRawResponseError());
        refused("AccessDenied", () -> oss.deleteBucket(NOT_OWNED));
        assertEquals(
                "The bucket you access does not belong to you.",
                refused("AccessDenied", () -> oss.listObjects(NOT_OWNED)).getErrorMessage());
        assertEquals(
                "You have no right to access this object because of bucket acl.",
                refused("AccessDenied", () -> oss.putObject(NOT_OWNED, "k", data("x")))
                        .getErrorMessage());
        refused("AccessDenied", () -> oss.setBucketPolicy(NOT_OWNED, "{\"Version\":\"1\",\"Statement\":[]}"));
        refused("AccessDenied", () -> oss.getBucketLifecycle(NOT_OWNED));
        refused("AccessDenied", () -> oss.getBucketLogging(NOT_OWNED));
        refused("AccessDenied", () -> oss.getBucketReferer(NOT_OWNED));
        SetBucketCORSRequest cors = new SetBucketCORSRequest(NOT_OWNED);
        SetBucketCORSRequest.CORSRule rule = new SetBucketCORSRequest.CORSRule();
        rule.addAllowdOrigin("*");
        rule.addAllowedMethod("GET");
        cors.addCorsRule(rule);
        refused("AccessDenied", () -> oss.setBucketCORS(cors));
        refused("NoSuchBucket", () -> oss.getBucketAcl("no-such-bucket-anywhere"));
        assertEquals(
                CannedAccessControlList.Private,
                clients.otherAccount().client(version).getBucketAcl(NOT_OWNED).getCannedACL());
    }

    @Test
    void listBuckets_eachAccountSeesItsOwnUnderItsOwnOwner(EmulatorClients clients) {
        String mine = clients.bucketName("mine");
        String theirs = clients.bucketName("theirs");
        clients.v4().createBucket(mine);
        clients.otherAccount().v4().createBucket(theirs);

        List<String> mineListed =
                clients.v4().listBuckets().stream().map(Bucket::getName).toList();
        assertTrue(mineListed.contains(mine), mineListed.toString());
        assertFalse(mineListed.contains(theirs), mineListed.toString());
        assertFalse(mineListed.contains(NOT_OWNED), mineListed.toString());
        BucketList page = clients.otherAccount().v4().listBuckets(new ListBucketsRequest(null, null, 100));
        assertEquals(
                List.of(theirs, NOT_OWNED).stream().sorted().toList(),
                page.getBucketList().stream()
                        .map(Bucket::getName)
                        .filter(n -> n.equals(theirs) || n.equals(NOT_OWNED))
                        .toList());
        assertEquals(
                EmulatorClients.OTHER_ACCOUNT_ID,
                page.getBucketList().get(0).getOwner().getId());
        assertEquals(
                EmulatorClients.OTHER_ACCOUNT_ID,
                clients.otherAccount().v4().getBucketAcl(theirs).getOwner().getId());
        assertEquals(
                clients.accountId(), clients.v4().getBucketAcl(mine).getOwner().getId());
    }

    @Test
    void bucketPolicy_namingAnotherAccount_letsItsRootReadAndNothingMore(EmulatorClients clients) throws Exception {
        String b = clients.bucketName("shared");
        clients.v4().createBucket(b);
        clients.v4().putObject(b, "k", data("shared content"));
        OSS other = clients.otherAccount().v4();
        refused("AccessDenied", () -> other.getObject(b, "k"));

        clients.v4()
                .setBucketPolicy(
                        b,
                        "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:GetObject\"],"
                                + "\"Principal\":[\"" + EmulatorClients.OTHER_ACCOUNT_ID
                                + "\"],\"Resource\":[\"acs:oss:*:" + clients.accountId()
                                + ":" + b + "/*\"]}]}");
        assertEquals("shared content", read(other, b, "k"));
        refused("AccessDenied", () -> other.putObject(b, "k", data("overwritten")));
        refused("AccessDenied", () -> other.listObjects(b));
        assertEquals("shared content", read(clients.v4(), b, "k"));
    }

    @Test
    void bucketPolicy_namingARamUserOfAnotherAccount_needsThatUsersOwnAllowToo(EmulatorClients clients)
            throws Exception {
        String b = clients.bucketName("granted");
        clients.v4().createBucket(b);
        clients.v4().putObject(b, "k", data("for bob"));
        Emulator emulator = clients.emulator();
        Rpc theirs = new Rpc(emulator, clients.otherAccount());
        User bob = theirs.user("bob", "{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\"}");
        User carol = theirs.user("carol");
        clients.v4()
                .setBucketPolicy(
                        b,
                        "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:GetObject\"],"
                                + "\"Principal\":[\"" + bob.userId() + "\",\"" + carol.userId()
                                + "\"],\"Resource\":[\"acs:oss:*:"
                                + clients.accountId() + ":" + b + "/*\"]}]}");

        OSS asBob = clients.client(SignVersion.V4, bob.keyId(), bob.secret());
        OSS asCarol = clients.client(SignVersion.V4, carol.keyId(), carol.secret());
        try {
            assertEquals("for bob", read(asBob, b, "k"));
            // Carol's own account grants her nothing: across accounts both sides must allow.
            refused("AccessDenied", () -> asCarol.getObject(b, "k"));
        } finally {
            asBob.shutdown();
            asCarol.shutdown();
        }
    }

    @Test
    void assumeRole_roleTrustingAnotherAccount_isAssumedByItsRamUserAndActsInTheRolesAccount(EmulatorClients clients)
            throws Exception {
        String b = clients.bucketName("roles");
        clients.v4().createBucket(b);
        clients.v4().putObject(b, "k", data("via the role"));
        Emulator emulator = clients.emulator();
        Rpc mine = new Rpc(emulator, clients);
        String trusting = mine.role(
                "partner-reader",
                EmulatorClients.OTHER_ACCOUNT_ID,
                "{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"acs:oss:*:*:" + b + "/*\"}");
        String local = mine.role(
                "local-only", clients.accountId(), "{\"Effect\":\"Allow\",\"Action\":\"oss:*\",\"Resource\":\"*\"}");
        Rpc theirs = new Rpc(emulator, clients.otherAccount());
        User partner =
                theirs.user("partner", "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}");

        AssumeRoleResponse assumed = theirs.call(partner.rpc(emulator), assume(trusting));
        assertEquals(
                "acs:ram::" + clients.accountId() + ":assumed-role/partner-reader/cross",
                assumed.getAssumedRoleUser().getArn());
        AssumeRoleResponse.Credentials c = assumed.getCredentials();
        OSS session = clients.client(SignVersion.V4, c.getAccessKeyId(), c.getAccessKeySecret(), c.getSecurityToken());
        try {
            assertEquals("via the role", read(session, b, "k"));
            refused("AccessDenied", () -> session.putObject(b, "k", data("no")));
        } finally {
            session.shutdown();
        }

        ClientException untrusted =
                assertThrows(ClientException.class, () -> theirs.call(partner.rpc(emulator), assume(local)));
        assertEquals("NoPermission", untrusted.getErrCode());
        assertEquals(
                "You are not authorized to do this action. You should be authorized by RAM.", untrusted.getErrMsg());
    }

    @Test
    void ram_usersArePerAccount(EmulatorClients clients) throws Exception {
        Rpc mine = new Rpc(clients.emulator(), clients);
        Rpc theirs = new Rpc(clients.emulator(), clients.otherAccount());
        mine.user("only-in-first");
        theirs.user("only-in-second");
        List<String> first = mine.call(mine.root, new ListUsersRequest()).getUsers().stream()
                .map(com.aliyuncs.ram.model.v20150501.ListUsersResponse.User::getUserName)
                .toList();
        List<String> second = theirs.call(theirs.root, new ListUsersRequest()).getUsers().stream()
                .map(com.aliyuncs.ram.model.v20150501.ListUsersResponse.User::getUserName)
                .toList();
        assertTrue(first.contains("only-in-first") && !first.contains("only-in-second"), first.toString());
        assertTrue(second.contains("only-in-second") && !second.contains("only-in-first"), second.toString());
    }

    /** Each account's RAM lives in its own file; both, and the buckets' owners, survive a restart. */
    @Test
    void restart_keepsEachAccountsRamAndBuckets(@TempDir Path dir) throws Exception {
        EmulatorConfig config = EmulatorConfig.builder()
                .port(0)
                .dataDir(dir)
                .otherAccount(
                        EmulatorClients.OTHER_ACCOUNT_ID,
                        EmulatorClients.OTHER_ROOT_KEY_ID,
                        EmulatorClients.OTHER_ROOT_KEY_SECRET)
                .build();
        try (Emulator first = new Emulator(config).start();
                Sessions s = new Sessions(first)) {
            new Rpc(first, s.other).user("kept");
            s.other.v4().createBucket("kept-by-the-second");
        }
        assertTrue(dir.resolve("accounts")
                .resolve(EmulatorClients.OTHER_ACCOUNT_ID)
                .resolve("ram.json")
                .toFile()
                .isFile());
        try (Emulator again = new Emulator(config).start();
                Sessions s = new Sessions(again)) {
            Rpc theirs = new Rpc(again, s.other);
            assertEquals(
                    List.of("kept"),
                    theirs.call(theirs.root, new ListUsersRequest()).getUsers().stream()
                            .map(com.aliyuncs.ram.model.v20150501.ListUsersResponse.User::getUserName)
                            .toList());
            refused("AccessDenied", () -> s.first.v4().getBucketAcl("kept-by-the-second"));
            assertEquals(
                    EmulatorClients.OTHER_ACCOUNT_ID,
                    s.other.v4().getBucketAcl("kept-by-the-second").getOwner().getId());
        }
    }

    private static AssumeRoleRequest assume(String roleArn) {
        AssumeRoleRequest request = new AssumeRoleRequest();
        request.setRoleArn(roleArn);
        request.setRoleSessionName("cross");
        return request;
    }

    /** Both accounts' clients for an emulator started by the test itself. */
    private static final class Sessions implements AutoCloseable {
        final EmulatorClients first;
        final EmulatorClients other;

        Sessions(Emulator emulator) {
            this.first = EmulatorClients.of(emulator);
            this.other = first.otherAccount();
        }

        @Override
        public void close() {
            first.close();
        }
    }

    /** A RAM user with its AccessKey. */
    private record User(String userId, String keyId, String secret) {
        IAcsClient rpc(Emulator emulator) {
            return new DefaultAcsClient(
                    DefaultProfile.getProfile(emulator.config().region(), keyId, secret));
        }
    }

    /** RAM and STS calls on the emulator's port, signed by one account's root. */
    private static final class Rpc {
        private final Emulator emulator;
        private final String account;
        final IAcsClient root;

        Rpc(Emulator emulator, EmulatorClients account) {
            this.emulator = emulator;
            this.account = account.accountId();
            this.root = new DefaultAcsClient(
                    DefaultProfile.getProfile(emulator.config().region(), account.keyId(), account.secret()));
        }

        <T extends AcsResponse> T call(IAcsClient client, AcsRequest<T> request) throws ClientException {
            request.setSysEndpoint("127.0.0.1:" + emulator.endpoint().getPort());
            request.setSysProtocol(ProtocolType.HTTP);
            return client.getAcsResponse(request);
        }

        private String policy(String statement) throws ClientException {
            CreatePolicyRequest create = new CreatePolicyRequest();
            create.setPolicyName("cross-" + account.substring(12) + "-" + POLICIES.incrementAndGet());
            create.setPolicyDocument("{\"Version\":\"1\",\"Statement\":[" + statement + "]}");
            return call(root, create).getPolicy().getPolicyName();
        }

        User user(String name, String... statements) throws ClientException {
            CreateUserRequest create = new CreateUserRequest();
            create.setUserName(name);
            CreateUserResponse.User user = call(root, create).getUser();
            for (String statement : statements) {
                AttachPolicyToUserRequest attach = new AttachPolicyToUserRequest();
                attach.setUserName(name);
                attach.setPolicyType("Custom");
                attach.setPolicyName(policy(statement));
                call(root, attach);
            }
            CreateAccessKeyRequest key = new CreateAccessKeyRequest();
            key.setUserName(name);
            CreateAccessKeyResponse.AccessKey created = call(root, key).getAccessKey();
            return new User(user.getUserId(), created.getAccessKeyId(), created.getAccessKeySecret());
        }

        /** A role trusting account {@code trusted} (every RAM user there allowed sts:AssumeRole); returns its ARN. */
        String role(String name, String trusted, String statement) throws ClientException {
            CreateRoleRequest create = new CreateRoleRequest();
            create.setRoleName(name);
            create.setAssumeRolePolicyDocument(
                    "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                            + "\"Principal\":{\"RAM\":[\"acs:ram::" + trusted + ":root\"]}}]}");
            String arn = call(root, create).getRole().getArn();
            AttachPolicyToRoleRequest attach = new AttachPolicyToRoleRequest();
            attach.setRoleName(name);
            attach.setPolicyType("Custom");
            attach.setPolicyName(policy(statement));
            call(root, attach);
            return arn;
        }
    }
}
