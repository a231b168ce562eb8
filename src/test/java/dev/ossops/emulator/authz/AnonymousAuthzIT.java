package dev.ossops.emulator.authz;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PutBucketPublicAccessBlockRequest;
import com.aliyun.oss.model.SetBucketPolicyRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;

import static dev.ossops.emulator.authz.AuthzFixture.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unsigned requests follow object and bucket ACLs and bucket policies granting Principal "*";
 * Deny wins; Block Public Access neutralises public grants and refuses new ones. The owner
 * configures through the official client (V1 and V4); the anonymous side is plain HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnonymousAuthzIT {
    /** OSS's answers to unsigned requests nothing grants: reads of an object, writes of an object, a bucket (the "HTTP 403" page). */
    private static final String ACL_MESSAGE = "You have no right to access this object because of bucket acl.";

    private static final String OBJECT_MESSAGE = "Anonymous user has no right to access this object.";
    private static final String BUCKET_MESSAGE = "Anonymous user has no right to access this bucket.";

    private AuthzFixture f;

    @BeforeAll
    void start(@TempDir Path dir) {
        f = new AuthzFixture(dir);
    }

    @AfterAll
    void stop() {
        f.close();
    }

    private String bucket(OSS root, SignVersion version, String hint) {
        String name = (hint + "-" + version).toLowerCase(Locale.ROOT);
        root.createBucket(name);
        return name;
    }

    private int get(String bucket, String key) {
        return f.anonymous("GET", "/" + bucket + "/" + key, null).statusCode();
    }

    private static void assertDenied(HttpResponse<String> response, String message) {
        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.body().contains("<Code>AccessDenied</Code>"), response.body());
        assertTrue(response.body().contains("<Message>" + message + "</Message>"), response.body());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void objectAcl_overridesBucketAcl_defaultInheritsIt(SignVersion version) {
        OSS root = f.root(version);
        String b = bucket(root, version, "acl");
        root.putObject(b, "inherits", data());
        root.putObject(b, "public", data());
        root.putObject(b, "private", data());
        root.setObjectAcl(b, "public", CannedAccessControlList.PublicRead);
        root.setObjectAcl(b, "private", CannedAccessControlList.Private);

        assertDenied(f.anonymous("GET", "/" + b + "/inherits", null), ACL_MESSAGE);
        assertEquals(200, get(b, "public"));
        root.setBucketAcl(b, CannedAccessControlList.PublicRead);
        assertEquals(200, get(b, "inherits"));
        assertEquals(403, get(b, "private"));
        assertEquals(200, f.anonymous("GET", "/" + b + "/", null).statusCode());
        assertDenied(f.anonymous("PUT", "/" + b + "/new", "x"), OBJECT_MESSAGE);
        root.setBucketAcl(b, CannedAccessControlList.PublicReadWrite);
        assertEquals(200, f.anonymous("PUT", "/" + b + "/new", "x").statusCode());
        assertDenied(f.anonymous("DELETE", "/" + b + "/", null), BUCKET_MESSAGE);
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void bucketPolicy_grantsAnonymous_denyWinsWithConditions(SignVersion version) {
        OSS root = f.root(version);
        String b = bucket(root, version, "policy");
        root.putObject(b, "docs/a", data());
        root.putObject(b, "docs/internal/b", data());
        root.setBucketAcl(b, CannedAccessControlList.PublicRead);
        String arn = "acs:oss:*:" + f.account() + ":" + b;
        root.setBucketPolicy(new SetBucketPolicyRequest(
                b,
                "{\"Version\":\"1\",\"Statement\":["
                        + "{\"Effect\":\"Allow\",\"Action\":[\"oss:GetObject\"],\"Principal\":[\"*\"],\"Resource\":[\""
                        + arn + "/docs/*\"]},"
                        + "{\"Effect\":\"Deny\",\"Action\":[\"oss:GetObject\"],\"Principal\":[\"*\"],\"Resource\":[\""
                        + arn
                        + "/docs/internal/*\"],\"Condition\":{\"IpAddress\":{\"acs:SourceIp\":[\"127.0.0.0/8\"]},"
                        + "\"StringNotLike\":{\"acs:SourceVpc\":[\"vpc-*\"]}}}]}"));
        assertEquals(200, get(b, "docs/a"));
        // The Deny beats both the policy's Allow and the public-read ACL.
        assertDenied(f.anonymous("GET", "/" + b + "/docs/internal/b", null), "Access denied by bucket policy.");
        // With a Condition, a Principal "*" Deny binds the owner too, as OSS documents.
        OSSException owner = assertThrows(OSSException.class, () -> root.getObject(b, "docs/internal/b"));
        assertEquals("AccessDenied", owner.getErrorCode());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void blockPublicAccess_neutralisesAndRefusesPublicGrants(SignVersion version) {
        OSS root = f.root(version);
        String b = bucket(root, version, "bpa");
        root.putObject(b, "k", data());
        root.setBucketAcl(b, CannedAccessControlList.PublicRead);
        String arn = "acs:oss:*:" + f.account() + ":" + b;
        String publicPolicy =
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:ListObjects\"],"
                        + "\"Principal\":[\"*\"],\"Resource\":[\"" + arn + "\"]}]}";
        root.setBucketPolicy(new SetBucketPolicyRequest(b, publicPolicy));
        assertEquals(200, get(b, "k"));
        assertEquals(200, f.anonymous("GET", "/" + b + "/", null).statusCode());

        root.putBucketPublicAccessBlock(new PutBucketPublicAccessBlockRequest(b, true));
        assertDenied(f.anonymous("GET", "/" + b + "/k", null), ACL_MESSAGE);
        assertDenied(f.anonymous("GET", "/" + b + "/", null), BUCKET_MESSAGE);
        OSSException acl =
                assertThrows(OSSException.class, () -> root.setBucketAcl(b, CannedAccessControlList.PublicReadWrite));
        assertEquals("AccessDenied", acl.getErrorCode());
        assertEquals("Put public bucket acl is not allowed", acl.getErrorMessage());
        assertEquals(
                "Put public object acl is not allowed",
                assertThrows(OSSException.class, () -> root.setObjectAcl(b, "k", CannedAccessControlList.PublicRead))
                        .getErrorMessage());
        ObjectMetadata publicRead = new ObjectMetadata();
        publicRead.setObjectAcl(CannedAccessControlList.PublicRead);
        assertEquals(
                "Put public object acl is not allowed",
                assertThrows(OSSException.class, () -> root.putObject(b, "k2", data(), publicRead))
                        .getErrorMessage());
        assertEquals(
                "Put public bucket policy is not allowed",
                assertThrows(
                                OSSException.class,
                                () -> root.setBucketPolicy(new SetBucketPolicyRequest(b, publicPolicy)))
                        .getErrorMessage());
        root.setBucketAcl(b, CannedAccessControlList.Private);

        root.putBucketPublicAccessBlock(new PutBucketPublicAccessBlockRequest(b, false));
        assertEquals(200, f.anonymous("GET", "/" + b + "/", null).statusCode());
        assertDenied(f.anonymous("GET", "/" + b + "/k", null), ACL_MESSAGE);
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void policyStatus_isPublicOnlyForUnpinnedAnonymousGrants(SignVersion version) {
        OSS root = f.root(version);
        String b = bucket(root, version, "status");
        String arn = "acs:oss:*:" + f.account() + ":" + b;
        assertEquals(false, root.getBucketPolicyStatus(b).isPublic());
        root.setBucketPolicy(new SetBucketPolicyRequest(
                b,
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":[\"oss:GetObject\"],\"Principal\":[\"*\"],\"Resource\":[\"" + arn + "/*\"],"
                        + "\"Condition\":{\"IpAddress\":{\"acs:SourceIp\":[\"192.168.0.0/16\"]},"
                        + "\"StringNotLike\":{\"acs:SourceVpc\":[\"vpc-*\"]}}}]}"));
        assertEquals(false, root.getBucketPolicyStatus(b).isPublic());
        root.setBucketPolicy(new SetBucketPolicyRequest(
                b,
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":[\"oss:GetObject\"],\"Principal\":[\"*\"],\"Resource\":[\"" + arn + "/*\"]}]}"));
        assertEquals(true, root.getBucketPolicyStatus(b).isPublic());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void putBucketPolicy_sourceIpWithoutSourceVpc_isRefused(SignVersion version) {
        OSS root = f.root(version);
        String b = bucket(root, version, "source-vpc");
        OSSException e = assertThrows(
                OSSException.class,
                () -> root.setBucketPolicy(new SetBucketPolicyRequest(
                        b,
                        "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:GetObject\"],"
                                + "\"Principal\":[\"*\"],\"Resource\":[\"acs:oss:*:" + f.account() + ":" + b + "/*\"],"
                                + "\"Condition\":{\"IpAddress\":{\"acs:SourceIp\":[\"10.10.10.10\"]}}}]}")));
        assertEquals("InvalidPolicyDocument", e.getErrorCode());
        assertEquals(
                "A statement that conditions on acs:SourceIp must also condition on acs:SourceVpc.",
                e.getErrorMessage());
        assertEquals(
                "NoSuchBucketPolicy",
                assertThrows(OSSException.class, () -> root.getBucketPolicy(b)).getErrorCode());
    }
}
