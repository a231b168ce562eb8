package dev.ossops.plan;

import dev.ossops.spec.model.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.ossops.plan.Address.Kind;
import static dev.ossops.plan.Plans.acting;
import static dev.ossops.plan.Plans.change;
import static dev.ossops.plan.Plans.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RAM policies, roles, users and attachments. */
class PlannerRamTest {
    private static final String DOC = """
            {"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject", "oss:PutObject"],
              "Resource": ["acs:oss:*:*:media/*"]}]}
            """;
    private static final String TRUST =
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                    + "\"Principal\":{\"Service\":[\"ecs.aliyuncs.com\"]}}]}";
    private static final String PROFILE = """
            ram:
              policies:
                AppRW: { document: app.json }
              roles:
                app-role:
                  trust: trust.json
                  policies: [AppRW, AliyunOSSReadOnlyAccess]
              users:
                app.user:
                  policies: [AppRW]
            """;

    @TempDir
    Path dir;

    private final Planner planner = new Planner();

    private Profile profile() {
        return Profiles.load(dir, PROFILE, Map.of("app.json", DOC, "trust.json", TRUST));
    }

    private static Address policy() {
        return Address.of(Kind.RAM_POLICY, "AppRW");
    }

    private static LiveState.Builder nothingLive() {
        return LiveState.builder()
                .absent(policy())
                .absent(Address.of(Kind.RAM_ROLE, "app-role"))
                .absent(Address.of(Kind.RAM_USER, "app.user"));
    }

    private static LiveState.Builder allLive(
            String document, List<String> versions, Set<Live.Attachment> roleAttached) {
        return LiveState.builder()
                .found(
                        policy(),
                        new Live.RamPolicy(document, versions.get(versions.size() - 1), versions, Optional.empty()))
                .found(
                        Address.of(Kind.RAM_ROLE, "app-role"),
                        new Live.RamRole(TRUST, Optional.empty(), Optional.of("made in console")))
                .found(Address.of(Kind.ROLE_ATTACHMENTS, "app-role"), new Live.Attachments(roleAttached))
                .found(Address.of(Kind.RAM_USER, "app.user"), new Live.RamUser(Optional.of("App")))
                .found(
                        Address.of(Kind.USER_ATTACHMENTS, "app.user"),
                        new Live.Attachments(Set.of(new Live.Attachment("AppRW", Live.PolicyType.CUSTOM))));
    }

    private static final Set<Live.Attachment> BOTH = Set.of(
            new Live.Attachment("AppRW", Live.PolicyType.CUSTOM),
            new Live.Attachment("AliyunOSSReadOnlyAccess", Live.PolicyType.SYSTEM));

    @Test
    void plan_nothingLive_policyBeforeRoleAndUserBeforeAttachments() {
        Plan plan = planner.plan(profile(), nothingLive().build(), PlanOptions.defaults());
        assertEquals(
                List.of(
                        "ram.policy.AppRW",
                        "ram.role.app-role",
                        "ram.user.app.user",
                        "ram.attachment.role.app-role.AppRW",
                        "ram.attachment.role.app-role.AliyunOSSReadOnlyAccess",
                        "ram.attachment.user.app.user.AppRW"),
                acting(plan));
        assertEquals(
                List.of(Address.of(Kind.RAM_ROLE, "app-role"), policy()),
                change(plan, "ram.attachment.role.app-role.AppRW").dependsOn());
        assertEquals(
                List.of(Address.of(Kind.RAM_ROLE, "app-role")),
                change(plan, "ram.attachment.role.app-role.AliyunOSSReadOnlyAccess")
                        .dependsOn());
        assertEquals(
                "{\"policyName\":\"AliyunOSSReadOnlyAccess\",\"policyType\":\"System\"}",
                change(plan, "ram.attachment.role.app-role.AliyunOSSReadOnlyAccess")
                        .after()
                        .toString());
        assertEquals(
                "{\"maxSessionDuration\":3600,\"trust\":{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":[\"ecs.aliyuncs.com\"]},\"Action\":[\"sts:assumerole\"]}]}}",
                change(plan, "ram.role.app-role").after().toString());
    }

    @Test
    void plan_everythingMatchesByMeaning_noopWithNormalisations() {
        String reordered = "{\"Statement\":{\"Resource\":\"acs:oss:*:*:media/*\",\"Effect\":\"Allow\","
                + "\"Action\":[\"oss:PutObject\",\"oss:GetObject\",\"oss:GetObject\"]},\"Version\":\"1\"}";
        Plan plan =
                planner.plan(profile(), allLive(reordered, List.of("v1"), BOTH).build(), PlanOptions.defaults());
        assertEquals(List.of(), acting(plan));
        assertTrue(plan.normalizations()
                .containsAll(Set.of(
                        Normalization.POLICY_MEANING,
                        Normalization.ROLE_MAX_SESSION_DEFAULT,
                        Normalization.RAM_DESCRIPTION_UNMANAGED)));
    }

    @Test
    void plan_policyDocumentChangedWithFiveVersions_updateDeletesOldestNonDefault() {
        String other =
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\"}]}";
        Plan plan = planner.plan(
                profile(),
                allLive(other, List.of("v1", "v2", "v3", "v4", "v5"), BOTH).build(),
                PlanOptions.defaults());
        Change c = change(plan, "ram.policy.AppRW");
        assertEquals(Action.UPDATE, c.action());
        assertEquals(
                List.of(
                        "a new default version replaces v5; RAM keeps at most 5 versions, so the oldest non-default version v1 "
                                + "is deleted first"),
                c.reasons());
        assertEquals(
                List.of("document.Statement"),
                c.fields().stream().map(FieldDiff::path).toList());
    }

    @Test
    void plan_policyDocumentChangedWithRoom_updateSaysWhichVersionIsReplaced() {
        String other =
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\"}]}";
        Plan plan = planner.plan(
                profile(), allLive(other, List.of("v1", "v2"), BOTH).build(), PlanOptions.defaults());
        assertEquals(
                List.of("a new default version replaces v2"),
                change(plan, "ram.policy.AppRW").reasons());
    }

    @Test
    void plan_attachedLiveButNotListed_detached() {
        Set<Live.Attachment> extra = Set.of(
                new Live.Attachment("AppRW", Live.PolicyType.CUSTOM),
                new Live.Attachment("AliyunOSSReadOnlyAccess", Live.PolicyType.SYSTEM),
                new Live.Attachment("AdministratorAccess", Live.PolicyType.SYSTEM));
        Plan plan = planner.plan(profile(), allLive(DOC, List.of("v1"), extra).build(), PlanOptions.defaults());
        Change c = change(plan, "ram.attachment.role.app-role.AdministratorAccess");
        assertEquals(Action.DELETE, c.action());
        assertEquals(List.of("attached live but not listed in the profile"), c.reasons());
        assertEquals(List.of("ram.attachment.role.app-role.AdministratorAccess"), acting(plan));
    }

    @Test
    void plan_roleMaxSessionAndDescriptionDiffer_update() {
        Profile p = Profiles.load(dir, """
                ram:
                  roles:
                    app-role: { trust: trust.json, maxSessionDuration: 7200, description: App role }
                """, Map.of("trust.json", TRUST));
        LiveState live = LiveState.builder()
                .found(
                        Address.of(Kind.RAM_ROLE, "app-role"),
                        new Live.RamRole(TRUST, Optional.of(3600L), Optional.of("old")))
                .found(Address.of(Kind.ROLE_ATTACHMENTS, "app-role"), new Live.Attachments(Set.of()))
                .build();
        Change c = change(planner.plan(p, live, PlanOptions.defaults()), "ram.role.app-role");
        assertEquals(
                List.of(
                        new FieldDiff("description", JsonValues.of("old"), JsonValues.of("App role")),
                        new FieldDiff("maxSessionDuration", JsonValues.of(3600L), JsonValues.of(7200L))),
                c.fields());
    }

    @Test
    void plan_userDisplayNameDiffers_update() {
        Profile p = Profiles.load(dir, "ram:\n  users:\n    app.user: { displayName: Application }\n");
        LiveState live = LiveState.builder()
                .found(Address.of(Kind.RAM_USER, "app.user"), new Live.RamUser(Optional.of("App")))
                .found(Address.of(Kind.USER_ATTACHMENTS, "app.user"), new Live.Attachments(Set.of()))
                .build();
        Change c = change(planner.plan(p, live, PlanOptions.defaults()), "ram.user.app.user");
        assertEquals(Action.UPDATE, c.action());
        assertEquals("{\"displayName\":\"App\"} -> {\"displayName\":\"Application\"}", c.before() + " -> " + c.after());
    }

    @Test
    void plan_generatedPolicyWithoutDocument_errorAndWithDocument_planned() {
        Profile p = Profiles.load(dir, """
                ram:
                  policies:
                    Up: { generate: uploader }
                uploader: { bucket: media-bucket }
                buckets:
                  media-bucket: {}
                """);
        LiveState live = LiveState.builder()
                .found(Address.of(Kind.BUCKET, "media-bucket"), new Live.Bucket("cn-beijing", "Standard", "LRS"))
                .absent(Address.of(Kind.RAM_POLICY, "Up"))
                .build();
        assertEquals(
                List.of("ram.policy.Up: the document generated from the uploader section was not given to the planner"),
                errors(planner.plan(p, live, PlanOptions.defaults())));
        Plan plan = planner.plan(p, live, new PlanOptions(Map.of("Up", DOC), false));
        assertEquals(Action.CREATE, change(plan, "ram.policy.Up").action());
        assertTrue(plan.applyable());
    }

    @Test
    void plan_roleUnreadable_attachmentsNotPlanned() {
        LiveState live = nothingLive().build();
        LiveState.Builder b = LiveState.builder()
                .absent(policy())
                .unreadable(Address.of(Kind.RAM_ROLE, "app-role"), "GetRole failed: Throttling")
                .absent(Address.of(Kind.RAM_USER, "app.user"));
        Plan plan = planner.plan(profile(), b.build(), PlanOptions.defaults());
        assertFalse(plan.complete());
        assertFalse(Plans.has(plan, "ram.attachment.role.app-role.AppRW"));
        assertTrue(Plans.has(plan, "ram.attachment.user.app.user.AppRW"));
        assertEquals(6, planner.plan(profile(), live, PlanOptions.defaults()).count(Action.CREATE));
    }

    @Test
    void plan_liveTrustNotAPolicy_error() {
        LiveState.Builder live = allLive(DOC, List.of("v1"), BOTH);
        LiveState state = LiveState.builder()
                .found(policy(), new Live.RamPolicy(DOC, "v1", List.of("v1"), Optional.empty()))
                .found(
                        Address.of(Kind.RAM_ROLE, "app-role"),
                        new Live.RamRole("not json", Optional.empty(), Optional.empty()))
                .found(Address.of(Kind.ROLE_ATTACHMENTS, "app-role"), new Live.Attachments(BOTH))
                .absent(Address.of(Kind.RAM_USER, "app.user"))
                .build();
        List<String> errors = errors(planner.plan(profile(), state, PlanOptions.defaults()));
        assertEquals(1, errors.size());
        assertTrue(
                errors.get(0)
                        .startsWith(
                                "ram.role.app-role: the live trust policy cannot be read as a policy (not valid JSON"),
                errors.get(0));
        assertTrue(live.build().get(policy()).isPresent());
    }
}
