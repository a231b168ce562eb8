package dev.ossops.plan;

import dev.ossops.policy.access.AccessVerdict;
import dev.ossops.spec.model.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ossops.plan.Address.Kind;
import static dev.ossops.plan.Plans.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Access assertions checked at plan time against the state the profile describes. */
class PlannerAccessTest {
    private static final String ACCOUNT = "1680000000000001";
    private static final PlanOptions KNOWN_ACCOUNT =
            PlanOptions.defaults().withAccount(Optional.of(ACCOUNT), Optional.of(false));
    private static final String BUCKET = """
            buckets:
              media:
                acl: private
                blockPublicAccess: false
                policy:
                  Version: "1"
                  Statement:
                    - Effect: Allow
                      Principal: ["*"]
                      Action: [oss:GetObject]
                      Resource: ["acs:oss:*:*:media/site/*", "acs:oss:*:*:media/invoices/2024/*"]
            """;
    private static final String INVOICES_PRIVATE = """
            access:
              invoices-private:
                principal: { anonymous: true }
                actions: [oss:GetObject]
                resource: media/invoices/*
                expect: denied
            """;

    @TempDir
    Path dir;

    private final Planner planner = new Planner();

    /** Nothing live yet: a complete plan that creates everything. */
    private static LiveState nothingLive() {
        return LiveState.builder().absent(Address.of(Kind.BUCKET, "media")).build();
    }

    private Plan plan(String body, PlanOptions options) {
        Profile p = Profiles.load(dir, body);
        return planner.plan(p, nothingLive(), options);
    }

    @Test
    void plan_publicStatementBreaksAssertion_failsNamingTheStatementAndIsNotApplyable() {
        Plan plan = plan(BUCKET + INVOICES_PRIVATE, KNOWN_ACCOUNT);
        Plan.AssertionResult r = plan.assertions().get(0);
        assertEquals(AccessVerdict.Status.FAILS, r.verdict().status());
        assertEquals(
                "anonymous caller may oss:GetObject on media/invoices/2024/x: allowed by bucket policy \"media\" "
                        + "Statement[0]",
                r.verdict().message());
        assertEquals(
                "bucket policy \"media\" Statement[0]",
                r.verdict().decidingStatement().orElseThrow().describe());
        assertTrue(plan.complete());
        assertFalse(plan.hasErrors());
        assertFalse(plan.applyable());
        String text = new TextRenderer(false, false).render(plan);
        assertTrue(
                text.contains("Access assertions:\n  fails invoices-private: anonymous caller may oss:GetObject on "
                        + "media/invoices/2024/x: allowed by bucket policy \"media\" Statement[0]\n"),
                text);
        assertTrue(text.contains("1 access assertion fails; apply refuses this plan: change the profile.\n"), text);
    }

    @Test
    void plan_blockPublicAccessOn_assertionHoldsAndPlanIsApplyable() {
        Plan plan = plan(
                BUCKET.replace("blockPublicAccess: false", "blockPublicAccess: true") + INVOICES_PRIVATE,
                KNOWN_ACCOUNT);
        AccessVerdict v = plan.assertions().get(0).verdict();
        assertEquals(AccessVerdict.Status.HOLDS, v.status(), v.message());
        assertTrue(plan.applyable());
    }

    @Test
    void plan_accountBlockPublicAccessUnreadable_unknownWithTheReasonAndStillApplyable() {
        Plan plan = plan(
                BUCKET + INVOICES_PRIVATE, PlanOptions.defaults().withAccount(Optional.of(ACCOUNT), Optional.empty()));
        AccessVerdict v = plan.assertions().get(0).verdict();
        assertEquals(AccessVerdict.Status.UNKNOWN, v.status());
        assertEquals(
                "unknown whether anonymous caller may oss:GetObject on media/invoices/x: it depends on account-level Block "
                        + "Public Access is not managed by ossops and could not be read; object ACLs are not managed by ossops (an object "
                        + "may carry its own public ACL)",
                v.message());
        assertTrue(plan.applyable());
    }

    @Test
    void plan_unmanagedBucketPolicy_unknownNeverHolds() {
        Plan plan = plan(
                "buckets:\n  media:\n    acl: private\n    blockPublicAccess: false\n" + INVOICES_PRIVATE,
                KNOWN_ACCOUNT);
        AccessVerdict v = plan.assertions().get(0).verdict();
        assertEquals(AccessVerdict.Status.UNKNOWN, v.status());
        assertTrue(v.message().contains("the policy of bucket media is not managed by this profile"), v.message());
    }

    @Test
    void plan_roleWithProfilePolicy_failsOnTheStatementThatGrantsDelete() {
        String body = BUCKET + """
                ram:
                  policies:
                    MediaRW:
                      document:
                        Version: "1"
                        Statement:
                          - Effect: Allow
                            Action: [oss:PutObject, oss:DeleteObject]
                            Resource: ["acs:oss:*:*:media/uploads/*"]
                  roles:
                    uploader:
                      trust: { Version: "1", Statement: [{Effect: Allow, Action: sts:AssumeRole, Principal: {Service: [ecs.aliyuncs.com]}}] }
                      policies: [MediaRW]
                access:
                  uploader-cannot-delete:
                    principal: { role: uploader }
                    actions: [oss:DeleteObject]
                    resource: media/uploads/*
                    expect: denied
                  uploader-puts:
                    principal: { role: uploader }
                    actions: [oss:PutObject]
                    resource: media/uploads/*
                    expect: allowed
                """;
        Plan plan = planner.plan(Profiles.load(dir, body), LiveState.empty(), KNOWN_ACCOUNT);
        Map<String, AccessVerdict> byName = new java.util.LinkedHashMap<>();
        plan.assertions().forEach(a -> byName.put(a.name(), a.verdict()));
        assertEquals(
                AccessVerdict.Status.FAILS, byName.get("uploader-cannot-delete").status());
        assertEquals(
                "identity policy \"MediaRW\" Statement[0]",
                byName.get("uploader-cannot-delete")
                        .decidingStatement()
                        .orElseThrow()
                        .describe());
        assertEquals(
                AccessVerdict.Status.HOLDS,
                byName.get("uploader-puts").status(),
                byName.get("uploader-puts").message());
    }

    @Test
    void plan_unknownActionOrWrongScope_planErrorsOnTheAssertion() {
        Plan plan = plan(BUCKET + """
                access:
                  a: { principal: { anonymous: true }, actions: [oss:FlyAway], resource: media/x, expect: denied }
                  b: { principal: { anonymous: true }, actions: [oss:GetObject], resource: media, expect: denied }
                """, KNOWN_ACCOUNT);
        assertEquals(
                List.of(
                        "access.a: oss:FlyAway is not an OSS action ossops knows; see docs/plan-format.md for the list",
                        "access.b: oss:GetObject acts on objects: name them as media/<key pattern>"),
                errors(plan));
        assertEquals(List.of(), plan.assertions());
    }

    @Test
    void render_json_listsAssertionsWithTheirStatements() {
        Plan plan = plan(BUCKET + INVOICES_PRIVATE, KNOWN_ACCOUNT);
        String json = new JsonRenderer().render(plan);
        assertTrue(json.contains("""
                  "assertions": [
                    {
                      "name": "invoices-private",
                      "status": "fails",
                      "message": "anonymous caller may oss:GetObject on media/invoices/2024/x: allowed by bucket policy \\"media\\" Statement[0]",
                      "statements": [
                        {
                          "policy_type": "bucket policy",
                          "policy": "media",
                          "index": 0
                        }
                      ],
                      "requests_checked": 2
                    }
                  ],
                """), json);
    }

    @Test
    void plan_localProfileExamples_eachHoldsWithAPutOnlyUploaderPolicy() {
        Profile local = new dev.ossops.spec.ProfileLoader()
                .load(Path.of("profiles/local.yaml"))
                .profile()
                .orElseThrow();
        String uploader = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:PutObject\"],"
                + "\"Resource\":[\"acs:oss:*:*:myapp-local-media/uploads/*\"]}]}";
        Plan plan = planner.plan(
                local,
                LiveState.empty(),
                new PlanOptions(Map.of("UploaderMinimal", uploader), false)
                        .withAccount(Optional.of(ACCOUNT), Optional.of(false)));
        List<String> verdicts = plan.assertions().stream()
                .map(a -> a.name() + " " + a.verdict().status().label())
                .toList();
        assertEquals(
                List.of("media-not-public holds", "app-user-cannot-delete holds", "upload-role-writes-uploads holds"),
                verdicts,
                plan.assertions().toString());
    }
}
