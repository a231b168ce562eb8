package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.Finding;
import dev.ossops.audit.Fixture;
import dev.ossops.audit.ObjectAclSample;
import dev.ossops.audit.Observed;
import dev.ossops.audit.RamState;
import dev.ossops.audit.Unknown;
import dev.ossops.spec.model.AccessAssertion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ossops.audit.checks.CheckAssert.onlyFinding;
import static dev.ossops.audit.checks.CheckAssert.onlyUnknown;
import static dev.ossops.audit.checks.CheckAssert.passes;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The profile's access assertions against a collected snapshot. */
class AccessAssertionCheckTest {
    private static final AccessAssertionCheck CHECK = new AccessAssertionCheck();

    private static AccessAssertion anonymousCannotRead(String bucket) {
        return new AccessAssertion(
                "invoices-private",
                new AccessAssertion.Anonymous(),
                List.of("oss:GetObject"),
                bucket,
                Optional.of("invoices/*"),
                Optional.empty(),
                Map.of(),
                Optional.empty(),
                false);
    }

    @Test
    void evaluate_publicReadBucket_findingAtTheAssertion() {
        AuditSnapshot s = Fixture.account(Fixture.bucket("media")
                        .acl(Observed.found("public-read"))
                        .build())
                .build()
                .withAccess(Map.of("invoices-private", anonymousCannotRead("media")));
        Finding f = onlyFinding(CHECK, s);
        assertEquals("access/invoices-private", f.resource());
        assertEquals(Optional.of("access.invoices-private"), f.profilePath());
        assertEquals(
                "access assertion invoices-private fails: anonymous caller may oss:GetObject on media/invoices/x (acs:SecureTransport=true): allowed "
                        + "by the bucket ACL public-read",
                f.message());
    }

    @Test
    void evaluate_privateBucketCompleteSample_holds() {
        passes(
                CHECK,
                Fixture.account(Fixture.bucket("media").build())
                        .build()
                        .withAccess(Map.of("invoices-private", anonymousCannotRead("media"))));
    }

    @Test
    void evaluate_publicObjectInTheSample_findingNamesTheObject() {
        AuditSnapshot s = Fixture.account(Fixture.bucket("media")
                        .objectAcls(Observed.found(
                                new ObjectAclSample(Map.of("invoices/2024/march.pdf", "public-read"), false)))
                        .build())
                .build()
                .withAccess(Map.of("invoices-private", anonymousCannotRead("media")));
        assertEquals(
                "access assertion invoices-private fails: anonymous caller may oss:GetObject on "
                        + "media/invoices/2024/march.pdf (acs:SecureTransport=true): allowed by the object ACL public-read",
                onlyFinding(CHECK, s).message());
    }

    @Test
    void evaluate_truncatedSampleOrUnreadablePolicy_unknownWithTheReason() {
        AuditSnapshot truncated = Fixture.account(Fixture.bucket("media")
                        .objectAcls(Observed.found(new ObjectAclSample(Map.of("a", "default"), true)))
                        .build())
                .build()
                .withAccess(Map.of("invoices-private", anonymousCannotRead("media")));
        Unknown u = onlyUnknown(CHECK, truncated);
        assertEquals(
                "unknown whether anonymous caller may oss:GetObject on media/invoices/x (acs:SecureTransport=true): it depends on bucket media holds "
                        + "more objects than were sampled (--objects), and an object may carry its own public ACL",
                u.reason());
        AuditSnapshot unreadable = Fixture.account(Fixture.bucket("media")
                        .policy(Observed.unreadable("AccessDenied"))
                        .build())
                .build()
                .withAccess(Map.of("invoices-private", anonymousCannotRead("media")));
        assertEquals(
                "unknown whether anonymous caller may oss:GetObject on media/invoices/x: it depends on the bucket policy of "
                        + "media: the policy of bucket media could not be read: AccessDenied",
                onlyUnknown(CHECK, unreadable).reason());
    }

    @Test
    void evaluate_userWithAttachedPolicy_findingNamesTheStatement() {
        RamState ram = RamState.builder()
                .rootAccessKeys(Observed.found(List.of()))
                .policy(
                        "MediaAll",
                        RamState.PolicyKind.CUSTOM,
                        Observed.found("{\"Version\":\"1\",\"Statement\":[{\"Effect\":"
                                + "\"Allow\",\"Action\":\"oss:*\",\"Resource\":\"acs:oss:*:*:media/*\"}]}"))
                .attach(RamState.PrincipalKind.USER, "app", "MediaAll", RamState.PolicyKind.CUSTOM)
                .build();
        AccessAssertion cannotDelete = new AccessAssertion(
                "app-cannot-delete",
                new AccessAssertion.RamUser("app"),
                List.of("oss:DeleteObject"),
                "media",
                Optional.of("*"),
                Optional.empty(),
                Map.of(),
                Optional.empty(),
                false);
        AuditSnapshot s = Fixture.account(Fixture.bucket("media").build())
                .ram(Observed.found(ram))
                .build()
                .withAccess(Map.of("app-cannot-delete", cannotDelete));
        Finding f = onlyFinding(CHECK, s);
        assertEquals(
                "access assertion app-cannot-delete fails: RAM user app may oss:DeleteObject on media/x (acs:SecureTransport=true): allowed by "
                        + "identity policy \"MediaAll\" Statement[0]",
                f.message());
        assertEquals("identity policy \"MediaAll\" Statement[0]", f.evidence().actual());
    }
}
