package dev.ossops.audit.checks;

import dev.ossops.audit.AuditSnapshot;
import dev.ossops.audit.CdnDomainState;
import dev.ossops.audit.Evidence;
import dev.ossops.audit.Finding;
import dev.ossops.audit.Observed;
import dev.ossops.audit.ProfileChange;
import dev.ossops.audit.RamState;
import dev.ossops.audit.RamState.PolicyKind;
import dev.ossops.audit.RamState.PrincipalKind;
import dev.ossops.audit.Unknown;
import dev.ossops.spec.model.Cdn;
import dev.ossops.spec.model.UploaderSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.ossops.audit.Fixture.account;
import static dev.ossops.audit.Fixture.bucket;
import static dev.ossops.audit.checks.CheckAssert.onlyFinding;
import static dev.ossops.audit.checks.CheckAssert.onlyUnknown;
import static dev.ossops.audit.checks.CheckAssert.passes;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** RAM, CDN and uploader checks. */
class AccountChecksTest {

    private static String identityPolicy(String action, String resource) {
        return "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"" + action + "\"], "
                + "\"Resource\": [\"" + resource + "\"]}]}";
    }

    private static AuditSnapshot withRam(RamState.Builder ram) {
        return account()
                .ram(Observed.found(
                        ram.rootAccessKeys(Observed.found(List.of())).build()))
                .build();
    }

    @Test
    void fullAccess_ossStarOnStar_highFinding() {
        // Scanners matching only Action "*" miss this one.
        Finding f = onlyFinding(
                new RamPolicyGrantCheck.FullAccess(),
                withRam(RamState.builder()
                        .policy("AppAll", PolicyKind.CUSTOM, Observed.found(identityPolicy("oss:*", "*")))
                        .attach(PrincipalKind.ROLE, "app-role", "AppAll", PolicyKind.CUSTOM)));
        assertEquals("RAM-POLICY-FULL-ACCESS", f.rule().id());
        assertEquals("ram:policy/AppAll", f.resource());
        assertEquals(
                "custom policy AppAll attached to role app-role: identity policy \"AppAll\" Statement[0] allows "
                        + "oss:* on every OSS resource",
                f.message());
        assertEquals(
                new Evidence(
                        "ram.policies.AppAll.document",
                        "oss:* on every OSS resource",
                        "actions and resources limited to what is needed"),
                f.evidence());
    }

    @Test
    void fullAccess_starOnStar_highFinding() {
        Finding f = onlyFinding(
                new RamPolicyGrantCheck.FullAccess(),
                withRam(RamState.builder()
                        .policy("Admin", PolicyKind.CUSTOM, Observed.found(identityPolicy("*", "*")))
                        .attach(PrincipalKind.USER, "alice", "Admin", PolicyKind.CUSTOM)));
        assertEquals("* on *", f.evidence().actual());
    }

    @Test
    void fullAccess_scopedPolicy_passes() {
        passes(
                new RamPolicyGrantCheck.FullAccess(),
                withRam(RamState.builder()
                        .policy(
                                "AppRW",
                                PolicyKind.CUSTOM,
                                Observed.found(identityPolicy("oss:*", "acs:oss:*:*:media/*")))
                        .attach(PrincipalKind.ROLE, "app-role", "AppRW", PolicyKind.CUSTOM)));
    }

    @Test
    void fullAccess_broadPolicyNotAttached_passes() {
        passes(
                new RamPolicyGrantCheck.FullAccess(),
                withRam(RamState.builder()
                        .policy("Unused", PolicyKind.CUSTOM, Observed.found(identityPolicy("*", "*")))));
    }

    @Test
    void fullAccess_documentUnreadable_unknown() {
        Unknown u = onlyUnknown(
                new RamPolicyGrantCheck.FullAccess(),
                withRam(RamState.builder()
                        .policy("AppAll", PolicyKind.CUSTOM, Observed.unreadable("GetPolicyVersion: NoPermission"))
                        .attach(PrincipalKind.ROLE, "app-role", "AppAll", PolicyKind.CUSTOM)));
        assertEquals("the policy document could not be read: GetPolicyVersion: NoPermission", u.reason());
    }

    @Test
    void fullAccess_ramUnreadable_unknownForAccount() {
        Unknown u = onlyUnknown(
                new RamPolicyGrantCheck.FullAccess(),
                account().ram(Observed.unreadable("ListPolicies: NoPermission")).build());
        assertEquals("ram:account/1234567890123456", u.resource());
        assertEquals("RAM could not be read: ListPolicies: NoPermission", u.reason());
    }

    @Test
    void privilegeEscalation_assumeAnyRole_highFinding() {
        Finding f = onlyFinding(
                new RamPolicyGrantCheck.PrivilegeEscalation(),
                withRam(RamState.builder()
                        .policy("Assumer", PolicyKind.CUSTOM, Observed.found(identityPolicy("sts:AssumeRole", "*")))
                        .attach(PrincipalKind.USER, "ci", "Assumer", PolicyKind.CUSTOM)));
        assertEquals("RAM-POLICY-PRIVILEGE-ESCALATION", f.rule().id());
        assertEquals("sts:AssumeRole on every role", f.evidence().actual());
    }

    @Test
    void privilegeEscalation_ramStar_highFinding() {
        Finding f = onlyFinding(
                new RamPolicyGrantCheck.PrivilegeEscalation(),
                withRam(RamState.builder()
                        .policy("RamAdmin", PolicyKind.CUSTOM, Observed.found(identityPolicy("ram:*", "*")))
                        .attach(PrincipalKind.ROLE, "ops", "RamAdmin", PolicyKind.CUSTOM)));
        assertEquals("ram:* on every RAM resource", f.evidence().actual());
    }

    @Test
    void privilegeEscalation_assumeOneRole_passes() {
        passes(
                new RamPolicyGrantCheck.PrivilegeEscalation(),
                withRam(RamState.builder()
                        .policy(
                                "Assumer",
                                PolicyKind.CUSTOM,
                                Observed.found(
                                        identityPolicy("sts:AssumeRole", "acs:ram::1234567890123456:role/uploader")))
                        .attach(PrincipalKind.USER, "ci", "Assumer", PolicyKind.CUSTOM)));
    }

    @Test
    void userDirectPolicy_policiesOnUser_lowFindingPerUser() {
        Finding f = onlyFinding(
                new UserDirectPolicyCheck(),
                withRam(RamState.builder()
                        .attach(PrincipalKind.USER, "alice", "AliyunOSSReadOnlyAccess", PolicyKind.SYSTEM)
                        .attach(PrincipalKind.USER, "alice", "AppRW", PolicyKind.CUSTOM)
                        .attach(PrincipalKind.ROLE, "app-role", "AppRW", PolicyKind.CUSTOM)));
        assertEquals("ram:user/alice", f.resource());
        assertEquals("RAM user alice has policies attached directly: AliyunOSSReadOnlyAccess, AppRW", f.message());
        assertEquals(
                new Evidence(
                        "ram.users.alice.policies",
                        "[AliyunOSSReadOnlyAccess, AppRW]",
                        "[] (permissions through a role)"),
                f.evidence());
    }

    @Test
    void userDirectPolicy_onlyRoles_passes() {
        passes(
                new UserDirectPolicyCheck(),
                withRam(RamState.builder().attach(PrincipalKind.ROLE, "app-role", "AppRW", PolicyKind.CUSTOM)));
    }

    @Test
    void rootAccessKey_activeKey_infoFindingWithMaskedId() {
        Finding f = onlyFinding(
                new RootAccessKeyCheck(),
                account()
                        .ram(Observed.found(RamState.builder()
                                .rootAccessKeys(Observed.found(List.of(
                                        new RamState.RootAccessKey(
                                                "LTAI5tExampleKeyId9abcd", "Active", Optional.of("2026-11-02")),
                                        new RamState.RootAccessKey(
                                                "LTAI5tOldKeyId000000wxyz", "Inactive", Optional.empty()))))
                                .build()))
                        .build());
        assertEquals("ram:account/1234567890123456/accesskey/LTAI…abcd", f.resource());
        assertEquals("account 1234567890123456 has an active AccessKey LTAI…abcd (last used 2026-11-02)", f.message());
        assertEquals("INFO", f.severity().name());
    }

    @Test
    void rootAccessKey_noKeys_passes() {
        passes(new RootAccessKeyCheck(), account().build());
    }

    private static AuditSnapshot cdn(CdnDomainState domain, String originAcl) {
        return account(bucket("media").acl(Observed.found(originAcl)).build())
                .cdnDomains(Observed.found(List.of(domain)))
                .build();
    }

    @Test
    void cdnPublicOrigin_publicBucketWithoutPrivateAuth_findingWithFix() {
        CdnDomainState domain =
                new CdnDomainState("img.example.com", new Cdn.Origin.OssBucket("media"), false, false, false);
        Finding f = onlyFinding(new CdnPublicOriginCheck(), cdn(domain, "public-read"));
        assertEquals("cdn:domain/img.example.com", f.resource());
        assertEquals(
                "CDN domain img.example.com fetches from bucket media, which is public (ACL public-read), without "
                        + "private origin authentication",
                f.message());
        assertEquals(
                new Evidence(
                        "cdn.domains[\"img.example.com\"].privateOssAuth",
                        "false",
                        "true, with origin bucket media private"),
                f.evidence());
        assertEquals(
                List.of(new ProfileChange.SetValue(
                        List.of("cdn", "domains", "img.example.com", "privateOssAuth"), true)),
                f.changes());
    }

    @Test
    void cdnPublicOrigin_privateAuthOn_passes() {
        passes(
                new CdnPublicOriginCheck(),
                cdn(
                        new CdnDomainState("img.example.com", new Cdn.Origin.OssBucket("media"), true, true, false),
                        "public-read"));
    }

    @Test
    void cdnPublicOrigin_originBucketNotAudited_unknown() {
        CdnDomainState domain =
                new CdnDomainState("img.example.com", new Cdn.Origin.OssBucket("other"), false, false, false);
        Unknown u = onlyUnknown(new CdnPublicOriginCheck(), cdn(domain, "private"));
        assertEquals("origin bucket other was not audited", u.reason());
    }

    @Test
    void cdnAccessControl_privateOriginWithoutUrlAuthOrReferer_lowFinding() {
        Finding f = onlyFinding(
                new CdnAccessControlCheck(),
                cdn(
                        new CdnDomainState("img.example.com", new Cdn.Origin.OssBucket("media"), true, false, false),
                        "private"));
        assertEquals("CDN-PRIVATE-ORIGIN-NO-ACCESS-CONTROL", f.rule().id());
        assertEquals(
                "CDN domain img.example.com serves a private origin to anyone: no URL authentication, no referer "
                        + "rules",
                f.message());
    }

    @Test
    void cdnAccessControl_refererRules_passes() {
        passes(
                new CdnAccessControlCheck(),
                cdn(
                        new CdnDomainState("img.example.com", new Cdn.Origin.OssBucket("media"), true, false, true),
                        "private"));
    }

    private static UploaderSpec uploader(Long expires) {
        return new UploaderSpec(
                "media",
                Optional.empty(),
                Optional.empty(),
                Optional.ofNullable(expires),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void presignExpiry_oneDay_lowFindingWithFix() {
        Finding f = onlyFinding(
                new PresignExpiryCheck(), account().uploader(uploader(86400L)).build());
        assertEquals("the uploader's presigned URLs are valid for 86400 seconds", f.message());
        assertEquals(new Evidence("uploader.urlExpiresSeconds", "86400", "<= 3600"), f.evidence());
        assertEquals(List.of(new ProfileChange.SetValue(List.of("uploader", "urlExpiresSeconds"), 3600L)), f.changes());
    }

    @Test
    void presignExpiry_oneHour_passes() {
        passes(new PresignExpiryCheck(), account().uploader(uploader(3600L)).build());
        passes(new PresignExpiryCheck(), account().uploader(uploader(null)).build());
    }
}
