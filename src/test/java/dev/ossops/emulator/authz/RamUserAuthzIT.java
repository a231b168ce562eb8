package dev.ossops.emulator.authz;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.LifecycleRule;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.SetBucketLifecycleRequest;
import com.aliyuncs.ram.model.v20150501.UpdateAccessKeyRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static dev.ossops.emulator.authz.AuthzFixture.allow;
import static dev.ossops.emulator.authz.AuthzFixture.data;
import static dev.ossops.emulator.authz.AuthzFixture.denied;
import static dev.ossops.emulator.authz.AuthzFixture.deny;
import static dev.ossops.emulator.authz.AuthzFixture.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RAM users' keys on OSS requests, authorized by their attached policies (official OSS and RAM clients). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RamUserAuthzIT {
    private static final String ACL_MESSAGE = "You have no right to access this object because of bucket acl.";

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
        return name;
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void putObjectOnPrefixOnly_writesThereAndNowhereElse(SignVersion version) {
        String b = bucket(version, "prefix-only");
        OSS user = f.oss(
                version,
                f.user(
                        "writer-" + version,
                        document(allow("\"oss:PutObject\"", "\"acs:oss:*:*:" + b + "/allowed/*\""))));

        user.putObject(b, "allowed/a.txt", data());
        assertTrue(f.root(version).doesObjectExist(b, "allowed/a.txt"));

        OSSException elsewhere = denied(() -> user.putObject(b, "other/a.txt", data()));
        assertEquals(ACL_MESSAGE, elsewhere.getErrorMessage());
        assertTrue(
                elsewhere.getRawResponseError().contains("<AuthAction>oss:PutObject</AuthAction>"),
                elsewhere.getRawResponseError());
        assertTrue(elsewhere.getRawResponseError().contains("<AuthPrincipalType>SubUser</AuthPrincipalType>"));
        denied(() -> user.getObject(b, "allowed/a.txt"));
        denied(() -> user.deleteObject(b, "allowed/a.txt"));
        denied(() -> user.listObjects(b));
        denied(() -> user.setBucketAcl(b, CannedAccessControlList.PublicReadWrite));
        SetBucketLifecycleRequest lifecycle = new SetBucketLifecycleRequest(b);
        lifecycle.setLifecycleRules(List.of(new LifecycleRule("r", "logs/", LifecycleRule.RuleStatus.Enabled, 30)));
        denied(() -> user.setBucketLifecycle(lifecycle));
        denied(() -> user.deleteBucket(b));
        denied(user::listBuckets);
        assertEquals(
                CannedAccessControlList.Private, f.root(version).getBucketAcl(b).getCannedACL());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void userWithoutPolicies_isDenied_unlessTheAclIsPublic(SignVersion version) {
        String b = bucket(version, "no-policies");
        f.root(version).putObject(b, "k", data());
        OSS user = f.oss(version, f.user("nobody-" + version));
        assertEquals(ACL_MESSAGE, denied(() -> user.getObject(b, "k")).getErrorMessage());
        denied(() -> user.listObjects(b));

        f.root(version).setBucketAcl(b, CannedAccessControlList.PublicRead);
        assertEquals("hello", new String(readAll(user, b, "k"), StandardCharsets.UTF_8));
        denied(() -> user.putObject(b, "k2", data()));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void explicitDeny_winsOverAllow(SignVersion version) {
        String b = bucket(version, "deny-wins");
        f.root(version).putObject(b, "secret/k", data());
        f.root(version).putObject(b, "open/k", data());
        OSS user = f.oss(
                version,
                f.user(
                        "denied-" + version,
                        document(allow("\"oss:*\"", "\"*\"")),
                        document(deny("\"oss:GetObject\"", "\"acs:oss:*:*:" + b + "/secret/*\""))));
        assertEquals("hello", new String(readAll(user, b, "open/k"), StandardCharsets.UTF_8));
        OSSException e = denied(() -> user.getObject(b, "secret/k"));
        assertEquals("Access denied by bucket policy.", e.getErrorMessage());
        assertEquals("0003-00000201", ec(e));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void sourceIpCondition_allowsFromLoopbackOnly(SignVersion version) {
        String b = bucket(version, "source-ip");
        f.root(version).putObject(b, "k", data());
        OSS local = f.oss(
                version,
                f.user(
                        "local-" + version,
                        document(
                                "{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\","
                                        + "\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"acs:SourceIp\":[\"127.0.0.1/32\"]}}}")));
        OSS office = f.oss(
                version,
                f.user(
                        "office-" + version,
                        document(
                                "{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\","
                                        + "\"Resource\":\"*\",\"Condition\":{\"IpAddress\":{\"acs:SourceIp\":[\"203.0.113.0/24\"]}}}")));
        OSS notLocal = f.oss(
                version,
                f.user(
                        "notlocal-" + version,
                        document(
                                allow("\"oss:GetObject\"", "\"*\""),
                                "{\"Effect\":\"Deny\",\"Action\":\"oss:*\",\"Resource\":\"*\","
                                        + "\"Condition\":{\"NotIpAddress\":{\"acs:SourceIp\":[\"10.0.0.0/8\"]}}}")));
        assertEquals("hello", new String(readAll(local, b, "k"), StandardCharsets.UTF_8));
        denied(() -> office.getObject(b, "k"));
        assertEquals(
                "Access denied by bucket policy.",
                denied(() -> notLocal.getObject(b, "k")).getErrorMessage());
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void prefixCondition_limitsListObjects(SignVersion version) {
        String b = bucket(version, "list-prefix");
        f.root(version).putObject(b, "home/alice/a", data());
        f.root(version).putObject(b, "home/bob/b", data());
        OSS user = f.oss(
                version,
                f.user(
                        "lister-" + version,
                        document("{\"Effect\":\"Allow\",\"Action\":\"oss:ListObjects\"," + "\"Resource\":\"acs:oss:*:*:"
                                + b + "\",\"Condition\":{\"StringLike\":{\"oss:Prefix\":[\"home/alice/*\"]}}}")));
        assertEquals(
                List.of("home/alice/a"),
                user.listObjects(new ListObjectsRequest(b).withPrefix("home/alice/")).getObjectSummaries().stream()
                        .map(s -> s.getKey())
                        .toList());
        denied(() -> user.listObjects(new ListObjectsRequest(b).withPrefix("home/bob/")));
        denied(() -> user.listObjects(b));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void inactiveAccessKey_isRefused(SignVersion version) {
        String b = bucket(version, "inactive");
        String name = "inactive-" + version;
        AuthzFixture.Credentials key = f.user(name, document(allow("\"oss:*\"", "\"*\"")));
        OSS user = f.oss(version, key);
        user.putObject(b, "k", data());
        UpdateAccessKeyRequest disable = new UpdateAccessKeyRequest();
        disable.setUserName(name);
        disable.setUserAccessKeyId(key.id());
        disable.setStatus("Inactive");
        f.call(disable);
        OSSException e = assertThrows(OSSException.class, () -> user.putObject(b, "k", data()));
        assertEquals("InvalidAccessKeyId", e.getErrorCode());
        assertEquals("The OSS Access Key Id you provided is disabled.", e.getErrorMessage());
        assertTrue(!e.getRawResponseError().contains(key.secret()));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V4"})
    void transportTimeAndUserAgentConditions_seeTheRequest(SignVersion version) {
        String b = bucket(version, "conditions");
        f.root(version).putObject(b, "k", data());
        OSS httpsOnly = f.oss(
                version,
                f.user(
                        "https-only-" + version,
                        document(
                                "{\"Effect\":\"Allow\","
                                        + "\"Action\":\"oss:GetObject\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"acs:SecureTransport\":[\"true\"]}}}")));
        OSS expired = f.oss(
                version,
                f.user(
                        "until-2020-" + version,
                        document(
                                "{\"Effect\":\"Allow\","
                                        + "\"Action\":\"oss:GetObject\",\"Resource\":\"*\","
                                        + "\"Condition\":{\"DateLessThan\":{\"acs:CurrentTime\":[\"2020-01-01T00:00:00Z\"]}}}")));
        OSS current = f.oss(
                version,
                f.user(
                        "until-2999-" + version,
                        document("{\"Effect\":\"Allow\","
                                + "\"Action\":\"oss:GetObject\",\"Resource\":\"*\","
                                + "\"Condition\":{\"DateLessThan\":{\"acs:CurrentTime\":[\"2999-01-01T00:00:00Z\"]},"
                                + "\"StringLike\":{\"acs:UserAgent\":[\"aliyun-sdk-java*\"]}}}")));
        OSS browser = f.oss(
                version,
                f.user(
                        "browser-" + version,
                        document("{\"Effect\":\"Allow\","
                                + "\"Action\":\"oss:GetObject\",\"Resource\":\"*\","
                                + "\"Condition\":{\"StringLike\":{\"acs:UserAgent\":[\"Mozilla/*\"]}}}")));
        // The emulator speaks plain HTTP.
        denied(() -> httpsOnly.getObject(b, "k"));
        denied(() -> expired.getObject(b, "k"));
        assertEquals("hello", new String(readAll(current, b, "k"), StandardCharsets.UTF_8));
        denied(() -> browser.getObject(b, "k"));
    }

    static String ec(OSSException e) {
        String raw = e.getRawResponseError();
        int start = raw.indexOf("<EC>") + 4;
        return raw.substring(start, raw.indexOf("</EC>"));
    }

    static byte[] readAll(OSS client, String bucket, String key) {
        try (var object = client.getObject(bucket, key);
                var in = object.getObjectContent()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
