package dev.ossops.emulator.authz;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.SetBucketPolicyRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Locale;

import static dev.ossops.emulator.authz.AuthzFixture.allow;
import static dev.ossops.emulator.authz.AuthzFixture.data;
import static dev.ossops.emulator.authz.AuthzFixture.denied;
import static dev.ossops.emulator.authz.AuthzFixture.deny;
import static dev.ossops.emulator.authz.AuthzFixture.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each cause of an AccessDenied answers OSS's own message and EC (OSS's "HTTP 403" page and its
 * 0003-* EC pages), with the AccessDeniedDetail OSS's page 0003-00000201 shows, through the
 * official OSS client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DenialMessagesIT {
    private AuthzFixture f;

    @BeforeAll
    void start(@TempDir Path dir) {
        f = new AuthzFixture(dir);
    }

    @AfterAll
    void stop() {
        f.close();
    }

    private String bucket(SignVersion version, String hint) {
        String name = (hint + "-" + version).toLowerCase(Locale.ROOT);
        f.root(version).createBucket(name);
        f.root(version).putObject(name, "k", data());
        return name;
    }

    private static void assertDenial(OSSException e, String message, String ec) {
        assertEquals(message, e.getErrorMessage());
        assertTrue(e.getRawResponseError().contains("<EC>" + ec + "</EC>"), e.getRawResponseError());
    }

    private static String detail(OSSException e) {
        String raw = e.getRawResponseError();
        return raw.substring(
                raw.indexOf("<AccessDeniedDetail>"),
                raw.indexOf("</AccessDeniedDetail>") + "</AccessDeniedDetail>".length());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void ramUserWithoutPermission_objectAndBucketMessages(SignVersion version) {
        String b = bucket(version, "implicit");
        AuthzFixture.Credentials keys = f.user("nothing-" + version);
        OSS user = f.oss(version, keys);

        OSSException object = denied(() -> user.getObject(b, "k"));
        assertDenial(object, "You have no right to access this object because of bucket acl.", "0003-00000001");
        String userId = f.userId("nothing-" + version);
        assertEquals(
                "<AccessDeniedDetail><AuthPrincipalOwnerId>" + f.account() + "</AuthPrincipalOwnerId>"
                        + "<AuthPrincipalType>SubUser</AuthPrincipalType><AuthPrincipalDisplayName>" + userId
                        + "</AuthPrincipalDisplayName>"
                        + "<NoPermissionType>ImplicitDeny</NoPermissionType><AuthAction>oss:GetObject</AuthAction></AccessDeniedDetail>",
                detail(object));
        assertTrue(
                object.getRawResponseError().contains("</AccessDeniedDetail><Bucket>" + b + "</Bucket><EC>"),
                object.getRawResponseError());

        assertDenial(
                denied(() -> user.listObjects(b)), "The bucket you access does not belong to you.", "0003-00000001");
        assertDenial(
                denied(() -> user.getBucketAcl(b)), "The bucket you access does not belong to you.", "0003-00000001");
        assertDenial(denied(user::listBuckets), "You are forbidden to list buckets.", "0099-00000204");
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void explicitDenies_answerTheEcOfThePolicyThatDenied(SignVersion version) {
        String b = bucket(version, "explicit");
        OSS user = f.oss(
                version,
                f.user(
                        "denied-" + version,
                        document(
                                allow("\"oss:*\"", "\"*\""),
                                deny("\"oss:GetObject\"", "\"acs:oss:*:*:" + b + "/k\""))));
        OSSException byRam = denied(() -> user.getObject(b, "k"));
        assertDenial(byRam, "Access denied by bucket policy.", "0003-00000201");
        assertTrue(
                detail(byRam)
                        .startsWith("<AccessDeniedDetail><PolicyType>AccountLevelIdentityBasedPolicy</PolicyType>"),
                detail(byRam));
        assertTrue(detail(byRam).contains("<NoPermissionType>ExplicitDeny</NoPermissionType>"), detail(byRam));

        String userId = f.userId("denied-" + version);
        f.root(version)
                .setBucketPolicy(new SetBucketPolicyRequest(
                        b,
                        "{\"Version\":\"1\",\"Statement\":["
                                + "{\"Effect\":\"Deny\",\"Action\":[\"oss:GetObject\",\"oss:PutObject\"],\"Principal\":[\""
                                + userId + "\"],"
                                + "\"Resource\":[\"acs:oss:*:" + f.account() + ":" + b + "/*\"]}]}"));
        assertDenial(denied(() -> user.getObject(b, "k")), "Access denied by bucket policy.", "0003-00000203");
        OSSException byBucket = denied(() -> user.putObject(b, "k", data()));
        assertDenial(byBucket, "Access denied by bucket policy.", "0003-00000101");
        assertFalse(detail(byBucket).contains("<PolicyType>"), detail(byBucket));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void stsSessionPolicy_isTheAuthorizersPolicy(SignVersion version) {
        String b = bucket(version, "session");
        String role = f.role("session-" + version, document(allow("[\"oss:GetObject\",\"oss:PutObject\"]", "\"*\"")));
        OSS session = f.oss(version, f.assumeRole(role, document(allow("\"oss:GetObject\"", "\"*\"")), 900));
        OSSException e = denied(() -> session.putObject(b, "k", data()));
        assertDenial(e, "Access denied by authorizer's policy.", "0003-00000301");
        assertTrue(detail(e).contains("<AuthPrincipalType>AssumedRoleUser</AuthPrincipalType>"), detail(e));
        // Neither the role nor the session allows deleting: an ordinary missing permission.
        assertDenial(
                denied(() -> session.deleteObject(b, "k")),
                "You have no right to access this object because of bucket acl.",
                "0003-00000001");
    }
}
