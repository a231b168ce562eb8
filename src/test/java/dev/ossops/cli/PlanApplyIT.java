package dev.ossops.cli;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.BucketVersioningConfiguration;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.LifecycleFilter;
import com.aliyun.oss.model.LifecycleRule;
import com.aliyun.oss.model.SetBucketLifecycleRequest;
import com.aliyun.oss.model.SetBucketVersioningRequest;
import com.aliyun.oss.model.TagSet;
import dev.ossops.GoldenFiles;
import dev.ossops.emulator.EmulatorExtension;
import dev.ossops.emulator.TestRootKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.ossops.cli.CliRun.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** plan and apply against the emulator through the official SDK, with a profile pointing endpoint: at it. */
@ExtendWith(EmulatorExtension.class)
class PlanApplyIT {
    /** The profile's credentials source env reads these; the emulator's root key. */
    static final Map<String, String> ENV = Map.of(
            "ALIBABA_CLOUD_ACCESS_KEY_ID", TestRootKey.ID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET", TestRootKey.SECRET);

    @TempDir
    Path dir;

    static String profile(URI endpoint, String buckets) {
        return "apiVersion: ossops/v1\nkind: Profile\nname: it\nregion: cn-hangzhou\nendpoint: " + endpoint
                + "\ncredentials:\n  source: env\nbuckets:\n" + buckets;
    }

    Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    static String full(String bucket, String logs) {
        return "  " + bucket + ":\n"
                + "    storageClass: Standard\n"
                + "    redundancy: LRS\n"
                + "    acl: private\n"
                + "    versioning: Enabled\n"
                + "    encryption: { algorithm: AES256 }\n"
                + "    blockPublicAccess: true\n"
                + "    cors: { CORSRules: [{ AllowedOrigin: [\"https://app.example.com\"], AllowedMethod: [PUT, GET], AllowedHeader: [\"*\"], ExposeHeader: [ETag], MaxAgeSeconds: 600 }] }\n"
                + "    lifecycle:\n"
                + "      - { Rules: [{ ID: archive, Prefix: uploads/, Status: Enabled, Transitions: [{ Days: 30, StorageClass: IA }], NoncurrentVersionExpiration: { NoncurrentDays: 30 } },\n"
                + "                  { ID: abort, Prefix: \"\", Status: Enabled, AbortMultipartUpload: { Days: 3 } }] }\n"
                + "    policy: { Version: \"1\", Statement: [{ Effect: Allow, Principal: [\"1234567890123456\"], Action: [oss:GetObject], Resource: [\"acs:oss:*:*:"
                + bucket + "/shared/*\"] }] }\n"
                + "    tags: { env: it, team: media }\n"
                + "    logging: { targetBucket: " + logs + ", prefix: access/ }\n"
                + "    referer: { allowEmpty: false, allowTruncateQueryString: true, list: [\"https://app.example.com/*\"], blacklist: [\"*.bad.example\"] }\n"
                + "  " + logs + ":\n"
                + "    acl: private\n";
    }

    @Test
    void apply_everySubConfiguration_createsThenPlansNoChanges(URI endpoint) throws IOException {
        Path profile = write("full.yaml", profile(endpoint, full("it-full-media", "it-full-logs")));

        CliRun apply = CliRun.run(ENV, "apply", "-p", profile.toString(), "--auto-approve");

        assertEquals(0, apply.exit(), apply.all());
        for (String line : List.of(
                "applied  bucket.it-full-media: PutBucket it-full-media",
                "applied  bucket.it-full-media.acl: PutBucketAcl it-full-media",
                "applied  bucket.it-full-media.versioning: PutBucketVersioning it-full-media",
                "applied  bucket.it-full-media.encryption: PutBucketEncryption it-full-media",
                "applied  bucket.it-full-media.block_public_access: PutBucketPublicAccessBlock it-full-media",
                "applied  bucket.it-full-media.cors: PutBucketCors it-full-media",
                "applied  bucket.it-full-media.lifecycle: PutBucketLifecycle it-full-media",
                "applied  bucket.it-full-media.policy: PutBucketPolicy it-full-media",
                "applied  bucket.it-full-media.tags: PutBucketTags it-full-media",
                "applied  bucket.it-full-media.logging: PutBucketLogging it-full-media",
                "applied  bucket.it-full-media.referer: PutBucketReferer it-full-media",
                "Apply: 13 applied, 0 failed, 0 skipped.",
                "verified: live state matches the profile")) {
            assertContains(apply.out(), line);
        }
        CliRun plan = CliRun.run(ENV, "plan", "-p", profile.toString(), "--detailed-exitcode");
        assertEquals(0, plan.exit(), plan.all());
        assertTrue(plan.out().endsWith("No changes. Live state matches the profile.\n"), plan.out());
    }

    @Test
    void plan_outOfBandChanges_detectedExactlyAndReverted(URI endpoint, OSS oss) throws IOException {
        Path profile = write("drift.yaml", profile(endpoint, full("it-drift-media", "it-drift-logs")));
        assertEquals(
                0,
                CliRun.run(ENV, "apply", "-p", profile.toString(), "--auto-approve")
                        .exit());
        oss.setBucketTagging("it-drift-media", new TagSet(Map.of("env", "prod")));
        oss.deleteBucketCORSRules("it-drift-media");
        oss.setBucketVersioning(
                new SetBucketVersioningRequest("it-drift-media", new BucketVersioningConfiguration("Suspended")));
        oss.deleteBucketLifecycle("it-drift-media");

        CliRun plan = CliRun.run(ENV, "plan", "-p", profile.toString(), "--detailed-exitcode", "--no-color");

        assertEquals(2, plan.exit(), plan.all());
        assertContains(
                plan.out(),
                "~ bucket.it-drift-media.tags\n    env: \"prod\" -> \"it\"\n    team: (none) -> \"media\"\n");
        assertContains(plan.out(), "+ bucket.it-drift-media.cors\n");
        assertContains(plan.out(), "~ bucket.it-drift-media.versioning\n    \"Suspended\" -> \"Enabled\"\n");
        assertContains(plan.out(), "+ bucket.it-drift-media.lifecycle\n");
        assertContains(plan.out(), "Plan: 2 to add, 2 to change, 0 to destroy, 0 to replace.\n");

        CliRun revert = CliRun.run(ENV, "apply", "-p", profile.toString(), "--auto-approve", "--allow-destructive");

        assertEquals(0, revert.exit(), revert.all());
        assertContains(revert.out(), "Apply: 4 applied, 0 failed, 0 skipped.");
        assertEquals(
                0,
                CliRun.run(ENV, "plan", "-p", profile.toString(), "--detailed-exitcode")
                        .exit());
    }

    @Test
    void plan_ownershipStates_absentIgnoredEmptyDeletedPresentMatched(URI endpoint, OSS oss) throws IOException {
        Path first = write(
                "own1.yaml",
                profile(
                        endpoint,
                        "  it-own:\n    acl: private\n    cors: { CORSRules: [{ AllowedOrigin: [\"*\"], AllowedMethod: [GET] }] }\n"));
        assertEquals(
                0,
                CliRun.run(ENV, "apply", "-p", first.toString(), "--auto-approve")
                        .exit());
        // tags are not in the profile: never read, never touched
        oss.setBucketTagging("it-own", new TagSet(Map.of("owner", "someone-else")));
        assertEquals(
                0,
                CliRun.run(ENV, "plan", "-p", first.toString(), "--detailed-exitcode")
                        .exit());

        Path second = write("own2.yaml", profile(endpoint, "  it-own:\n    acl: private\n    cors: none\n"));
        CliRun plan = CliRun.run(ENV, "plan", "-p", second.toString(), "--detailed-exitcode", "--no-color");
        assertEquals(2, plan.exit(), plan.all());
        assertContains(plan.out(), "- bucket.it-own.cors\n");
        assertFalse(plan.out().contains("tags"), plan.out());

        CliRun apply = CliRun.run(ENV, "apply", "-p", second.toString(), "--auto-approve");
        assertEquals(0, apply.exit(), apply.all());
        assertContains(apply.out(), "applied  bucket.it-own.cors: DeleteBucketCors it-own");
        assertEquals(
                Map.of("owner", "someone-else"), oss.getBucketTagging("it-own").getAllTags());
    }

    @Test
    void apply_stepRefusedHalfWay_reportsAndRerunConverges(URI endpoint) throws IOException {
        // OSS refuses AbortMultipartUpload in a rule that filters by tags; the profile schema does not know that rule.
        String bad = "  it-half:\n    acl: private\n    tags: { env: it }\n"
                + "    lifecycle: [{ Rules: [{ ID: bad, Prefix: tmp/, Status: Enabled, Tag: [{ Key: a, Value: b }], AbortMultipartUpload: { Days: 1 } }] }]\n";
        Path profile = write("half.yaml", profile(endpoint, bad));

        CliRun apply = CliRun.run(ENV, "apply", "-p", profile.toString(), "--auto-approve");

        assertEquals(1, apply.exit(), apply.all());
        assertContains(
                apply.all(),
                "  failed   bucket.it-half.lifecycle: PutBucketLifecycle it-half: PutBucketLifecycle it-half failed: InvalidArgument: "
                        + "AbortMultipartUpload cannot be specified in a rule that has tags.");
        assertContains(apply.out(), "Apply: 3 applied, 1 failed, 0 skipped.");
        assertContains(
                apply.out(),
                "not verified: live state still differs from the profile:\n  + bucket.it-half.lifecycle\n");

        Path fixed = write("half.yaml", profile(endpoint, bad.replace("Tag: [{ Key: a, Value: b }], ", "")));
        CliRun rerun = CliRun.run(ENV, "apply", "-p", fixed.toString(), "--auto-approve");
        assertEquals(0, rerun.exit(), rerun.all());
        assertContains(rerun.out(), "Apply: 1 applied, 0 failed, 0 skipped.");
        assertContains(rerun.out(), "verified: live state matches the profile");
    }

    @Test
    void apply_savedPlan_appliedWhenFreshRefusedWhenStale(URI endpoint, OSS oss) throws IOException {
        Path profile = write("saved.yaml", profile(endpoint, "  it-saved:\n    acl: private\n    tags: { env: it }\n"));
        assertEquals(
                0,
                CliRun.run(ENV, "apply", "-p", profile.toString(), "--auto-approve")
                        .exit());
        Path stale = write("saved.yaml", profile(endpoint, "  it-saved:\n    acl: private\n    tags: { env: it2 }\n"));
        Path planFile = dir.resolve("plan.json");
        assertEquals(
                0,
                CliRun.run(ENV, "plan", "-p", stale.toString(), "--out", planFile.toString())
                        .exit());
        oss.setBucketTagging("it-saved", new TagSet(Map.of("env", "manual")));

        CliRun refused = CliRun.run(ENV, "apply", planFile.toString(), "--auto-approve");

        assertEquals(1, refused.exit(), refused.all());
        assertContains(
                refused.err(),
                "error: live state changed since the plan was saved: run plan again\n  bucket.it-saved.tags: changed live since the plan was saved\n");
        assertEquals(Map.of("env", "manual"), oss.getBucketTagging("it-saved").getAllTags());

        assertEquals(
                0,
                CliRun.run(ENV, "plan", "-p", stale.toString(), "--out", planFile.toString())
                        .exit());
        // Not on a terminal and without --auto-approve: the saved plan was the review.
        CliRun applied = CliRun.run(ENV, "apply", planFile.toString());
        assertEquals(0, applied.exit(), applied.all());
        assertEquals(Map.of("env", "it2"), oss.getBucketTagging("it-saved").getAllTags());
    }

    @Test
    void apply_savedPlanAfterProfileEdit_refused(URI endpoint) throws IOException {
        Path profile = write("edit.yaml", profile(endpoint, "  it-edit:\n    acl: private\n"));
        Path planFile = dir.resolve("plan.json");
        assertEquals(
                0,
                CliRun.run(ENV, "plan", "-p", profile.toString(), "--out", planFile.toString())
                        .exit());
        write("edit.yaml", profile(endpoint, "  it-edit:\n    acl: public-read\n"));

        CliRun refused = CliRun.run(ENV, "apply", planFile.toString(), "--auto-approve");

        assertEquals(1, refused.exit(), refused.all());
        assertEquals(
                "error: the profile (or a document it references) changed since the plan was saved: run plan again\n",
                refused.err());
    }

    @Test
    void apply_destructiveWithoutFlag_refusedAndNamed(URI endpoint, OSS oss) throws IOException {
        Path profile = write("destructive.yaml", profile(endpoint, "  it-destr:\n    versioning: Enabled\n"));
        assertEquals(
                0,
                CliRun.run(ENV, "apply", "-p", profile.toString(), "--auto-approve")
                        .exit());
        Path suspend = write("destructive.yaml", profile(endpoint, "  it-destr:\n    versioning: Suspended\n"));

        CliRun refused = CliRun.run(ENV, "apply", "-p", suspend.toString(), "--auto-approve");

        assertEquals(1, refused.exit(), refused.all());
        assertContains(
                refused.err(),
                "error: refusing destructive changes without --allow-destructive:\n  bucket.it-destr.versioning is destructive (versioning-suspended): ");
        assertEquals("Enabled", oss.getBucketVersioning("it-destr").getStatus());

        CliRun allowed = CliRun.run(ENV, "apply", "-p", suspend.toString(), "--auto-approve", "--allow-destructive");
        assertEquals(0, allowed.exit(), allowed.all());
        assertEquals("Suspended", oss.getBucketVersioning("it-destr").getStatus());
    }

    @Test
    void apply_confirmation_refusedWithoutTerminalAskedOnOne(URI endpoint, OSS oss) throws IOException {
        Path profile = write("confirm.yaml", profile(endpoint, "  it-confirm:\n    acl: private\n"));

        CliRun ci = CliRun.run(ENV, "apply", "-p", profile.toString());
        assertEquals(1, ci.exit(), ci.all());
        assertEquals(
                "error: not on a terminal, so apply cannot ask for confirmation: pass --auto-approve to apply without asking\n",
                ci.err());

        CliRun no = CliRun.interactive(ENV, "no\n", "apply", "-p", profile.toString(), "--no-color");
        assertEquals(1, no.exit(), no.all());
        assertContains(
                no.out(), "Apply these changes? Only 'yes' is accepted: Apply cancelled; nothing was changed.\n");
        assertFalse(oss.doesBucketExist("it-confirm"));

        CliRun yes = CliRun.interactive(ENV, "yes\n", "apply", "-p", profile.toString(), "--no-color");
        assertEquals(0, yes.exit(), yes.all());
        assertTrue(oss.doesBucketExist("it-confirm"));
    }

    @Test
    void planAndApply_outputsAndPlanFile_holdNoSecret(URI endpoint) throws IOException {
        Path profile = write("secret.yaml", profile(endpoint, full("it-secret-media", "it-secret-logs")));
        Path planFile = dir.resolve("secret-plan.json");

        CliRun plan = CliRun.run(ENV, "plan", "-p", profile.toString(), "--out", planFile.toString(), "--verbose");
        CliRun json = CliRun.run(ENV, "plan", "-p", profile.toString(), "--format", "json");
        CliRun apply = CliRun.run(ENV, "apply", planFile.toString(), "--auto-approve");

        assertEquals(0, apply.exit(), apply.all());
        String everything = plan.all() + json.all() + apply.all() + Files.readString(planFile);
        assertFalse(everything.contains(TestRootKey.SECRET), "the AccessKey secret leaked");
        assertFalse(everything.contains(TestRootKey.ID), "the unmasked AccessKey id leaked");
        assertContains(plan.out(), "credentials from environment variable ALIBABA_CLOUD_ACCESS_KEY_ID");
    }

    @Test
    void plan_jsonFormat_matchesGolden(URI endpoint) throws IOException {
        Path profile = write(
                "golden.yaml",
                profile(endpoint, "  it-golden:\n    acl: private\n    tags: { env: it }\n    cors: none\n"));

        CliRun plan = CliRun.run(ENV, "plan", "-p", profile.toString(), "--format", "json", "--detailed-exitcode");

        assertEquals(2, plan.exit(), plan.all());
        GoldenFiles.assertGolden("apply/plan-new-bucket.json", plan.out());
    }

    @Test
    void plan_noCredentials_oneErrorBeforeReading(URI endpoint) throws IOException {
        Path profile = write("nocreds.yaml", profile(endpoint, "  it-nocreds:\n    acl: private\n"));

        CliRun plan = CliRun.run(Map.of(), "plan", "-p", profile.toString(), "--no-color");

        assertEquals(1, plan.exit(), plan.all());
        assertEquals(
                "error: no credentials in the environment: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (or "
                        + "OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET), or use credentials source aliyun-cli or ecs-ram-role\n",
                plan.err());
        assertFalse(plan.out().contains("Unreadable"), plan.out());
    }

    @Test
    void apply_publicAclAfterBlockPublicAccessLifted_orderedAndConverges(URI endpoint, OSS oss) throws IOException {
        Path profile =
                write("order.yaml", profile(endpoint, "  it-order:\n    acl: private\n    blockPublicAccess: true\n"));
        assertEquals(
                0,
                CliRun.run(ENV, "apply", "-p", profile.toString(), "--auto-approve")
                        .exit());
        Path open = write(
                "order.yaml", profile(endpoint, "  it-order:\n    acl: public-read\n    blockPublicAccess: false\n"));

        CliRun apply = CliRun.run(
                ENV, "apply", "-p", open.toString(), "--auto-approve", "--allow-destructive", "--parallelism", "8");

        assertEquals(0, apply.exit(), apply.all());
        int lifted = apply.out()
                .indexOf("applied  bucket.it-order.block_public_access: PutBucketPublicAccessBlock it-order");
        int acl = apply.out().indexOf("applied  bucket.it-order.acl: PutBucketAcl it-order");
        assertTrue(lifted >= 0 && acl > lifted, apply.out());
        assertEquals(
                CannedAccessControlList.PublicRead, oss.getBucketAcl("it-order").getCannedACL());
    }

    @Test
    void apply_textOutput_matchesGolden(URI endpoint) throws IOException {
        Path profile = write(
                "text.yaml",
                profile(
                        endpoint,
                        "  it-text:\n    acl: private\n    versioning: Enabled\n    tags: { env: it }\n"
                                + "    lifecycle: [{ Rules: [{ ID: old, Prefix: \"\", Status: Enabled, NoncurrentVersionExpiration: { NoncurrentDays: 30 } }] }]\n"));

        CliRun apply = CliRun.run(
                ENV,
                "apply",
                "-p",
                profile.toString(),
                "--auto-approve",
                "--allow-destructive",
                "--parallelism",
                "1",
                "--no-color");

        assertEquals(0, apply.exit(), apply.all());
        String body = apply.out().substring(apply.out().indexOf("\n\n") + 2);
        GoldenFiles.assertGolden("apply/apply-new-bucket.txt", body);
    }

    @Test
    void apply_noCredentials_refusedBeforeReading(URI endpoint, OSS oss) throws IOException {
        Path profile = write("incomplete.yaml", profile(endpoint, "  it-incomplete:\n    acl: private\n"));

        CliRun apply = CliRun.run(Map.of(), "apply", "-p", profile.toString(), "--auto-approve");

        assertEquals(1, apply.exit(), apply.all());
        assertEquals(
                "error: no credentials in the environment: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (or "
                        + "OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET), or use credentials source aliyun-cli or ecs-ram-role\n",
                apply.err());
        assertFalse(oss.doesBucketExist("it-incomplete"));
    }

    @Test
    void apply_liveLifecycleTheProfileCannotExpress_refusedNotOverwritten(URI endpoint, OSS oss) throws IOException {
        Path profile = write(
                "unrep.yaml",
                profile(
                        endpoint,
                        "  it-unrep:\n    acl: private\n"
                                + "    lifecycle: [{ Rules: [{ ID: tmp, Prefix: tmp/, Status: Enabled, Expiration: { Days: 3 } }] }]\n"));
        assertEquals(
                0,
                CliRun.run(ENV, "apply", "-p", profile.toString(), "--auto-approve", "--allow-destructive")
                        .exit());
        LifecycleRule sized = new LifecycleRule("big", "logs/", LifecycleRule.RuleStatus.Enabled, 30);
        LifecycleFilter filter = new LifecycleFilter();
        filter.setObjectSizeGreaterThan(1024L);
        sized.setFilter(filter);
        SetBucketLifecycleRequest request = new SetBucketLifecycleRequest("it-unrep");
        request.AddLifecycleRule(sized);
        oss.setBucketLifecycle(request);

        CliRun apply = CliRun.run(
                ENV, "apply", "-p", profile.toString(), "--auto-approve", "--allow-destructive", "--no-color");

        assertEquals(1, apply.exit(), apply.all());
        assertContains(apply.out(), "Errors (plan cannot be applied):\n  ! bucket.it-unrep.lifecycle: ");
        assertContains(apply.out(), "lifecycle rule big filters by object size, which a profile cannot express");
        assertEquals("error: the plan is not applyable (see the errors above); nothing was changed\n", apply.err());
        assertEquals("big", oss.getBucketLifecycle("it-unrep").get(0).getId());
    }
}
