package dev.ossops.plan;

import dev.ossops.shared.CorsRule;
import dev.ossops.spec.model.Bucket;
import dev.ossops.spec.model.CorsConfiguration;
import dev.ossops.spec.model.LifecycleRule;
import dev.ossops.spec.model.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.ossops.plan.Address.Kind;
import static dev.ossops.plan.Plans.acting;
import static dev.ossops.plan.Plans.change;
import static dev.ossops.plan.Plans.dangers;
import static dev.ossops.plan.Plans.errors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Buckets and every bucket sub-configuration: create, no-op, update, delete, unmanaged, unreadable. */
class PlannerBucketTest {
    private static final Live.Bucket EXISTING = new Live.Bucket("cn-beijing", "Standard", "LRS");

    @TempDir
    Path dir;

    private final Planner planner = new Planner();

    private static Address a(Kind kind, String bucket) {
        return Address.of(kind, bucket);
    }

    private Plan plan(Profile profile, LiveState.Builder live) {
        return planner.plan(profile, live.build(), PlanOptions.defaults());
    }

    private static LiveState.Builder existing(String bucket) {
        return LiveState.builder().found(a(Kind.BUCKET, bucket), EXISTING);
    }

    @Test
    void plan_missingBucket_createsBucketThenEveryManagedConfiguration() {
        Profile p = Profiles.load(dir, """
                buckets:
                  media:
                    storageClass: IA
                    acl: private
                    tags: { env: prod }
                    cors: none
                """);
        Plan plan = plan(p, LiveState.builder().absent(a(Kind.BUCKET, "media")));
        assertEquals(List.of("bucket.media", "bucket.media.acl", "bucket.media.tags"), acting(plan));
        Change bucket = change(plan, "bucket.media");
        assertEquals(Action.CREATE, bucket.action());
        assertEquals(
                "{\"region\":\"cn-beijing\",\"storageClass\":\"IA\",\"redundancy\":\"LRS\"}",
                bucket.after().toString());
        assertEquals(List.of("bucket does not exist"), bucket.reasons());
        assertEquals(
                List.of(a(Kind.BUCKET, "media")),
                change(plan, "bucket.media.acl").dependsOn());
        assertEquals(Action.NOOP, change(plan, "bucket.media.cors").action());
        assertTrue(plan.applyable());
    }

    @Test
    void plan_createOnlyStorageClassDiffers_replaceRefusedWithError() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { storageClass: IA, acl: private }\n");
        Plan plan = plan(p, existing("media").found(a(Kind.ACL, "media"), "private"));
        Change bucket = change(plan, "bucket.media");
        assertEquals(Action.REPLACE, bucket.action());
        assertEquals(
                List.of(
                        "create-only-changed: storageClass (live Standard, profile IA) can only be set when the bucket is created"),
                dangers(bucket));
        assertEquals(
                List.of(
                        "bucket.media: storageClass (live Standard, profile IA) can only be set when the bucket is created; "
                                + "ossops never deletes a bucket to replace it: create a new bucket and copy the data, or change the profile to match"),
                errors(plan));
        assertFalse(plan.applyable());
        assertFalse(Plans.has(plan, "bucket.media.acl"));
    }

    @Test
    void plan_aclMatches_noop() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { acl: private }\n");
        Plan plan = plan(p, existing("media").found(a(Kind.ACL, "media"), "private"));
        assertEquals(List.of(), acting(plan));
        assertEquals("No changes. Live state matches the profile.", TextRenderer.summary(plan));
    }

    @Test
    void plan_aclBecomesPublicRead_updateFlaggedDestructive() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { acl: public-read }\n");
        Plan plan = plan(p, existing("media").found(a(Kind.ACL, "media"), "private"));
        Change acl = change(plan, "bucket.media.acl");
        assertEquals(Action.UPDATE, acl.action());
        assertEquals(List.of(new FieldDiff("", JsonValues.of("private"), JsonValues.of("public-read"))), acl.fields());
        assertEquals(List.of("acl-public: ACL becomes public-read"), dangers(acl));
        assertTrue(plan.hasDestructiveChanges());
    }

    @Test
    void plan_blockPublicAccessLiftedForPublicAcl_liftedFirstAndFlagged() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { acl: public-read, blockPublicAccess: false }\n");
        Plan plan = plan(
                p,
                existing("media")
                        .found(a(Kind.ACL, "media"), "private")
                        .found(a(Kind.BLOCK_PUBLIC_ACCESS, "media"), true));
        assertEquals(List.of("bucket.media.block_public_access", "bucket.media.acl"), acting(plan));
        Change bpa = change(plan, "bucket.media.block_public_access");
        assertEquals(Action.DELETE, bpa.action());
        assertEquals(List.of("block-public-access-removed: Block Public Access is turned off"), dangers(bpa));
        assertEquals(
                List.of(a(Kind.BLOCK_PUBLIC_ACCESS, "media")),
                change(plan, "bucket.media.acl").dependsOn());
        assertTrue(plan.normalizations().contains(Normalization.BLOCK_PUBLIC_ACCESS_OFF));
    }

    @Test
    void plan_versioningNeverEnabled_createsAndNotesNormalisation() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { versioning: Enabled }\n");
        Plan plan = plan(p, existing("media").found(a(Kind.VERSIONING, "media"), ""));
        assertEquals(Action.CREATE, change(plan, "bucket.media.versioning").action());
        assertEquals(
                Set.of(Normalization.BUCKET_CREATE_DEFAULTS, Normalization.VERSIONING_NEVER_ENABLED),
                plan.normalizations());
    }

    @Test
    void plan_versioningSuspended_flaggedDestructive() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { versioning: Suspended }\n");
        Plan plan = plan(p, existing("media").found(a(Kind.VERSIONING, "media"), "Enabled"));
        assertEquals(
                List.of("versioning-suspended: versioning Enabled -> Suspended"),
                dangers(change(plan, "bucket.media.versioning")));
    }

    @Test
    void plan_encryptionExplicitlyEmpty_deletesLiveEncryption() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { encryption: none }\n");
        Plan plan = plan(
                p,
                existing("media")
                        .found(a(Kind.ENCRYPTION, "media"), new Bucket.Encryption("AES256", Optional.empty())));
        Change enc = change(plan, "bucket.media.encryption");
        assertEquals(Action.DELETE, enc.action());
        assertEquals("{\"algorithm\":\"AES256\"}", enc.before().toString());
        assertTrue(enc.after().isNull());
        assertFalse(enc.destructive());
    }

    @Test
    void plan_encryptionExplicitlyEmptyAndAbsentLive_noop() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { encryption: none }\n");
        Plan plan = plan(p, existing("media").absent(a(Kind.ENCRYPTION, "media")));
        assertEquals(Action.NOOP, change(plan, "bucket.media.encryption").action());
    }

    @Test
    void plan_encryptionKmsWithEmptyKeyLive_matchesProfileWithoutKey() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { encryption: { algorithm: KMS } }\n");
        Plan plan = plan(
                p, existing("media").found(a(Kind.ENCRYPTION, "media"), new Bucket.Encryption("KMS", Optional.of(""))));
        assertEquals(Action.NOOP, change(plan, "bucket.media.encryption").action());
        assertTrue(plan.normalizations().contains(Normalization.ENCRYPTION_EMPTY_KEY));
    }

    @Test
    void plan_corsRulesInOtherOrderAndCase_noop() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { cors: cors.json }\n", Map.of("cors.json", """
                {"CORSRules": [
                  {"AllowedOrigin": ["https://a.example.com"], "AllowedMethod": ["PUT", "GET"], "AllowedHeader": ["Content-Type"]},
                  {"AllowedOrigin": ["*"], "AllowedMethod": ["GET"], "MaxAgeSeconds": 60}]}
                """));
        CorsConfiguration live = new CorsConfiguration(
                List.of(
                        new CorsRule(List.of("*"), List.of("GET"), List.of(), List.of(), Optional.of(60L)),
                        new CorsRule(
                                List.of("https://a.example.com"),
                                List.of("get", "PUT"),
                                List.of("content-type"),
                                List.of(),
                                Optional.empty())),
                Optional.of(false));
        Plan plan = plan(p, existing("media").found(a(Kind.CORS, "media"), live));
        assertEquals(Action.NOOP, change(plan, "bucket.media.cors").action());
        assertTrue(plan.normalizations()
                .containsAll(Set.of(
                        Normalization.CORS_RULE_SET, Normalization.CORS_VALUE_SETS, Normalization.CORS_RESPONSE_VARY)));
    }

    @Test
    void plan_corsMaxAgeDiffers_updateNamesTheRules() {
        Profile p = Profiles.load(
                dir,
                "buckets:\n  media: { cors: { CORSRules: [{ AllowedOrigin: ['*'], AllowedMethod: [GET], MaxAgeSeconds: 60 }] } }\n");
        CorsConfiguration live = new CorsConfiguration(
                List.of(new CorsRule(List.of("*"), List.of("GET"), List.of(), List.of(), Optional.of(30L))),
                Optional.empty());
        Change cors = change(plan(p, existing("media").found(a(Kind.CORS, "media"), live)), "bucket.media.cors");
        assertEquals(Action.UPDATE, cors.action());
        assertEquals("rules", cors.fields().get(0).path());
    }

    private static LifecycleRule rule(
            String id, String prefix, Optional<Long> expirationDays, Optional<Long> noncurrentDays) {
        return new LifecycleRule(
                id,
                prefix,
                true,
                List.of(),
                List.of(),
                expirationDays.map(d -> new LifecycleRule.Expiration(
                        Optional.of(d), Optional.empty(), Optional.empty(), Optional.of(false))),
                List.of(),
                Optional.empty(),
                noncurrentDays,
                List.of());
    }

    private static final String TWO_RULES = """
            {"Rules": [
              {"ID": "temp", "Prefix": "temp/", "Status": "Enabled", "Expiration": {"Days": 7}},
              {"ID": "abort", "Status": "Enabled", "AbortMultipartUpload": {"CreatedBeforeDate": "2026-01-01"}}]}
            """;

    @Test
    void plan_lifecycleRulesReorderedWithServerDefaults_noop() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { lifecycle: [lc.json] }\n", Map.of("lc.json", TWO_RULES));
        List<LifecycleRule> live = List.of(
                new LifecycleRule(
                        "abort",
                        "",
                        true,
                        List.of(),
                        List.of(),
                        Optional.empty(),
                        List.of(),
                        Optional.of(new LifecycleRule.AbortMultipartUpload(
                                Optional.empty(), Optional.of("2026-01-01T00:00:00.000Z"))),
                        Optional.empty(),
                        List.of()),
                rule("temp", "temp/", Optional.of(7L), Optional.empty()));
        Plan plan = plan(p, existing("media").found(a(Kind.LIFECYCLE, "media"), live));
        assertEquals(Action.NOOP, change(plan, "bucket.media.lifecycle").action());
        assertTrue(plan.normalizations()
                .containsAll(Set.of(
                        Normalization.LIFECYCLE_BY_ID,
                        Normalization.LIFECYCLE_DATE_DAY,
                        Normalization.LIFECYCLE_FALSE_FLAGS)));
    }

    @Test
    void plan_expirationAdded_destructiveWithInventoryImpact() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { lifecycle: [lc.json] }\n", Map.of("lc.json", TWO_RULES));
        LiveState.InventoryRequest request = LiveState.InventoryRequest.olderThan("media", "temp/", 7);
        LiveState live = existing("media")
                .found(a(Kind.LIFECYCLE, "media"), List.of(rule("temp", "temp/", Optional.empty(), Optional.empty())))
                .inventory(request, new Live.Inventory(1234, 6_012_954_215L, false, 10_000))
                .build();
        Plan plan = planner.plan(p, live, PlanOptions.defaults());
        Change lc = change(plan, "bucket.media.lifecycle");
        assertEquals(Action.UPDATE, lc.action());
        assertEquals(
                List.of(
                        "expiration-added: lifecycle rule temp adds Expiration after 7 days: would expire 1,234 objects, 5.6 GB, under temp/"),
                dangers(lc));
        assertEquals(
                List.of("abort", "temp.expiration"),
                lc.fields().stream().map(FieldDiff::path).toList());
        assertEquals(List.of(), plan.inventoryRequests());
    }

    @Test
    void plan_expirationShortenedWithoutInventory_asksForItAndSaysSo() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { lifecycle: [lc.json] }\n", Map.of("lc.json", TWO_RULES));
        Plan plan = plan(
                p,
                existing("media")
                        .found(
                                a(Kind.LIFECYCLE, "media"),
                                List.of(rule("temp", "temp/", Optional.of(30L), Optional.empty()))));
        assertEquals(
                List.of(
                        "expiration-added: lifecycle rule temp shortens Expiration from 30 to 7 days: impact not measured: "
                                + "no inventory was read under temp/"),
                dangers(change(plan, "bucket.media.lifecycle")));
        assertEquals(List.of(LiveState.InventoryRequest.olderThan("media", "temp/", 7)), plan.inventoryRequests());
    }

    @Test
    void plan_expirationLengthened_notDestructive() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { lifecycle: [lc.json] }\n", Map.of("lc.json", TWO_RULES));
        Plan plan = plan(
                p,
                existing("media")
                        .found(
                                a(Kind.LIFECYCLE, "media"),
                                List.of(rule("temp", "temp/", Optional.of(3L), Optional.empty()))));
        assertFalse(change(plan, "bucket.media.lifecycle").destructive());
    }

    @Test
    void plan_noncurrentExpirationAddedInventoryTruncatedOrSkipped_saysSo() {
        Profile p = Profiles.load(
                dir,
                "buckets:\n  media: { lifecycle: [lc.json] }\n",
                Map.of(
                        "lc.json",
                        "{\"Rules\": [{\"ID\": \"old\", \"Status\": \"Enabled\", \"NoncurrentVersionExpiration\": {\"NoncurrentDays\": 30}}]}"));
        LiveState.InventoryRequest request = LiveState.InventoryRequest.noncurrentFor("media", "", 30);
        LiveState live = existing("media")
                .absent(a(Kind.LIFECYCLE, "media"))
                .inventory(request, new Live.Inventory(1000, 2048, true, 1000))
                .build();
        assertEquals(
                List.of(
                        "noncurrent-expiration-added: lifecycle rule old adds NoncurrentVersionExpiration after 30 days: "
                                + "would expire at least 1,000 noncurrent versions, 2.0 KB, in the whole bucket (listing truncated at 1,000)"),
                dangers(change(planner.plan(p, live, PlanOptions.defaults()), "bucket.media.lifecycle")));
        Plan skipped = planner.plan(p, live, new PlanOptions(Map.of(), true));
        assertEquals(
                List.of(
                        "noncurrent-expiration-added: lifecycle rule old adds NoncurrentVersionExpiration after 30 days: "
                                + "impact not measured: inventory skipped"),
                dangers(change(skipped, "bucket.media.lifecycle")));
        assertEquals(List.of(), skipped.inventoryRequests());
    }

    @Test
    void plan_lifecycleOnNewBucket_notDestructive() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { lifecycle: [lc.json] }\n", Map.of("lc.json", TWO_RULES));
        Plan plan = plan(p, LiveState.builder().absent(a(Kind.BUCKET, "media")));
        Change lc = change(plan, "bucket.media.lifecycle");
        assertEquals(Action.CREATE, lc.action());
        assertFalse(lc.destructive());
    }

    @Test
    void plan_policyStringVersusListAndReordered_noop() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { policy: bp.json }\n", Map.of("bp.json", """
                {"Version": "1", "Statement": [{"Effect": "Allow", "Principal": ["123456"],
                  "Action": ["oss:GetObject", "oss:ListObjects"], "Resource": ["acs:oss:*:*:media/*"]}]}
                """));
        String live =
                "{ \"Statement\": [ {\"Resource\": \"acs:oss:*:*:media/*\", \"Action\": [\"oss:ListObjects\",\"oss:GetObject\"],"
                        + " \"Principal\": \"123456\", \"Effect\": \"Allow\"} ], \"Version\": \"1\" }";
        Plan plan = plan(p, existing("media").found(a(Kind.POLICY, "media"), live));
        assertEquals(Action.NOOP, change(plan, "bucket.media.policy").action());
        assertTrue(plan.normalizations().contains(Normalization.POLICY_MEANING));
    }

    @Test
    void plan_policyOpensToEveryone_flaggedAndAfterBlockPublicAccess() {
        Profile p = Profiles.load(
                dir, "buckets:\n  media: { blockPublicAccess: false, policy: bp.json }\n", Map.of("bp.json", """
                {"Version": "1", "Statement": [{"Effect": "Allow", "Principal": ["*"], "Action": ["oss:GetObject"],
                  "Resource": ["acs:oss:*:*:media/*"]}]}
                """));
        Plan plan = plan(
                p,
                existing("media")
                        .found(a(Kind.BLOCK_PUBLIC_ACCESS, "media"), true)
                        .absent(a(Kind.POLICY, "media")));
        Change policy = change(plan, "bucket.media.policy");
        assertEquals(Action.CREATE, policy.action());
        assertEquals(
                List.of(
                        "policy-public: the policy allows everyone (Principal \"*\"): oss:GetObject on acs:oss:*:*:media/*"),
                dangers(policy));
        assertEquals(List.of("bucket.media.block_public_access", "bucket.media.policy"), acting(plan));
    }

    @Test
    void plan_livePolicyNotAPolicy_errorAndNotOverwritten() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { policy: none }\n");
        Plan plan =
                plan(p, existing("media").found(a(Kind.POLICY, "media"), "{\"Version\": \"2\", \"Statement\": []}"));
        assertEquals(
                List.of(
                        "bucket.media.policy: the live bucket policy cannot be read as a policy (Version: \"2\" is not supported; "
                                + "expected \"1\"); ossops will not overwrite it"),
                errors(plan));
        assertFalse(Plans.has(plan, "bucket.media.policy"));
        assertFalse(plan.applyable());
    }

    @Test
    void plan_tagsInOtherOrder_noopAndChangedValue_perKeyDiff() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { tags: { env: prod, team: media } }\n");
        Map<String, String> live = new LinkedHashMap<>();
        live.put("team", "media");
        live.put("env", "prod");
        assertEquals(
                Action.NOOP,
                change(plan(p, existing("media").found(a(Kind.TAGS, "media"), live)), "bucket.media.tags")
                        .action());
        Change changed = change(
                plan(p, existing("media").found(a(Kind.TAGS, "media"), Map.of("env", "dev", "old", "x"))),
                "bucket.media.tags");
        assertEquals(Action.UPDATE, changed.action());
        assertEquals(
                List.of(
                        new FieldDiff("env", JsonValues.of("dev"), JsonValues.of("prod")),
                        new FieldDiff("team", JsonValues.JSON.nullNode(), JsonValues.of("media")),
                        new FieldDiff("old", JsonValues.of("x"), JsonValues.JSON.nullNode())),
                changed.fields());
    }

    @Test
    void plan_loggingToBucketBeingCreated_dependsOnTarget() {
        Profile p = Profiles.load(
                dir, "buckets:\n  media: { logging: { targetBucket: logs, prefix: access/ } }\n  logs: {}\n");
        Plan plan = plan(p, existing("media").absent(a(Kind.LOGGING, "media")).absent(a(Kind.BUCKET, "logs")));
        assertEquals(List.of("bucket.logs", "bucket.media.logging"), acting(plan));
        assertEquals(
                List.of(a(Kind.BUCKET, "logs")),
                change(plan, "bucket.media.logging").dependsOn());
    }

    @Test
    void plan_refererNoneAndServiceDefaultsLive_noop() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { referer: none }\n");
        Plan plan = plan(
                p,
                existing("media")
                        .found(a(Kind.REFERER, "media"), new Bucket.Referer(true, true, List.of(), List.of())));
        assertEquals(Action.NOOP, change(plan, "bucket.media.referer").action());
        assertTrue(plan.normalizations().contains(Normalization.REFERER_UNSET));
    }

    @Test
    void plan_refererListsInOtherOrder_noop() {
        Profile p = Profiles.load(
                dir, "buckets:\n  media: { referer: { allowEmpty: false, list: [a.example.com, b.example.com] } }\n");
        Plan plan = plan(
                p,
                existing("media")
                        .found(
                                a(Kind.REFERER, "media"),
                                new Bucket.Referer(false, true, List.of("b.example.com", "a.example.com"), List.of())));
        assertEquals(Action.NOOP, change(plan, "bucket.media.referer").action());
    }

    private static final String REPLICATION = """
            buckets:
              media:
                versioning: Enabled
                replication:
                  to-dr:
                    destination: { bucket: dr-media, region: cn-shanghai }
                    prefixes: [a/, b/]
                    syncRole: repl-role
              dr-media: { region: cn-shanghai, versioning: Enabled }
            ram:
              roles:
                repl-role:
                  trust: { Version: "1", Statement: [{ Effect: Allow, Action: [sts:AssumeRole], Principal: { Service: [oss.aliyuncs.com] } }] }
            """;

    private static Bucket.ReplicationRule liveRule(String name, List<String> prefixes) {
        return new Bucket.ReplicationRule(
                name, "dr-media", "cn-shanghai", "internal", prefixes, List.of("ALL"), true, Optional.of("repl-role"));
    }

    @Test
    void plan_replicationToNewDestination_destinationVersioningAndRoleFirst() {
        Profile p = Profiles.load(dir, REPLICATION);
        LiveState.Builder live = existing("media")
                .found(a(Kind.VERSIONING, "media"), "Enabled")
                .found(a(Kind.REPLICATION, "media"), Map.of())
                .absent(a(Kind.BUCKET, "dr-media"))
                .absent(Address.of(Kind.RAM_ROLE, "repl-role"));
        Plan plan = plan(p, live);
        assertEquals(
                List.of(
                        "bucket.dr-media",
                        "bucket.dr-media.versioning",
                        "ram.role.repl-role",
                        "bucket.media.replication.to-dr"),
                acting(plan));
        assertEquals(
                List.of(
                        a(Kind.BUCKET, "dr-media"),
                        a(Kind.VERSIONING, "dr-media"),
                        Address.of(Kind.RAM_ROLE, "repl-role")),
                change(plan, "bucket.media.replication.to-dr").dependsOn());
    }

    @Test
    void plan_replicationRuleChanged_replacesThatRuleOnlyAndDeletesUnlisted() {
        Profile p = Profiles.load(dir, REPLICATION);
        LiveState.Builder live = existing("media")
                .found(a(Kind.VERSIONING, "media"), "Enabled")
                .found(
                        a(Kind.REPLICATION, "media"),
                        Map.of("to-dr", liveRule("to-dr", List.of("a/")), "old", liveRule("old", List.of())))
                .found(a(Kind.BUCKET, "dr-media"), new Live.Bucket("cn-shanghai", "Standard", "LRS"))
                .found(a(Kind.VERSIONING, "dr-media"), "Enabled")
                .found(
                        Address.of(Kind.RAM_ROLE, "repl-role"),
                        new Live.RamRole(
                                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"oss.aliyuncs.com\"}}]}",
                                Optional.of(3600L),
                                Optional.empty()))
                .found(Address.of(Kind.ROLE_ATTACHMENTS, "repl-role"), new Live.Attachments(Set.of()));
        Plan plan = plan(p, live);
        assertEquals(List.of("bucket.media.replication.to-dr", "bucket.media.replication.old"), acting(plan));
        Change changed = change(plan, "bucket.media.replication.to-dr");
        assertEquals(Action.REPLACE, changed.action());
        assertEquals(
                List.of("replication rules cannot be modified in place: apply deletes rule to-dr and adds it again; "
                        + "the bucket and other rules are untouched"),
                changed.reasons());
        assertEquals(
                List.of(new FieldDiff("prefixes", JsonValues.of(List.of("a/")), JsonValues.of(List.of("a/", "b/")))),
                changed.fields());
        assertFalse(changed.destructive());
        Change deleted = change(plan, "bucket.media.replication.old");
        assertEquals(Action.DELETE, deleted.action());
        assertEquals(List.of("replication-deleted: replication rule old to dr-media is deleted"), dangers(deleted));
        assertEquals(Action.NOOP, change(plan, "bucket.media").action());
    }

    @Test
    void plan_unmanagedConfigurationInLiveState_neverCompared() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { acl: private }\n");
        Plan plan = plan(
                p,
                existing("media")
                        .found(a(Kind.ACL, "media"), "private")
                        .found(a(Kind.CORS, "media"), new CorsConfiguration(List.of(), Optional.empty()))
                        .found(a(Kind.TAGS, "media"), Map.of("x", "y")));
        assertEquals(List.of("bucket.media", "bucket.media.acl"), Plans.addresses(plan));
    }

    @Test
    void plan_oneConfigurationUnreadable_incompleteButOthersPlanned() {
        Profile p =
                Profiles.load(dir, "buckets:\n  media: { acl: private, tags: { a: b } }\n  other: { acl: private }\n");
        Plan plan = plan(
                p,
                existing("media")
                        .unreadable(a(Kind.ACL, "media"), "GetBucketAcl failed: AccessDenied")
                        .absent(a(Kind.TAGS, "media"))
                        .unreadable(a(Kind.BUCKET, "other"), "GetBucketInfo failed: timeout"));
        assertFalse(plan.complete());
        assertFalse(plan.applyable());
        assertEquals(
                Map.of(
                        a(Kind.ACL, "media"),
                        "GetBucketAcl failed: AccessDenied",
                        a(Kind.BUCKET, "other"),
                        "GetBucketInfo failed: timeout"),
                plan.unreadable());
        assertEquals(List.of("bucket.media.tags"), acting(plan));
    }

    @Test
    void plan_addressNotRead_unreadable() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { acl: private }\n");
        Plan plan = plan(p, existing("media"));
        assertEquals(Map.of(a(Kind.ACL, "media"), "not read by the live reader"), plan.unreadable());
    }

    @Test
    void plan_unrepresentableLiveContent_errorNamingIt() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { lifecycle: [] }\n");
        Plan plan = plan(
                p,
                existing("media")
                        .put(
                                a(Kind.LIFECYCLE, "media"),
                                Observed.unrepresentable("rule x has a Filter with ObjectSizeGreaterThan")));
        assertEquals(
                List.of(
                        "bucket.media.lifecycle: live configuration cannot be represented in a profile (rule x has a Filter "
                                + "with ObjectSizeGreaterThan); ossops will not plan or overwrite it: change it live or manage it outside ossops"),
                errors(plan));
        assertTrue(plan.complete());
        assertFalse(plan.applyable());
    }

    @Test
    void plan_severalRulesOnlyLive_deletedInNameOrder() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { replication: {} }\n");
        Map<String, Bucket.ReplicationRule> live = new HashMap<>();
        for (String name : List.of("zeta", "alpha", "mid", "beta")) {
            live.put(name, liveRule(name, List.of()));
        }
        Plan plan = plan(p, existing("media").found(a(Kind.REPLICATION, "media"), live));
        assertEquals(
                List.of(
                        "bucket.media.replication.alpha",
                        "bucket.media.replication.beta",
                        "bucket.media.replication.mid",
                        "bucket.media.replication.zeta"),
                acting(plan));
    }

    @Test
    void plan_tagsExplicitlyEmptyAndNoTagsLive_noop() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { tags: {}, lifecycle: [] }\n");
        Plan plan = plan(
                p,
                existing("media").found(a(Kind.TAGS, "media"), Map.of()).found(a(Kind.LIFECYCLE, "media"), List.of()));
        assertEquals(List.of(), acting(plan));
    }

    @Test
    void plan_inventoryAddedAfterFirstPlan_secondPlanShowsImpact() {
        Profile p = Profiles.load(dir, "buckets:\n  media: { lifecycle: [lc.json] }\n", Map.of("lc.json", TWO_RULES));
        LiveState live =
                existing("media").found(a(Kind.LIFECYCLE, "media"), List.of()).build();
        Plan first = planner.plan(p, live, PlanOptions.defaults());
        Map<LiveState.InventoryRequest, Live.Inventory> listed = new LinkedHashMap<>();
        first.inventoryRequests().forEach(r -> listed.put(r, new Live.Inventory(1, 1, false, 1000)));
        Plan second = planner.plan(p, live.withInventories(listed), PlanOptions.defaults());
        assertEquals(
                List.of(
                        "expiration-added: lifecycle rule temp adds Expiration after 7 days: would expire 1 object, 1 byte, under temp/"),
                dangers(change(second, "bucket.media.lifecycle")));
        assertEquals(List.of(), second.inventoryRequests());
    }

    @Test
    void plan_expirationByDateAdded_asksForObjectsModifiedBeforeIt() {
        Profile p = Profiles.load(
                dir,
                "buckets:\n  media: { lifecycle: [lc.json] }\n",
                Map.of(
                        "lc.json",
                        "{\"Rules\": [{\"ID\": \"old\", \"Prefix\": \"logs/\", \"Status\": \"Enabled\", "
                                + "\"Expiration\": {\"CreatedBeforeDate\": \"2025-01-01\"}}]}"));
        Plan plan = plan(p, existing("media").absent(a(Kind.LIFECYCLE, "media")));
        assertEquals(
                List.of("expiration-added: lifecycle rule old adds Expiration of objects created before 2025-01-01: "
                        + "impact not measured: no inventory was read under logs/"),
                dangers(change(plan, "bucket.media.lifecycle")));
        assertEquals(
                List.of(new LiveState.InventoryRequest("media", "logs/", 0, "2025-01-01", false)),
                plan.inventoryRequests());
    }
}
