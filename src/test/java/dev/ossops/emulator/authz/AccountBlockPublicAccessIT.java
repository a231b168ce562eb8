package dev.ossops.emulator.authz;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PutBucketPublicAccessBlockRequest;
import com.aliyun.oss.model.PutPublicAccessBlockRequest;
import com.aliyun.oss.model.SetBucketPolicyRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * Account-level Block Public Access (PutPublicAccessBlock / GetPublicAccessBlock / DeletePublicAccessBlock on the
 * endpoint) through the official client, and its effect on every bucket of the account. Each test gets its own
 * emulator: the setting is account-wide and would leak between tests otherwise.
 */
class AccountBlockPublicAccessIT {
    private static final String ACL_MESSAGE = "You have no right to access this object because of bucket acl.";
    private static final String BUCKET_MESSAGE = "Anonymous user has no right to access this bucket.";
    private static final String BUCKET_ACL_REFUSAL = "Put public bucket acl is not allowed";
    private static final String OBJECT_ACL_REFUSAL = "Put public object acl is not allowed";
    private static final String POLICY_REFUSAL = "Put public bucket policy is not allowed";

    @TempDir
    Path dir;

    private AuthzFixture f;

    @BeforeEach
    void start() {
        f = new AuthzFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static void assertDenied(HttpResponse<String> response, String message) {
        assertEquals(403, response.statusCode(), response.body());
        assertTrue(response.body().contains("<Code>AccessDenied</Code>"), response.body());
        assertTrue(response.body().contains("<Message>" + message + "</Message>"), response.body());
    }

    private String publicReadBucket(OSS root, SignVersion version) {
        String b = ("account-bpa-" + version).toLowerCase(Locale.ROOT);
        root.createBucket(b);
        root.putObject(b, "k", data());
        root.setBucketAcl(b, CannedAccessControlList.PublicRead);
        return b;
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void publicAccessBlock_putGetDelete_roundTrip(SignVersion version) {
        OSS root = f.root(version);

        assertFalse(root.getPublicAccessBlock().getBlockPublicAccess());
        root.putPublicAccessBlock(new PutPublicAccessBlockRequest(true));
        assertTrue(root.getPublicAccessBlock().getBlockPublicAccess());
        root.putPublicAccessBlock(new PutPublicAccessBlockRequest(false));
        assertFalse(root.getPublicAccessBlock().getBlockPublicAccess());
        root.putPublicAccessBlock(new PutPublicAccessBlockRequest(true));
        root.deletePublicAccessBlock();
        assertFalse(root.getPublicAccessBlock().getBlockPublicAccess());
        // Deleting what is not set succeeds, as the bucket-level Delete does.
        root.deletePublicAccessBlock();
        assertFalse(root.getPublicAccessBlock().getBlockPublicAccess());
    }

    @Test
    void getPublicAccessBlock_nothingSet_answersTheOffDocument() {
        HttpResponse<String> anonymous = f.anonymous("GET", "/?publicAccessBlock", null);
        assertDenied(anonymous, "Anonymous access is forbidden for this operation.");
        assertDenied(
                f.anonymous(
                        "PUT",
                        "/?publicAccessBlock",
                        "<PublicAccessBlockConfiguration><BlockPublicAccess>false</BlockPublicAccess></PublicAccessBlockConfiguration>"),
                "Anonymous access is forbidden for this operation.");
        assertDenied(
                f.anonymous("DELETE", "/?publicAccessBlock", null),
                "Anonymous access is forbidden for this operation.");
        // Nothing set answers 200 with false (the documented default), not a NoSuch... error.
        assertFalse(f.root(SignVersion.V4).getPublicAccessBlock().getBlockPublicAccess());
    }

    @Test
    void publicAccessBlock_emulatorRestarted_settingAndEnforcementSurvive() {
        OSS root = f.root(SignVersion.V4);
        String b = publicReadBucket(root, SignVersion.V4);
        root.putPublicAccessBlock(new PutPublicAccessBlockRequest(true));
        f.close();

        f = new AuthzFixture(dir);
        OSS again = f.root(SignVersion.V4);
        assertTrue(again.getPublicAccessBlock().getBlockPublicAccess());
        assertDenied(f.anonymous("GET", "/" + b + "/k", null), ACL_MESSAGE);
        again.deletePublicAccessBlock();
        f.close();

        f = new AuthzFixture(dir);
        assertFalse(f.root(SignVersion.V4).getPublicAccessBlock().getBlockPublicAccess());
        assertEquals(200, f.anonymous("GET", "/" + b + "/k", null).statusCode());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void publicAccessBlock_ramUser_needsTheAccountLevelActions(SignVersion version) {
        OSS reader = f.oss(
                version,
                f.user(
                        "bpa-reader-" + version,
                        document(allow("[\"oss:GetPublicAccessBlock\"]", "[\"acs:oss:*:" + f.account() + ":*\"]"))));
        OSS nobody = f.oss(
                version,
                f.user(
                        "bpa-nobody-" + version,
                        document(allow(
                                "[\"oss:GetBucketPublicAccessBlock\",\"oss:PutBucketPublicAccessBlock\"]",
                                "[\"*\"]"))));
        OSS admin = f.oss(
                version,
                f.user(
                        "bpa-admin-" + version,
                        document(
                                allow("[\"oss:*PublicAccessBlock\"]", "[\"*\"]"),
                                deny("[\"oss:DeletePublicAccessBlock\"]", "[\"*\"]"))));

        assertFalse(reader.getPublicAccessBlock().getBlockPublicAccess());
        OSSException put = denied(() -> reader.putPublicAccessBlock(new PutPublicAccessBlockRequest(true)));
        assertEquals(ACL_MESSAGE, put.getErrorMessage());
        assertTrue(
                put.getRawResponseError().contains("<AuthAction>oss:PutPublicAccessBlock</AuthAction>"),
                put.getRawResponseError());
        assertTrue(put.getRawResponseError().contains("<AuthPrincipalType>SubUser</AuthPrincipalType>"));
        // The bucket-level actions do not grant the account-level APIs.
        OSSException get = denied(nobody::getPublicAccessBlock);
        assertTrue(
                get.getRawResponseError().contains("<AuthAction>oss:GetPublicAccessBlock</AuthAction>"),
                get.getRawResponseError());

        admin.putPublicAccessBlock(new PutPublicAccessBlockRequest(true));
        assertTrue(reader.getPublicAccessBlock().getBlockPublicAccess());
        OSSException delete = denied(admin::deletePublicAccessBlock);
        assertEquals("Access denied by bucket policy.", delete.getErrorMessage());
        assertTrue(
                delete.getRawResponseError().contains("<AuthAction>oss:DeletePublicAccessBlock</AuthAction>"),
                delete.getRawResponseError());
        assertTrue(f.root(version).getPublicAccessBlock().getBlockPublicAccess());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void publicAccessBlock_stsSession_limitedBySessionPolicy(SignVersion version) {
        String role = f.role("bpa-role-" + version, document(allow("[\"oss:*PublicAccessBlock\"]", "[\"*\"]")));
        OSS session = f.oss(
                version,
                f.assumeRole(role, document(allow("[\"oss:GetPublicAccessBlock\"]", "[\"acs:oss:*:*:*\"]")), 900));

        assertFalse(session.getPublicAccessBlock().getBlockPublicAccess());
        OSSException put = denied(() -> session.putPublicAccessBlock(new PutPublicAccessBlockRequest(true)));
        // The role may; its session policy may not: OSS's message for an STS token's policy (page 0003-00000301).
        assertEquals("Access denied by authorizer's policy.", put.getErrorMessage());
        assertTrue(put.getRawResponseError().contains("<EC>0003-00000301</EC>"), put.getRawResponseError());
        assertTrue(
                put.getRawResponseError().contains("<AuthAction>oss:PutPublicAccessBlock</AuthAction>"),
                put.getRawResponseError());
        assertFalse(f.root(version).getPublicAccessBlock().getBlockPublicAccess());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void publicAccessBlock_on_publicAclIgnoredAndRefusedUntilDeleted(SignVersion version) throws IOException {
        OSS root = f.root(version);
        String b = publicReadBucket(root, version);
        assertEquals(200, f.anonymous("GET", "/" + b + "/k", null).statusCode());

        root.putPublicAccessBlock(new PutPublicAccessBlockRequest(true));
        assertDenied(f.anonymous("GET", "/" + b + "/k", null), ACL_MESSAGE);
        assertDenied(f.anonymous("GET", "/" + b + "/", null), BUCKET_MESSAGE);
        // The account's "on" wins over the bucket's own "off".
        root.putBucketPublicAccessBlock(new PutBucketPublicAccessBlockRequest(b, false));
        assertDenied(f.anonymous("GET", "/" + b + "/k", null), ACL_MESSAGE);
        assertEquals(
                BUCKET_ACL_REFUSAL,
                denied(() -> root.setBucketAcl(b, CannedAccessControlList.PublicReadWrite))
                        .getErrorMessage());
        assertEquals(
                OBJECT_ACL_REFUSAL,
                denied(() -> root.setObjectAcl(b, "k", CannedAccessControlList.PublicRead))
                        .getErrorMessage());
        ObjectMetadata publicRead = new ObjectMetadata();
        publicRead.setObjectAcl(CannedAccessControlList.PublicRead);
        assertEquals(
                OBJECT_ACL_REFUSAL,
                denied(() -> root.putObject(b, "k2", data(), publicRead)).getErrorMessage());
        // The existing ACL is kept, only ignored; the owner still reads and may make it private.
        assertEquals(CannedAccessControlList.PublicRead, root.getBucketAcl(b).getCannedACL());
        try (InputStream content = root.getObject(b, "k").getObjectContent()) {
            assertEquals("hello", new String(content.readAllBytes(), StandardCharsets.UTF_8));
        }

        root.deletePublicAccessBlock();
        assertEquals(200, f.anonymous("GET", "/" + b + "/k", null).statusCode());
        root.setBucketAcl(b, CannedAccessControlList.PublicReadWrite);
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void publicAccessBlock_on_publicPolicyIgnoredAndRefused_policyStatusStillDescribesTheDocument(SignVersion version) {
        OSS root = f.root(version);
        String b = ("account-policy-" + version).toLowerCase(Locale.ROOT);
        root.createBucket(b);
        root.putObject(b, "docs/a", data());
        String arn = "acs:oss:*:" + f.account() + ":" + b;
        String readDocs = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:GetObject\"],"
                + "\"Principal\":[\"*\"],\"Resource\":[\"" + arn + "/docs/*\"]}]}";
        root.setBucketPolicy(new SetBucketPolicyRequest(b, readDocs));
        assertEquals(200, f.anonymous("GET", "/" + b + "/docs/a", null).statusCode());

        root.putPublicAccessBlock(new PutPublicAccessBlockRequest(true));
        assertDenied(f.anonymous("GET", "/" + b + "/docs/a", null), ACL_MESSAGE);
        assertEquals(
                POLICY_REFUSAL,
                denied(() -> root.setBucketPolicy(new SetBucketPolicyRequest(b, readDocs)))
                        .getErrorMessage());
        // IsPublic is whether the policy document has public semantics (OSS: "是否包含公共访问的语义"), as for the
        // bucket-level switch; Block Public Access decides whether those semantics take effect.
        assertTrue(root.getBucketPolicyStatus(b).isPublic());

        root.deletePublicAccessBlock();
        assertEquals(200, f.anonymous("GET", "/" + b + "/docs/a", null).statusCode());
        assertTrue(root.getBucketPolicyStatus(b).isPublic());
    }
}
