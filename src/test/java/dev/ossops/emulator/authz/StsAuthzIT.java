package dev.ossops.emulator.authz;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.comm.SignVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import static dev.ossops.emulator.authz.AuthzFixture.allow;
import static dev.ossops.emulator.authz.AuthzFixture.data;
import static dev.ossops.emulator.authz.AuthzFixture.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** STS credentials from AssumeRole on the emulator's one port, used by the official OSS client. */
class StsAuthzIT {
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

    private static String denied(Runnable call) {
        return AuthzFixture.denied(call::run).getErrorMessage();
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void sessionPolicy_limitsTheRoleToTheIntersection(SignVersion version) {
        String b = ("sts-" + version).toLowerCase(Locale.ROOT);
        f.root(version).createBucket(b);
        f.root(version).putObject(b, "in/k", data());
        f.root(version).putObject(b, "out/k", data());
        // The role may read and write anywhere in the bucket; the session only read, and only under in/.
        String role = f.role(
                "rw-" + version,
                document(allow("[\"oss:GetObject\",\"oss:PutObject\"]", "\"acs:oss:*:*:" + b + "/*\"")));
        AuthzFixture.Credentials sts = f.assumeRole(
                role,
                document(allow("[\"oss:GetObject\",\"oss:ListObjects\"]", "\"acs:oss:*:*:" + b + "/in/*\"")),
                900);
        OSS session = f.oss(version, sts);

        assertEquals("hello", new String(RamUserAuthzIT.readAll(session, b, "in/k"), StandardCharsets.UTF_8));
        // Allowed by the role, not by the session policy: OSS's message for an STS token's policy.
        assertEquals("Access denied by authorizer's policy.", denied(() -> session.putObject(b, "in/new", data())));
        assertEquals("Access denied by authorizer's policy.", denied(() -> session.getObject(b, "out/k")));
        // Allowed by the session policy, not by the role: nothing grants it.
        assertEquals("The bucket you access does not belong to you.", denied(() -> session.listObjects(b)));
        OSSException e = assertThrows(OSSException.class, () -> session.getObject(b, "out/k"));
        assertFalse(e.getRawResponseError().contains(sts.token()));
        assertEquals(true, e.getRawResponseError().contains("<AuthPrincipalType>AssumedRoleUser</AuthPrincipalType>"));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void withoutSessionPolicy_theRolePoliciesApply(SignVersion version) {
        String b = ("sts-role-" + version).toLowerCase(Locale.ROOT);
        f.root(version).createBucket(b);
        String role = f.role("writer-" + version, document(allow("\"oss:PutObject\"", "\"acs:oss:*:*:" + b + "/*\"")));
        OSS session = f.oss(version, f.assumeRole(role, null, 900));
        session.putObject(b, "k", data());
        denied(() -> session.getObject(b, "k"));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignVersion.class,
            names = {"V1", "V2", "V4"})
    void expiredCredentials_areRefused(SignVersion version) {
        String b = ("sts-expired-" + version).toLowerCase(Locale.ROOT);
        f.root(version).createBucket(b);
        String role = f.role("reader-" + version, document(allow("\"oss:*\"", "\"*\"")));
        // Issue 15-minute credentials 13 minutes in the emulator's past, then move 3 minutes ahead of real time:
        // expired by a minute, while every request stays within OSS's 15-minute clock skew.
        f.clock().advance(Duration.ofMinutes(-13));
        AuthzFixture.Credentials sts = f.assumeRole(role, null, 900);
        OSS session = f.oss(version, sts);
        session.putObject(b, "k", data());
        f.clock().advance(Duration.ofMinutes(16));
        OSSException e = assertThrows(OSSException.class, () -> session.getObject(b, "k"));
        assertEquals("SecurityTokenExpired", e.getErrorCode());
        assertEquals("The security token you provided has expired.", e.getErrorMessage());
    }
}
