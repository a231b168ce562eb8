package dev.ossops.cli;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.LifecycleFilter;
import com.aliyun.oss.model.LifecycleRule;
import com.aliyun.oss.model.SetBucketLifecycleRequest;
import dev.ossops.emulator.EmulatorExtension;
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
import static dev.ossops.cli.PlanApplyIT.ENV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** export writes live state as a profile that plans zero changes against the same account. */
@ExtendWith(EmulatorExtension.class)
class ExportIT {

    @TempDir
    Path dir;

    @Test
    void export_everyBucket_roundTripsToZeroChanges(URI endpoint) throws IOException {
        Path profile = dir.resolve("source.yaml");
        Files.writeString(
                profile,
                PlanApplyIT.profile(
                        endpoint,
                        PlanApplyIT.full("it-exp-media", "it-exp-logs")
                                + "  it-exp-plain:\n    acl: public-read-write\n    allowPublicWrite: { reason: test }\n"),
                StandardCharsets.UTF_8);
        assertEquals(
                0,
                CliRun.run(ENV, "apply", "-p", profile.toString(), "--auto-approve", "--allow-destructive")
                        .exit());
        Path out = dir.resolve("export");

        CliRun export = CliRun.run(ENV, "export", "-p", profile.toString(), "--out", out.toString());

        assertEquals(0, export.exit(), export.all());
        assertContains(export.out(), "wrote " + out.resolve("profile.yaml"));
        // Every configuration of these buckets has a profile form: nothing is left out.
        assertFalse(export.err().contains("left out"), export.err());
        assertTrue(Files.exists(out.resolve("lifecycle/it-exp-media.json")));
        assertTrue(Files.exists(out.resolve("cors/it-exp-media.json")));
        assertTrue(Files.exists(out.resolve("policies/bucket-it-exp-media.json")));
        String yaml = Files.readString(out.resolve("profile.yaml"));
        assertContains(yaml, "  it-exp-logs:\n");
        assertContains(yaml, "    cors: \"none\"\n");

        CliRun validate =
                CliRun.run(ENV, "validate", "-p", out.resolve("profile.yaml").toString());
        assertEquals(0, validate.exit(), validate.all());
        CliRun plan = CliRun.run(ENV, "plan", "-p", out.resolve("profile.yaml").toString(), "--detailed-exitcode");
        assertEquals(0, plan.exit(), plan.all() + "\n" + yaml);
        assertTrue(plan.out().endsWith("No changes. Live state matches the profile.\n"), plan.out());
    }

    @Test
    void export_withoutProfile_regionAndDefaultCredentials_writesAPlannableProfile(URI endpoint) throws IOException {
        Path profile = dir.resolve("source.yaml");
        Files.writeString(
                profile,
                PlanApplyIT.profile(endpoint, "  it-exp-noprofile:\n    acl: private\n"),
                StandardCharsets.UTF_8);
        assertEquals(
                0,
                CliRun.run(ENV, "apply", "-p", profile.toString(), "--auto-approve")
                        .exit());
        Path out = dir.resolve("account");

        CliRun export = CliRun.run(
                ENV,
                "export",
                "--region",
                "cn-hangzhou",
                "--endpoint",
                endpoint.toString(),
                "--buckets",
                "it-exp-noprofile",
                "--out",
                out.toString());

        assertEquals(0, export.exit(), export.all());
        assertContains(
                export.out(),
                "No profile: the account of the default credentials, region cn-hangzhou\nEndpoint: " + endpoint
                        + "; credentials from environment variable ALIBABA_CLOUD_ACCESS_KEY_ID\n");
        String yaml = Files.readString(out.resolve("profile.yaml"));
        assertContains(yaml, "name: \"account-export\"\n");
        assertContains(yaml, "credentials:\n  source: \"env\"\n");
        // The export reads back as a profile of the same account: planning it finds nothing to change.
        CliRun plan = CliRun.run(ENV, "plan", "-p", out.resolve("profile.yaml").toString());
        assertEquals(0, plan.exit(), plan.all());
        assertContains(plan.out(), "No changes. Live state matches the profile.");
    }

    @Test
    void export_unrepresentableLifecycle_leftOutWithWarning(URI endpoint, OSS oss) throws IOException {
        Path profile = dir.resolve("source.yaml");
        Files.writeString(
                profile, PlanApplyIT.profile(endpoint, "  it-exp-sized:\n    acl: private\n"), StandardCharsets.UTF_8);
        assertEquals(
                0,
                CliRun.run(ENV, "apply", "-p", profile.toString(), "--auto-approve")
                        .exit());
        LifecycleRule sized = new LifecycleRule("big", "logs/", LifecycleRule.RuleStatus.Enabled, 30);
        LifecycleFilter filter = new LifecycleFilter();
        filter.setObjectSizeGreaterThan(1024L);
        sized.setFilter(filter);
        SetBucketLifecycleRequest request = new SetBucketLifecycleRequest("it-exp-sized");
        request.AddLifecycleRule(sized);
        oss.setBucketLifecycle(request);
        Path out = dir.resolve("sized");

        CliRun export = CliRun.run(
                ENV, "export", "-p", profile.toString(), "--buckets", "it-exp-sized", "--out", out.toString());

        assertEquals(0, export.exit(), export.all());
        assertContains(
                export.err(),
                "warning: it-exp-sized.lifecycle left out: lifecycle rule big filters by object size, which a profile cannot express\n");
        assertFalse(Files.readString(out.resolve("profile.yaml")).contains("lifecycle"));
        assertEquals(
                0,
                CliRun.run(ENV, "plan", "-p", out.resolve("profile.yaml").toString(), "--detailed-exitcode")
                        .exit());
    }

    @Test
    void export_missingBucket_writesNothing(URI endpoint) throws IOException {
        Path profile = dir.resolve("source.yaml");
        Files.writeString(
                profile, PlanApplyIT.profile(endpoint, "  it-exp-x:\n    acl: private\n"), StandardCharsets.UTF_8);
        Path out = dir.resolve("none");

        CliRun export = CliRun.run(
                ENV, "export", "-p", profile.toString(), "--buckets", "it-exp-missing", "--out", out.toString());

        assertEquals(1, export.exit(), export.all());
        assertEquals("error: bucket it-exp-missing does not exist\nerror: nothing was written\n", export.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void export_ramAndCdn_roundTripsToZeroChanges(URI endpoint) throws IOException {
        Files.writeString(
                dir.resolve("app.json"),
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":[\"oss:GetObject\",\"oss:PutObject\"],\"Resource\":[\"acs:oss:*:*:it-exp-cdn/*\"]}]}");
        Files.writeString(
                dir.resolve("trust.json"),
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":[\"ecs.aliyuncs.com\"]}}]}");
        Path profile = dir.resolve("source.yaml");
        Files.writeString(
                profile,
                PlanApplyIT.profile(endpoint, "  it-exp-cdn:\n    acl: private\n") + """
                ram:
                  policies:
                    ExpAppRW: { document: app.json, description: app read-write }
                  roles:
                    exp-app-role:
                      trust: trust.json
                      maxSessionDuration: 7200
                      description: the app's role
                      policies: [ExpAppRW, AliyunOSSReadOnlyAccess]
                  users:
                    exp-app-user:
                      displayName: App User
                      policies: [ExpAppRW]
                cdn:
                  domains:
                    media.export.example.com:
                      type: web
                      origin: { ossBucket: it-exp-cdn }
                      privateOssAuth: true
                      https: { certificate: free }
                      cacheTtl:
                        - { fileTypes: [jpg, png], ttlSeconds: 3600 }
                        - { paths: [/static/], ttlSeconds: 86400 }
                """,
                StandardCharsets.UTF_8);
        CliRun apply = CliRun.run(ENV, "apply", "-p", profile.toString(), "--auto-approve");
        assertEquals(0, apply.exit(), apply.all());
        Path out = dir.resolve("account");

        CliRun export = CliRun.run(ENV, "export", "-p", profile.toString(), "--ram", "--cdn", "--out", out.toString());

        assertEquals(0, export.exit(), export.all());
        assertEquals("", export.err());
        String yaml = Files.readString(out.resolve("profile.yaml"));
        assertContains(
                yaml,
                "ram:\n  policies:\n    ExpAppRW:\n      description: \"app read-write\"\n"
                        + "      document: \"policies/ram-ExpAppRW.json\"\n");
        assertContains(
                yaml,
                "    exp-app-role:\n      description: \"the app's role\"\n      trust: \"policies/trust-exp-app-role.json\"\n"
                        + "      maxSessionDuration: 7200\n      policies:\n      - \"AliyunOSSReadOnlyAccess\"\n      - \"ExpAppRW\"\n");
        assertContains(
                yaml, "    exp-app-user:\n      displayName: \"App User\"\n      policies:\n      - \"ExpAppRW\"\n");
        assertContains(
                yaml,
                "cdn:\n  domains:\n    media.export.example.com:\n      type: \"web\"\n      origin:\n        ossBucket: \"it-exp-cdn\"\n"
                        + "      privateOssAuth: true\n      https:\n        certificate: \"free\"\n      cacheTtl:\n      - fileTypes:\n        - \"jpg\"\n"
                        + "        - \"png\"\n        ttlSeconds: 3600\n      - paths:\n        - \"/static/\"\n        ttlSeconds: 86400\n");
        // The trust document as RAM holds it (apply sent it in RAM's shape), not as the source profile spelled it.
        assertEquals(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"ecs.aliyuncs.com\"]},"
                        + "\"Action\":[\"sts:AssumeRole\"]}]}",
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(
                                out.resolve("policies/trust-exp-app-role.json").toFile())
                        .toString());
        CliRun plan = CliRun.run(ENV, "plan", "-p", out.resolve("profile.yaml").toString(), "--detailed-exitcode");
        assertEquals(0, plan.exit(), plan.all() + "\n" + yaml);
        assertTrue(plan.out().endsWith("No changes. Live state matches the profile.\n"), plan.out());
    }

    @Test
    void export_intoANonEmptyDirectory_refusesWithoutForceAndLeavesNothingStaleWithIt(URI endpoint) throws IOException {
        Path profile = dir.resolve("source.yaml");
        Files.writeString(
                profile,
                PlanApplyIT.profile(
                        endpoint,
                        "  it-exp-again:\n    acl: private\n"
                                + "    cors: { CORSRules: [{ AllowedOrigin: [\"https://a.example.com\"], AllowedMethod: [GET] }] }\n"),
                StandardCharsets.UTF_8);
        CliRun apply = CliRun.run(ENV, "apply", "-p", profile.toString(), "--auto-approve");
        assertEquals(0, apply.exit(), apply.all());
        Path out = dir.resolve("again");
        Files.createDirectories(out.resolve("cors"));
        Files.writeString(out.resolve("cors/it-exp-gone.json"), "{\"CORSRules\":[]}");
        Files.writeString(out.resolve("notes.md"), "mine");

        CliRun refused = CliRun.run(
                ENV, "export", "-p", profile.toString(), "--buckets", "it-exp-again", "--out", out.toString());

        assertEquals(1, refused.exit(), refused.all());
        assertEquals(
                "error: " + out
                        + " is not empty (cors, notes.md); pass --force to replace a previous export there (profile.yaml, "
                        + "cors/, lifecycle/ and policies/ are deleted first), or choose an empty directory\n",
                refused.err());
        assertEquals("", refused.out());
        assertFalse(Files.exists(out.resolve("profile.yaml")));

        CliRun forced = CliRun.run(
                ENV,
                "export",
                "-p",
                profile.toString(),
                "--buckets",
                "it-exp-again",
                "--out",
                out.toString(),
                "--force");

        assertEquals(0, forced.exit(), forced.all());
        assertFalse(Files.exists(out.resolve("cors/it-exp-gone.json")), "a stale document of the previous export");
        assertTrue(Files.exists(out.resolve("cors/it-exp-again.json")));
        assertEquals("mine", Files.readString(out.resolve("notes.md")));
    }

    @Test
    void export_liveNamesThatAreNoSafeFileNames_areErrorsAndNothingIsWritten(URI endpoint) throws IOException {
        Files.writeString(
                dir.resolve("doc.json"),
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":[\"oss:GetObject\"],\"Resource\":[\"acs:oss:*:*:it-exp-hostile/*\"]}]}");
        Files.writeString(
                dir.resolve("trust.json"),
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":[\"ecs.aliyuncs.com\"]}}]}");
        Path source = dir.resolve("source.yaml");
        Files.writeString(
                source,
                PlanApplyIT.profile(endpoint, "  it-exp-hostile:\n    acl: private\n") + """
                ram:
                  policies:
                    ExpHostilePolicy: { document: doc.json }
                  roles:
                    exp-hostile-role: { trust: trust.json }
                  users:
                    exp-hostile-user: {}
                """,
                StandardCharsets.UTF_8);
        CliRun apply = CliRun.run(ENV, "apply", "-p", source.toString(), "--auto-approve");
        assertEquals(0, apply.exit(), apply.all());
        // The names as a hostile endpoint might send them: JSON and XML text, so \\ and \\n are escapes.
        try (TamperingProxy hostile = TamperingProxy.replacingInAnswers(
                endpoint,
                Map.of(
                        "<Name>it-exp-hostile<",
                        "<Name>../../it-exp-hostile<",
                        "\"ExpHostilePolicy\"",
                        "\"../ExpHostilePolicy\"",
                        "\"exp-hostile-role\"",
                        "\"..\\\\..\\\\evil-role\"",
                        "\"exp-hostile-user\"",
                        "\"user\\nforged\""))) {
            Path profile = dir.resolve("via-proxy.yaml");
            Files.writeString(
                    profile,
                    PlanApplyIT.profile(hostile.endpoint(), "  it-exp-hostile:\n    acl: private\n"),
                    StandardCharsets.UTF_8);
            Path out = dir.resolve("hostile");

            CliRun export = CliRun.run(ENV, "export", "-p", profile.toString(), "--ram", "--out", out.toString());

            assertEquals(1, export.exit(), export.all());
            assertContains(
                    export.err(),
                    "error: the service returned an invalid bucket name \"../../it-exp-hostile\" (use 3-63 lowercase "
                            + "letters, digits and hyphens, starting and ending with a letter or digit); it was not exported\n");
            assertContains(
                    export.err(),
                    "error: the service returned an invalid RAM policy name \"../ExpHostilePolicy\" (use 1-128 "
                            + "letters, digits and hyphens); it was not exported\n");
            assertContains(
                    export.err(),
                    "error: the service returned an invalid RAM role name \"..\\\\..\\\\evil-role\" (use 1-64 letters, "
                            + "digits, periods and hyphens); it was not exported\n");
            assertContains(
                    export.err(),
                    "error: the service returned an invalid RAM user name \"user\\nforged\" (use 1-64 letters, "
                            + "digits, periods, hyphens and underscores); it was not exported\n");
            assertTrue(export.err().endsWith("error: nothing was written\n"), export.err());
            assertFalse(Files.exists(out));
            try (var files = Files.walk(dir)) {
                assertEquals(
                        List.of(),
                        files.filter(p -> p.getFileName().toString().contains("evil")
                                        || p.getFileName().toString().contains("Hostile"))
                                .toList());
            }
        }
    }
}
