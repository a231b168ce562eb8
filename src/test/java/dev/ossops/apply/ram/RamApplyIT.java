package dev.ossops.apply.ram;

import com.aliyuncs.ram.model.v20150501.AttachPolicyToUserRequest;
import com.aliyuncs.ram.model.v20150501.CreatePolicyVersionRequest;
import com.aliyuncs.ram.model.v20150501.DetachPolicyFromRoleRequest;
import com.aliyuncs.ram.model.v20150501.GetPolicyRequest;
import com.aliyuncs.ram.model.v20150501.UpdatePolicyDescriptionRequest;
import com.aliyuncs.ram.model.v20150501.UpdateRoleRequest;
import com.aliyuncs.ram.model.v20150501.UpdateUserRequest;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ossops.apply.ApplyReport;
import dev.ossops.apply.ApplyRunner;
import dev.ossops.apply.Step;
import dev.ossops.apply.StepOutcome;
import dev.ossops.cloud.CloudException;
import dev.ossops.cloud.ram.RamGateway;
import dev.ossops.cloud.ram.RamModel;
import dev.ossops.plan.Address;
import dev.ossops.plan.Change;
import dev.ossops.plan.FieldDiff;
import dev.ossops.plan.Live;
import dev.ossops.plan.Observed;
import dev.ossops.plan.Plan;
import dev.ossops.plan.Policies;
import dev.ossops.plan.TextRenderer;
import dev.ossops.spec.model.Profile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.ossops.plan.Address.Kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RAM policies, roles, users and attachments: applied, read back, drifted through the SDK, detected and reverted. */
class RamApplyIT {
    private static final String APP_DOC = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"oss:GetObject\",\"oss:PutObject\"],\"Resource\":[\"acs:oss:*:*:media-bucket/*\"]}]}";
    private static final String UPLOADER_DOC = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"oss:PutObject\"],\"Resource\":[\"acs:oss:*:*:media-bucket/uploads/*\"]}]}";
    private static final String OTHER_DOC = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"oss:*\"],\"Resource\":[\"*\"]}]}";
    private static final String TRUST =
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                    + "\"Principal\":{\"Service\":[\"ecs.aliyuncs.com\"]}}]}";
    private static final String PROFILE = """
            ram:
              policies:
                AppRW: { document: app.json, description: app read-write }
                UploaderMinimal: { generate: uploader }
              roles:
                app-role:
                  trust: trust.json
                  maxSessionDuration: 7200
                  description: the app's role
                  policies: [AppRW, AliyunOSSReadOnlyAccess]
              users:
                app-user:
                  displayName: App User
                  policies: [UploaderMinimal]
            uploader:
              bucket: media-bucket
            """;

    @TempDir
    Path dir;

    private RpcHarness rpc;
    private Profile profile;

    @BeforeEach
    void start() throws IOException {
        rpc = new RpcHarness(dir, Map.of("UploaderMinimal", UPLOADER_DOC));
        profile = rpc.profile(PROFILE, Map.of("app.json", APP_DOC, "trust.json", TRUST));
    }

    @AfterEach
    void stop() {
        rpc.close();
    }

    @Test
    void apply_emptyAccount_createsEverythingAndPlansNoOp() {
        assertEquals(
                List.of(
                        "CreatePolicy AppRW",
                        "CreatePolicy UploaderMinimal",
                        "CreateRole app-role",
                        "CreateUser app-user",
                        "AttachPolicyToRole app-role AppRW",
                        "AttachPolicyToRole app-role AliyunOSSReadOnlyAccess",
                        "AttachPolicyToUser app-user UploaderMinimal"),
                rpc.apply(profile));

        Plan plan = rpc.plan(profile);
        assertEquals(List.of(), RpcHarness.acting(plan));
        assertTrue(plan.complete());
        assertEquals(
                List.of(
                        "ram.policy.AppRW",
                        "ram.policy.UploaderMinimal",
                        "ram.role.app-role",
                        "ram.user.app-user",
                        "ram.attachment.role.app-role.AppRW",
                        "ram.attachment.role.app-role.AliyunOSSReadOnlyAccess",
                        "ram.attachment.user.app-user.UploaderMinimal"),
                plan.changes().stream().map(c -> c.address().toString()).toList());
        assertEquals(List.of(), rpc.apply(profile));
    }

    @Test
    void run_sameStepsTwice_secondRunChangesNothing() {
        List<Step> steps = rpc.steps(profile);
        steps.forEach(Step::run);
        steps.forEach(Step::run);

        assertEquals(
                List.of("v1"),
                rpc.ram().policyVersions("AppRW").orElseThrow().stream()
                        .map(RamModel.PolicyVersion::versionId)
                        .toList());
        assertEquals(
                2,
                rpc.ram()
                        .attachedPolicies(RamGateway.Principal.ROLE, "app-role")
                        .orElseThrow()
                        .size());
        assertEquals(List.of(), RpcHarness.acting(rpc.plan(profile)));
    }

    @Test
    void read_afterApply_returnsTheDocumentedLiveValues() {
        rpc.apply(profile);
        RamLiveSource source = new RamLiveSource(rpc.ram());
        assertEquals(
                Observed.found(new Live.RamPolicy(APP_DOC, "v1", List.of("v1"), Optional.of("app read-write"))),
                source.read(Address.of(Kind.RAM_POLICY, "AppRW")));
        assertEquals(
                Observed.found(new Live.RamRole(sentTrust(), Optional.of(7200L), Optional.of("the app's role"))),
                source.read(Address.of(Kind.RAM_ROLE, "app-role")));
        assertEquals(
                Observed.found(new Live.RamUser(Optional.of("App User"))),
                source.read(Address.of(Kind.RAM_USER, "app-user")));
        assertEquals(
                Observed.found(new Live.Attachments(Set.of(
                        new Live.Attachment("AppRW", Live.PolicyType.CUSTOM),
                        new Live.Attachment("AliyunOSSReadOnlyAccess", Live.PolicyType.SYSTEM)))),
                source.read(Address.of(Kind.ROLE_ATTACHMENTS, "app-role")));
    }

    @Test
    void read_nothingCreated_everyAddressAbsent() {
        RamLiveSource source = new RamLiveSource(rpc.ram());
        for (Address a : List.of(
                Address.of(Kind.RAM_POLICY, "AppRW"),
                Address.of(Kind.RAM_ROLE, "app-role"),
                Address.of(Kind.RAM_USER, "app-user"),
                Address.of(Kind.ROLE_ATTACHMENTS, "app-role"),
                Address.of(Kind.USER_ATTACHMENTS, "app-user"))) {
            assertEquals(Observed.absent(), source.read(a), a.toString());
        }
    }

    @Test
    void plan_policyDocumentEditedOutOfBand_updateThenNewDefaultVersion() throws Exception {
        rpc.apply(profile);
        CreatePolicyVersionRequest edit = new CreatePolicyVersionRequest();
        edit.setPolicyName("AppRW");
        edit.setPolicyDocument(OTHER_DOC);
        edit.setSetAsDefault(true);
        rpc.fixture().call(edit);

        Plan drifted = rpc.plan(profile);
        assertEquals(List.of("update ram.policy.AppRW"), RpcHarness.acting(drifted));
        assertEquals(
                List.of("a new default version replaces v2"),
                change(drifted, "ram.policy.AppRW").reasons());
        assertEquals(List.of("CreatePolicyVersion AppRW"), rpc.apply(profile));

        RamModel.Policy live = rpc.ram().policy("AppRW", RamGateway.CUSTOM).orElseThrow();
        assertEquals("v3", live.defaultVersionId());
        assertEquals(APP_DOC, live.defaultDocument());
        assertEquals(List.of(), RpcHarness.acting(rpc.plan(profile)));
    }

    @Test
    void plan_policyDescriptionEditedOutOfBand_updateThenDescriptionRestored() throws Exception {
        rpc.apply(profile);
        rpc.fixture().call(describe("AppRW", "edited in the console"));

        Plan drifted = rpc.plan(profile);
        assertEquals(List.of("update ram.policy.AppRW"), RpcHarness.acting(drifted));
        Change change = change(drifted, "ram.policy.AppRW");
        assertEquals(
                List.of(new FieldDiff(
                        "description", TextNode.valueOf("edited in the console"), TextNode.valueOf("app read-write"))),
                change.fields());
        assertEquals(List.of(), change.reasons());
        assertEquals(
                "~ ram.policy.AppRW\n    description: \"edited in the console\" -> \"app read-write\"\n\n"
                        + "Plan: 0 to add, 1 to change, 0 to destroy, 0 to replace.\n",
                new TextRenderer(false, false).render(drifted));
        assertEquals(List.of("UpdatePolicyDescription AppRW"), rpc.apply(profile));

        RamModel.Policy live = rpc.ram().policy("AppRW", RamGateway.CUSTOM).orElseThrow();
        assertEquals(Optional.of("app read-write"), live.description());
        assertEquals(
                List.of("v1"),
                rpc.ram().policyVersions("AppRW").orElseThrow().stream()
                        .map(RamModel.PolicyVersion::versionId)
                        .toList());
        assertEquals("No changes. Live state matches the profile.", TextRenderer.summary(rpc.plan(profile)));
    }

    @Test
    void apply_policyDocumentAndDescriptionEdited_runnerSendsVersionThenDescription() throws Exception {
        rpc.apply(profile);
        CreatePolicyVersionRequest edit = new CreatePolicyVersionRequest();
        edit.setPolicyName("AppRW");
        edit.setPolicyDocument(OTHER_DOC);
        edit.setSetAsDefault(true);
        rpc.fixture().call(edit);
        rpc.fixture().call(describe("AppRW", "everything on OSS"));
        Plan drifted = rpc.plan(profile);
        assertEquals(List.of("update ram.policy.AppRW"), RpcHarness.acting(drifted));

        ApplyReport report = new ApplyRunner(rpc.factories(), 2).run(drifted, profile, o -> {});

        assertEquals(
                List.of(new StepOutcome(
                        Address.of(Kind.RAM_POLICY, "AppRW"),
                        "CreatePolicyVersion AppRW, then UpdatePolicyDescription AppRW",
                        StepOutcome.Status.APPLIED,
                        "")),
                report.outcomes());
        RamModel.Policy live = rpc.ram().policy("AppRW", RamGateway.CUSTOM).orElseThrow();
        assertEquals(new RamModel.Policy("AppRW", "Custom", "v3", APP_DOC, Optional.of("app read-write")), live);
        assertEquals(List.of(), RpcHarness.acting(rpc.plan(profile)));
    }

    @Test
    void runDescriptionStep_liveAlreadyMatches_sendsNothing() throws Exception {
        rpc.apply(profile);
        GetPolicyRequest get = new GetPolicyRequest();
        get.setPolicyType("Custom");
        get.setPolicyName("AppRW");
        String updated = rpc.fixture().call(get).getPolicy().getUpdateDate();
        rpc.fixture().clock().advance(Duration.ofMinutes(2)); // within the signature timestamp window
        UpdatePolicyDescriptionStep step = new UpdatePolicyDescriptionStep(
                Address.of(Kind.RAM_POLICY, "AppRW"), List.of(), rpc.ram(), "AppRW", "app read-write");

        step.run();

        assertEquals(updated, rpc.fixture().call(get).getPolicy().getUpdateDate());
    }

    @Test
    void runDescriptionStep_policyGone_failsNamingTheCall() {
        UpdatePolicyDescriptionStep step = new UpdatePolicyDescriptionStep(
                Address.of(Kind.RAM_POLICY, "AppRW"), List.of(), rpc.ram(), "AppRW", "app read-write");

        CloudException e = assertThrows(CloudException.class, step::run);

        assertEquals("UpdatePolicyDescription AppRW failed: the policy does not exist", e.getMessage());
        assertEquals(Optional.of("EntityNotExist.Policy"), e.code());
    }

    @Test
    void plan_roleDescriptionEditedOutOfBand_updateRoleRestoresIt() throws Exception {
        rpc.apply(profile);
        UpdateRoleRequest role = new UpdateRoleRequest();
        role.setRoleName("app-role");
        role.setNewDescription("someone else's role");
        rpc.fixture().call(role);

        Plan drifted = rpc.plan(profile);
        assertEquals(List.of("update ram.role.app-role"), RpcHarness.acting(drifted));
        assertEquals(
                List.of(new FieldDiff(
                        "description", TextNode.valueOf("someone else's role"), TextNode.valueOf("the app's role"))),
                change(drifted, "ram.role.app-role").fields());
        assertEquals(List.of("UpdateRole app-role"), rpc.apply(profile));
        assertEquals(
                Optional.of("the app's role"),
                rpc.ram().role("app-role").orElseThrow().description());
        assertEquals(List.of(), RpcHarness.acting(rpc.plan(profile)));
    }

    private static UpdatePolicyDescriptionRequest describe(String policy, String description) {
        UpdatePolicyDescriptionRequest request = new UpdatePolicyDescriptionRequest();
        request.setPolicyName(policy);
        request.setNewDescription(description);
        return request;
    }

    @Test
    void apply_fiveVersionsLive_deletesOldestNonDefaultFirst() throws Exception {
        rpc.apply(profile);
        for (int i = 2; i <= 5; i++) {
            CreatePolicyVersionRequest version = new CreatePolicyVersionRequest();
            version.setPolicyName("AppRW");
            version.setPolicyDocument(OTHER_DOC.replace("oss:*", "oss:Get" + i + "*"));
            version.setSetAsDefault(true);
            rpc.fixture().call(version);
        }
        Plan drifted = rpc.plan(profile);
        assertEquals(
                List.of("a new default version replaces v5; RAM keeps at most 5 versions, so the oldest non-default "
                        + "version v1 is deleted first"),
                change(drifted, "ram.policy.AppRW").reasons());

        assertEquals(List.of("CreatePolicyVersion AppRW"), rpc.apply(profile));

        assertEquals(
                List.of("v2", "v3", "v4", "v5", "v6"),
                rpc.ram().policyVersions("AppRW").orElseThrow().stream()
                        .map(RamModel.PolicyVersion::versionId)
                        .toList());
        assertEquals(
                "v6", rpc.ram().policy("AppRW", RamGateway.CUSTOM).orElseThrow().defaultVersionId());
        assertEquals(List.of(), RpcHarness.acting(rpc.plan(profile)));
    }

    @Test
    void plan_attachmentRemovedOutOfBand_createThenReattached() throws Exception {
        rpc.apply(profile);
        DetachPolicyFromRoleRequest detach = new DetachPolicyFromRoleRequest();
        detach.setRoleName("app-role");
        detach.setPolicyName("AliyunOSSReadOnlyAccess");
        detach.setPolicyType("System");
        rpc.fixture().call(detach);

        assertEquals(
                List.of("create ram.attachment.role.app-role.AliyunOSSReadOnlyAccess"),
                RpcHarness.acting(rpc.plan(profile)));
        assertEquals(List.of("AttachPolicyToRole app-role AliyunOSSReadOnlyAccess"), rpc.apply(profile));
        assertEquals(List.of(), RpcHarness.acting(rpc.plan(profile)));
    }

    @Test
    void plan_unlistedAttachmentAddedOutOfBand_deleteThenDetached() throws Exception {
        rpc.apply(profile);
        AttachPolicyToUserRequest attach = new AttachPolicyToUserRequest();
        attach.setUserName("app-user");
        attach.setPolicyName("AliyunOSSFullAccess");
        attach.setPolicyType("System");
        rpc.fixture().call(attach);

        Plan drifted = rpc.plan(profile);
        assertEquals(List.of("delete ram.attachment.user.app-user.AliyunOSSFullAccess"), RpcHarness.acting(drifted));
        assertEquals(
                List.of("attached live but not listed in the profile"),
                change(drifted, "ram.attachment.user.app-user.AliyunOSSFullAccess")
                        .reasons());
        assertEquals(List.of("DetachPolicyFromUser app-user AliyunOSSFullAccess"), rpc.apply(profile));
        assertEquals(
                List.of(new RamModel.AttachedPolicy("UploaderMinimal", "Custom")),
                rpc.ram()
                        .attachedPolicies(RamGateway.Principal.USER, "app-user")
                        .orElseThrow());
    }

    @Test
    void plan_roleAndUserEditedOutOfBand_updatesRevertThem() throws Exception {
        rpc.apply(profile);
        UpdateRoleRequest role = new UpdateRoleRequest();
        role.setRoleName("app-role");
        role.setNewMaxSessionDuration(3600L);
        role.setNewAssumeRolePolicyDocument(TRUST.replace("ecs.aliyuncs.com", "fc.aliyuncs.com"));
        rpc.fixture().call(role);
        UpdateUserRequest user = new UpdateUserRequest();
        user.setUserName("app-user");
        user.setNewDisplayName("Someone Else");
        rpc.fixture().call(user);

        Plan drifted = rpc.plan(profile);
        assertEquals(List.of("update ram.role.app-role", "update ram.user.app-user"), RpcHarness.acting(drifted));
        assertEquals(List.of("UpdateRole app-role", "UpdateUser app-user"), rpc.apply(profile));

        RamModel.Role live = rpc.ram().role("app-role").orElseThrow();
        assertEquals(sentTrust(), live.trustDocument());
        assertEquals(Optional.of(7200L), live.maxSessionDuration());
        assertEquals(List.of(), RpcHarness.acting(rpc.plan(profile)));
    }

    @Test
    void attach_roleNotVisibleYet_retriedUntilItAppears() {
        rpc.ram().createPolicy("AppRW", APP_DOC, Optional.empty());
        rpc.onVisibilityWait(
                () -> rpc.ram().createRole(new RamModel.NewRole("late-role", TRUST, 3600, Optional.empty())));
        AttachStep step = new AttachStep(
                Address.of(Kind.ROLE_ATTACHMENT, "late-role", "AppRW"),
                List.of(),
                rpc.ram(),
                RamGateway.Principal.ROLE,
                "late-role",
                "AppRW",
                RamGateway.CUSTOM,
                rpc.ramSteps().visibility());

        step.run();

        assertEquals(1, rpc.visibilityWaits().size());
        assertEquals(
                List.of(new RamModel.AttachedPolicy("AppRW", "Custom")),
                rpc.ram()
                        .attachedPolicies(RamGateway.Principal.ROLE, "late-role")
                        .orElseThrow());
    }

    @Test
    void attach_roleNeverAppears_failsAfterBoundedAttempts() {
        rpc.ram().createPolicy("AppRW", APP_DOC, Optional.empty());
        AttachStep step = new AttachStep(
                Address.of(Kind.ROLE_ATTACHMENT, "ghost-role", "AppRW"),
                List.of(),
                rpc.ram(),
                RamGateway.Principal.ROLE,
                "ghost-role",
                "AppRW",
                RamGateway.CUSTOM,
                rpc.ramSteps().visibility());

        CloudException e = assertThrows(CloudException.class, step::run);

        assertEquals(7, rpc.visibilityWaits().size());
        assertEquals(Optional.of("EntityNotExist.Role"), e.code());
        assertEquals(
                "AttachPolicyToRole ghost-role AppRW failed: EntityNotExist.Role: The role does not exist.",
                e.getMessage());
    }

    @Test
    void createRole_roleExistsAlready_updatesItInstead() {
        rpc.ram().createRole(new RamModel.NewRole("app-role", TRUST, 3600, Optional.empty()));
        rpc.ram().createPolicy("AppRW", APP_DOC, Optional.of("app read-write"));
        Change create = change(rpc.plan(profile), "ram.role.app-role");
        assertEquals("update", create.action().json());
        rpc.apply(profile);
        assertEquals(
                Optional.of(7200L), rpc.ram().role("app-role").orElseThrow().maxSessionDuration());
    }

    /** What apply sends: the profile's trust policy in RAM's shape, as plan.Policies writes it. */
    private String sentTrust() {
        return Policies.json(profile.ram().roles().get("app-role").trust());
    }

    private static Change change(Plan plan, String address) {
        return plan.changes().stream()
                .filter(c -> c.address().toString().equals(address))
                .findFirst()
                .orElseThrow();
    }
}
