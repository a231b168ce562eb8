package dev.ossops.cli;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.BucketVersioningConfiguration;
import com.aliyun.oss.model.CannedAccessControlList;
import com.aliyun.oss.model.LifecycleRule;
import com.aliyun.oss.model.PutBucketPublicAccessBlockRequest;
import com.aliyun.oss.model.ServerSideEncryptionByDefault;
import com.aliyun.oss.model.ServerSideEncryptionConfiguration;
import com.aliyun.oss.model.SetBucketEncryptionRequest;
import com.aliyun.oss.model.SetBucketLifecycleRequest;
import com.aliyun.oss.model.SetBucketLoggingRequest;
import com.aliyun.oss.model.SetBucketVersioningRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.ossops.common.AccessKeys;
import dev.ossops.emulator.EmulatorExtension;
import dev.ossops.emulator.TestRootKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.ossops.cli.CliRun.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ossops audit} against the emulator: one bucket per check, seeded through the official SDK with the root key,
 * audited through {@code Main.run}. Assertions look at buckets only: on this branch RAM, STS and CDN are not served on
 * the emulator's OSS port, so those checks report unknown results (covered against the RPC emulator by
 * {@code LiveCollectorIT}).
 */
@ExtendWith(EmulatorExtension.class)
class AuditIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BUCKET_ARN = "acs:oss:*:*:";
    private static final List<String> PUBLIC_CHECKS = List.of(
            "OSS-BUCKET-ACL-PUBLIC-WRITE",
            "OSS-BUCKET-ACL-PUBLIC-READ",
            "OSS-BUCKET-POLICY-PUBLIC-WRITE",
            "OSS-BUCKET-POLICY-PUBLIC-READ",
            "OSS-BUCKET-PUBLIC-ACCESS-BLOCKED",
            "OSS-OBJECT-ACL-PUBLIC");

    @TempDir
    Path dir;

    @BeforeAll
    static void seed(OSS oss) {
        oss.createBucket("au-public-write");
        oss.setBucketAcl("au-public-write", CannedAccessControlList.PublicReadWrite);
        oss.createBucket("au-public-read");
        oss.setBucketAcl("au-public-read", CannedAccessControlList.PublicRead);
        oss.createBucket("au-blocked");
        oss.setBucketAcl("au-blocked", CannedAccessControlList.PublicRead);
        oss.putBucketPublicAccessBlock(new PutBucketPublicAccessBlockRequest("au-blocked", true));
        oss.createBucket("au-https-only");
        oss.setBucketPolicy(
                "au-https-only",
                anonymousRead("au-https-only", "\"Condition\": {\"Bool\": {\"acs:SecureTransport\": [\"true\"]}}"));
        oss.createBucket("au-ip-pinned");
        oss.setBucketPolicy(
                "au-ip-pinned",
                anonymousRead(
                        "au-ip-pinned",
                        "\"Condition\": {\"IpAddress\": {\"acs:SourceIp\": [\"192.168.0.0/16\"]}, "
                                + "\"StringNotLike\": {\"acs:SourceVpc\": [\"vpc-*\"]}}"));
        oss.createBucket("au-deny-wins");
        oss.setBucketPolicy(
                "au-deny-wins",
                "{\"Version\": \"1\", \"Statement\": ["
                        + "{\"Effect\": \"Allow\", \"Principal\": [\"*\"], \"Action\": [\"oss:GetObject\"], \"Resource\": [\"acs:oss:*:*:au-deny-wins/*\"]},"
                        + "{\"Effect\": \"Deny\", \"Principal\": [\"*\"], \"Action\": [\"oss:GetObject\"], \"Resource\": [\"acs:oss:*:*:au-deny-wins/*\"]}]}");
        oss.createBucket("au-object-acl");
        for (String key : List.of("a-inherits", "b-public", "c-private")) {
            oss.putObject("au-object-acl", key, new ByteArrayInputStream(new byte[] {1}));
        }
        oss.setObjectAcl("au-object-acl", "b-public", CannedAccessControlList.PublicRead);
        oss.setObjectAcl("au-object-acl", "c-private", CannedAccessControlList.Private);
        oss.createBucket("au-odd-keys");
        for (String key : List.of("a\0nul", "b\u0007bell")) {
            oss.putObject("au-odd-keys", key, new ByteArrayInputStream(new byte[] {1}));
        }
        oss.setObjectAcl("au-odd-keys", "a\0nul", CannedAccessControlList.PublicRead);
        oss.createBucket("au-logs");
        harden(oss, "au-hardened");
        oss.createBucket("au-unreadable");
    }

    private static String anonymousRead(String bucket, String condition) {
        return "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": [\"*\"], "
                + "\"Action\": [\"oss:GetObject\"], \"Resource\": [\"acs:oss:*:*:" + bucket + "/*\"], " + condition
                + "}]}";
    }

    /** Every bucket check passes: encryption, versioning, logging, lifecycle, an HTTPS-only policy. */
    private static void harden(OSS oss, String bucket) {
        oss.createBucket(bucket);
        ServerSideEncryptionConfiguration sse = new ServerSideEncryptionConfiguration();
        sse.setApplyServerSideEncryptionByDefault(new ServerSideEncryptionByDefault("AES256"));
        oss.setBucketEncryption(new SetBucketEncryptionRequest(bucket, sse));
        oss.setBucketVersioning(new SetBucketVersioningRequest(bucket, new BucketVersioningConfiguration("Enabled")));
        SetBucketLoggingRequest logging = new SetBucketLoggingRequest(bucket);
        logging.setTargetBucket("au-logs");
        logging.setTargetPrefix(bucket + "/");
        oss.setBucketLogging(logging);
        LifecycleRule abort = new LifecycleRule("abort", "", LifecycleRule.RuleStatus.Enabled);
        abort.setAbortMultipartUpload(new LifecycleRule.AbortMultipartUpload(3));
        LifecycleRule noncurrent = new LifecycleRule("noncurrent", "", LifecycleRule.RuleStatus.Enabled);
        noncurrent.setNoncurrentVersionExpiration(new LifecycleRule.NoncurrentVersionExpiration(90));
        SetBucketLifecycleRequest lifecycle = new SetBucketLifecycleRequest(bucket);
        lifecycle.AddLifecycleRule(abort);
        lifecycle.AddLifecycleRule(noncurrent);
        oss.setBucketLifecycle(lifecycle);
        oss.setBucketPolicy(
                bucket,
                "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Deny\", \"Principal\": [\"*\"], "
                        + "\"Action\": [\"oss:GetObject\", \"oss:PutObject\", \"oss:DeleteObject\"], \"Resource\": [\"acs:oss:*:*:"
                        + bucket + "/*\"], "
                        + "\"Condition\": {\"Bool\": {\"acs:SecureTransport\": [\"false\"]}}}]}");
    }

    private Path profile(URI endpoint, String extra) throws IOException {
        Path file = dir.resolve("audit.yaml");
        Files.writeString(
                file,
                "apiVersion: ossops/v1\nkind: Profile\nname: audit-it\nregion: cn-hangzhou\nendpoint: " + endpoint
                        + "\ncredentials:\n  source: env\nbuckets:\n  au-public-read:\n    acl: private\n" + extra,
                StandardCharsets.UTF_8);
        return file;
    }

    private CliRun audit(URI endpoint, String... args) throws IOException {
        List<String> all =
                new ArrayList<>(List.of("audit", "-p", profile(endpoint, "").toString()));
        all.addAll(List.of(args));
        return CliRun.run(PlanApplyIT.ENV, all.toArray(String[]::new));
    }

    /** {@code severity check resource} of every finding on {@code bucket} (its objects included), in report order. */
    private static List<String> findings(JsonNode report, String bucket, List<String> checks) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            String resource = f.get("resource").asText();
            boolean onBucket = resource.equals(BUCKET_ARN + bucket) || resource.startsWith(BUCKET_ARN + bucket + "/");
            if (onBucket && (checks.isEmpty() || checks.contains(f.get("check").asText()))) {
                out.add(f.get("severity").asText() + " " + f.get("check").asText() + " " + resource);
            }
        }
        return out;
    }

    private static JsonNode json(CliRun run) throws IOException {
        return JSON.readTree(run.out());
    }

    @Test
    void audit_publicAclsAndBlockPublicAccess_exactFindings(URI endpoint) throws IOException {
        CliRun run = audit(endpoint, "--buckets", "au-public-write,au-public-read,au-blocked", "--format", "json");

        assertEquals(3, run.exit(), run.err());
        JsonNode report = json(run);
        assertEquals(
                List.of("critical OSS-BUCKET-ACL-PUBLIC-WRITE acs:oss:*:*:au-public-write"),
                findings(report, "au-public-write", PUBLIC_CHECKS));
        assertEquals(
                List.of("high OSS-BUCKET-ACL-PUBLIC-READ acs:oss:*:*:au-public-read"),
                findings(report, "au-public-read", PUBLIC_CHECKS));
        // Block Public Access on the bucket neutralises the public ACL: only the info finding remains.
        assertEquals(
                List.of("info OSS-BUCKET-PUBLIC-ACCESS-BLOCKED acs:oss:*:*:au-blocked"),
                findings(report, "au-blocked", PUBLIC_CHECKS));
        // The profile names au-public-read, so its finding points at the line of its key.
        for (JsonNode f : report.get("findings")) {
            if (f.get("resource").asText().equals("acs:oss:*:*:au-public-read")) {
                assertEquals(
                        dir.resolve("audit.yaml") + ":9:3",
                        f.get("profile_location").asText());
            }
        }
    }

    @Test
    void audit_withoutProfile_regionAndDefaultCredentials_sameFindings(URI endpoint) throws IOException {
        CliRun run = CliRun.run(
                PlanApplyIT.ENV,
                "audit",
                "--region",
                "cn-hangzhou",
                "--endpoint",
                endpoint.toString(),
                "--buckets",
                "au-public-write,au-public-read,au-blocked",
                "--format",
                "json");

        assertEquals(3, run.exit(), run.err());
        assertEquals(
                "No profile: the account of the default credentials, region cn-hangzhou\n" + "Endpoint: " + endpoint
                        + "; credentials from environment variable ALIBABA_CLOUD_ACCESS_KEY_ID\n\n",
                run.err());
        JsonNode report = json(run);
        assertEquals(
                List.of("critical OSS-BUCKET-ACL-PUBLIC-WRITE acs:oss:*:*:au-public-write"),
                findings(report, "au-public-write", PUBLIC_CHECKS));
        assertEquals(
                List.of("high OSS-BUCKET-ACL-PUBLIC-READ acs:oss:*:*:au-public-read"),
                findings(report, "au-public-read", PUBLIC_CHECKS));
        assertEquals(
                List.of("info OSS-BUCKET-PUBLIC-ACCESS-BLOCKED acs:oss:*:*:au-blocked"),
                findings(report, "au-blocked", PUBLIC_CHECKS));
    }

    @Test
    void audit_withoutProfile_everyListableBucketAndNoWarning(URI endpoint) throws IOException {
        CliRun run = CliRun.run(
                PlanApplyIT.ENV,
                "audit",
                "--region",
                "cn-hangzhou",
                "--endpoint",
                endpoint.toString(),
                "--format",
                "json",
                "--objects",
                "0");

        JsonNode report = json(run);
        List<String> audited = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            String resource = f.get("resource").asText();
            if (resource.startsWith(BUCKET_ARN)
                    && !resource.substring(BUCKET_ARN.length()).contains("/")) {
                audited.add(resource.substring(BUCKET_ARN.length()));
            }
        }
        for (String bucket : List.of("au-public-write", "au-public-read", "au-logs")) {
            assertTrue(audited.contains(bucket), bucket + " not audited: " + audited);
        }
        // The emulator answers ListAccessKeys for the account, so nothing is guessed.
        assertFalse(run.err().contains("warning:"), run.err());
    }

    @Test
    void audit_wrongSecret_oneErrorNamingTheKeyAndItsSource(URI endpoint) throws IOException {
        Map<String, String> env = Map.of(
                "ALIBABA_CLOUD_ACCESS_KEY_ID", TestRootKey.ID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "not-the-secret");

        CliRun run = CliRun.run(env, "audit", "-p", profile(endpoint, "").toString(), "--format", "json");

        assertEquals(1, run.exit(), run.all());
        assertEquals("", run.out());
        assertTrue(
                run.err()
                        .endsWith("error: the AccessKey " + AccessKeys.mask(TestRootKey.ID)
                                + " from environment variable ALIBABA_CLOUD_ACCESS_KEY_ID was rejected by " + endpoint
                                + " (GetCallerIdentity failed: SDK.InvalidAccessKeySecret: Specified Access Key Secret"
                                + " is not valid.); nothing was read\n"),
                run.err());
    }

    @Test
    void audit_conditionalAndDenyPolicies_onlyHttpsConditionStaysPublic(URI endpoint) throws IOException {
        CliRun run = audit(endpoint, "--buckets", "au-https-only,au-ip-pinned,au-deny-wins", "--format", "json");

        assertEquals(3, run.exit(), run.err());
        JsonNode report = json(run);
        assertEquals(
                List.of("high OSS-BUCKET-POLICY-PUBLIC-READ acs:oss:*:*:au-https-only"),
                findings(report, "au-https-only", PUBLIC_CHECKS));
        assertEquals(List.of(), findings(report, "au-ip-pinned", PUBLIC_CHECKS));
        assertEquals(List.of(), findings(report, "au-deny-wins", PUBLIC_CHECKS));
    }

    @Test
    void audit_objectAclSample_publicObjectFoundAndTruncationHonoured(URI endpoint) throws IOException {
        CliRun all = audit(endpoint, "--buckets", "au-object-acl", "--format", "json");
        CliRun first = audit(endpoint, "--buckets", "au-object-acl", "--format", "json", "--objects", "1");

        assertEquals(3, all.exit(), all.err());
        assertEquals(
                List.of("high OSS-OBJECT-ACL-PUBLIC acs:oss:*:*:au-object-acl/b-public"),
                findings(json(all), "au-object-acl", PUBLIC_CHECKS));
        // Only a-inherits is sampled: it inherits the private bucket ACL.
        assertEquals(List.of(), findings(json(first), "au-object-acl", PUBLIC_CHECKS));
    }

    /** A key XML 1.0 cannot carry used to make the listing unparsable and the bucket "unknown". */
    @Test
    void audit_objectKeysXmlCannotCarry_areSampledNotUnknown(URI endpoint) throws IOException {
        CliRun run = audit(endpoint, "--buckets", "au-odd-keys", "--format", "json", "--objects", "10");

        assertEquals(3, run.exit(), run.err());
        JsonNode report = json(run);
        assertEquals(
                List.of("high OSS-OBJECT-ACL-PUBLIC acs:oss:*:*:au-odd-keys/a\0nul"),
                findings(report, "au-odd-keys", PUBLIC_CHECKS));
        List<String> unknown = new ArrayList<>();
        report.get("unknown").forEach(u -> {
            if (u.get("resource").asText().startsWith(BUCKET_ARN + "au-odd-keys")) {
                unknown.add(u.get("check").asText());
            }
        });
        assertEquals(List.of(), unknown);
    }

    @Test
    void audit_hardenedBucket_noFindings(URI endpoint) throws IOException {
        CliRun run = audit(endpoint, "--buckets", "au-hardened", "--format", "json");

        assertEquals(List.of(), findings(json(run), "au-hardened", List.of()), run.out());
    }

    @Test
    void audit_defaultBucket_everyHygieneFinding(URI endpoint) throws IOException {
        CliRun run = audit(endpoint, "--buckets", "au-logs", "--format", "json");

        assertEquals(
                List.of(
                        "medium OSS-BUCKET-ENCRYPTION-MISSING acs:oss:*:*:au-logs",
                        "medium OSS-BUCKET-HTTPS-NOT-ENFORCED acs:oss:*:*:au-logs",
                        "medium OSS-BUCKET-LOGGING-DISABLED acs:oss:*:*:au-logs",
                        "medium OSS-BUCKET-VERSIONING-DISABLED acs:oss:*:*:au-logs",
                        "low OSS-BUCKET-LIFECYCLE-NO-ABORT-MULTIPART acs:oss:*:*:au-logs"),
                findings(json(run), "au-logs", List.of()));
    }

    @Test
    void audit_failOnLevels_exitCodes(URI endpoint) throws IOException {
        // au-public-read: one high finding, mediums and a low.
        assertEquals(3, audit(endpoint, "--buckets", "au-public-read").exit());
        assertEquals(
                3,
                audit(endpoint, "--buckets", "au-public-read", "--fail-on", "HIGH")
                        .exit());
        assertEquals(
                3,
                audit(endpoint, "--buckets", "au-public-read", "--fail-on", "low")
                        .exit());
        assertEquals(
                3,
                audit(endpoint, "--buckets", "au-public-write", "--fail-on", "critical")
                        .exit());
        // Nothing critical on au-public-read, and nothing fails with --fail-on none.
        assertEquals(
                0,
                audit(endpoint, "--buckets", "au-public-read", "--fail-on", "critical")
                        .exit());
        assertEquals(
                0,
                audit(endpoint, "--buckets", "au-public-write", "--fail-on", "none")
                        .exit());
        CliRun bad = audit(endpoint, "--fail-on", "severe");
        assertEquals(1, bad.exit());
        assertEquals("error: --fail-on must be one of critical, high, medium, low, none; got severe\n", bad.err());
    }

    @Test
    void audit_text_headerFindingsAndSummary(URI endpoint) throws IOException {
        CliRun run = audit(endpoint, "--buckets", "au-public-write", "--fail-on", "critical");

        assertEquals(3, run.exit());
        assertTrue(
                run.out()
                        .startsWith(
                                "Profile audit-it (" + dir.resolve("audit.yaml") + "), region cn-hangzhou\nEndpoint: "
                                        + endpoint
                                        + "; credentials from environment variable ALIBABA_CLOUD_ACCESS_KEY_ID\n\nCRITICAL (1)\n"),
                run.out());
        assertContains(run.out(), "  OSS-BUCKET-ACL-PUBLIC-WRITE ");
        assertContains(run.out(), "bucket au-public-write has ACL public-read-write");
        assertFalse(run.out().contains("\u001b["), "no colour when not interactive");
    }

    @Test
    void audit_textOnATerminal_severityHeadingsColoured(URI endpoint) throws IOException {
        CliRun run = CliRun.interactive(
                PlanApplyIT.ENV, "", "audit", "-p", profile(endpoint, "").toString(), "--buckets", "au-public-write");

        assertEquals(3, run.exit());
        assertContains(run.out(), "\n\u001b[31mCRITICAL (1)\u001b[0m\n");
        assertContains(run.out(), "\n\u001b[33mMEDIUM (4)\u001b[0m\n");
    }

    @Test
    void audit_sarif_validAgainstTheSchema(URI endpoint) throws IOException {
        Path out = dir.resolve("audit.sarif");
        CliRun run = audit(
                endpoint,
                "--buckets",
                "au-public-read,au-blocked,au-object-acl",
                "--format",
                "sarif",
                "--out",
                out.toString());

        assertEquals(3, run.exit(), run.err());
        assertEquals("", run.out());
        assertContains(run.err(), "Wrote the sarif report to " + out + "\n");
        JsonNode sarif = JSON.readTree(Files.readString(out));
        try (InputStream in = AuditIT.class.getResourceAsStream("/audit/sarif/sarif-schema-2.1.0.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                    .getSchema(
                            JSON.readTree(in),
                            SchemaValidatorsConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .build());
            assertEquals(Set.of(), schema.validate(sarif));
        }
        List<String> results = new ArrayList<>();
        sarif.at("/runs/0/results")
                .forEach(r -> results.add(
                        r.get("ruleId").asText() + " " + r.get("level").asText()));
        assertTrue(results.contains("OSS-BUCKET-ACL-PUBLIC-READ error"), results.toString());
        assertTrue(results.contains("OSS-OBJECT-ACL-PUBLIC error"), results.toString());
        assertTrue(results.contains("OSS-BUCKET-PUBLIC-ACCESS-BLOCKED note"), results.toString());
    }

    @Test
    void audit_ignoreFile_activeSuppressesExpiredReported(URI endpoint) throws IOException {
        Path ignore = dir.resolve("ignore.yaml");
        Files.writeString(ignore, """
                - check: OSS-BUCKET-ACL-PUBLIC-READ
                  resource: "acs:oss:*:*:au-public-*"
                  reason: public website, OPS-123
                  expires: 2026-12-31
                - check: OSS-BUCKET-ACL-PUBLIC-WRITE
                  resource: "acs:oss:*:*:au-public-write"
                  reason: drop box, OPS-7
                  expires: 2026-11-20
                """);

        CliRun run = audit(
                endpoint,
                "--buckets",
                "au-public-read,au-public-write",
                "--format",
                "json",
                "--ignore-file",
                ignore.toString());

        assertEquals(3, run.exit(), run.err());
        JsonNode report = json(run);
        assertEquals(List.of(), findings(report, "au-public-read", PUBLIC_CHECKS));
        // Expired the day before the run's clock (2026-11-21): reported again, and listed as expired.
        assertEquals(
                List.of("critical OSS-BUCKET-ACL-PUBLIC-WRITE acs:oss:*:*:au-public-write"),
                findings(report, "au-public-write", PUBLIC_CHECKS));
        assertEquals(1, report.get("suppressed").size());
        assertEquals(
                "OSS-BUCKET-ACL-PUBLIC-READ", report.at("/suppressed/0/check").asText());
        assertEquals(
                "public website, OPS-123",
                report.at("/suppressed/0/suppression/reason").asText());
        assertEquals(1, report.get("expired_suppressions").size());
        assertEquals(
                "drop box, OPS-7", report.at("/expired_suppressions/0/reason").asText());
    }

    @Test
    void audit_invalidIgnoreFile_locatedErrorsExit1(URI endpoint) throws IOException {
        Path ignore = dir.resolve("ignore.yaml");
        Files.writeString(
                ignore, "- check: OSS-BUCKET-ACL-PUBLIC-READ\n  resource: \"*\"\n  reason: x\n  expires: 2026-02-30\n");

        CliRun run = audit(endpoint, "--ignore-file", ignore.toString());

        assertEquals(1, run.exit());
        assertEquals(
                "error: " + ignore + " is not a valid ignore file:\n  " + ignore
                        + ":4:12: [0].expires: \"2026-02-30\" is not a calendar date\n",
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void audit_fix_writesFilesAndNeverOverwritesWithoutForce(URI endpoint) throws IOException {
        Path fixes = dir.resolve("fixes");

        CliRun first = audit(endpoint, "--buckets", "au-public-write", "--fix", fixes.toString());
        CliRun again = audit(endpoint, "--buckets", "au-public-write", "--fix", fixes.toString());
        CliRun forced = audit(endpoint, "--buckets", "au-public-write", "--fix", fixes.toString(), "--force");

        assertEquals(3, first.exit(), first.err());
        assertContains(first.out(), "Wrote " + fixes.resolve("ossops-fixes.yaml") + "\n");
        assertContains(first.out(), "Wrote " + fixes.resolve("lifecycle/abort-incomplete-uploads.json") + "\n");
        assertContains(first.out(), "Wrote " + fixes.resolve("policies/au-public-write-https-only.json") + "\n");
        String fragment = Files.readString(fixes.resolve("ossops-fixes.yaml"));
        assertContains(fragment, "buckets:\n  au-public-write:\n");
        assertContains(fragment, "    acl: private\n");
        assertEquals(1, again.exit());
        assertContains(again.err(), "error: --fix would overwrite " + fixes.resolve("ossops-fixes.yaml"));
        assertContains(again.err(), "; remove them or add --force\n");
        assertEquals(3, forced.exit(), forced.err());
    }

    @Test
    void audit_unreadableBucketPolicy_unknownAndOthersStillAudited(URI endpoint) throws IOException {
        try (AuditFailingProxy proxy = new AuditFailingProxy(endpoint, "au-unreadable")) {
            CliRun run = CliRun.run(
                    PlanApplyIT.ENV,
                    "audit",
                    "-p",
                    profile(proxy.endpoint(), "").toString(),
                    "--buckets",
                    "au-unreadable,au-hardened",
                    "--format",
                    "json");

            assertEquals(1, run.exit(), run.err());
            JsonNode report = json(run);
            List<String> unknown = new ArrayList<>();
            report.get("unknown").forEach(u -> {
                if (u.get("resource").asText().startsWith(BUCKET_ARN)) {
                    unknown.add(
                            u.get("check").asText() + " " + u.get("resource").asText() + ": "
                                    + u.get("reason").asText());
                }
            });
            String failed =
                    "GetBucketPolicy au-unreadable failed: AccessDenied: You have no right to access this object "
                            + "because of bucket acl. (request id 5C3D9175B6FC201293AD1B2F)";
            String policy = "the bucket policy could not be read: ";
            // Every check that needs the policy says so; the public-access checks word it twice (audit core).
            assertEquals(
                    List.of(
                            "OSS-BUCKET-HTTPS-NOT-ENFORCED acs:oss:*:*:au-unreadable: " + policy + failed,
                            "OSS-BUCKET-POLICY-PUBLIC-READ acs:oss:*:*:au-unreadable: " + policy + policy + failed,
                            "OSS-BUCKET-POLICY-PUBLIC-WRITE acs:oss:*:*:au-unreadable: " + policy + policy + failed),
                    unknown);
            // The other readable configurations of the same bucket, and the other bucket, are still judged.
            assertEquals(
                    List.of(
                            "medium OSS-BUCKET-ENCRYPTION-MISSING acs:oss:*:*:au-unreadable",
                            "medium OSS-BUCKET-LOGGING-DISABLED acs:oss:*:*:au-unreadable",
                            "medium OSS-BUCKET-VERSIONING-DISABLED acs:oss:*:*:au-unreadable",
                            "low OSS-BUCKET-LIFECYCLE-NO-ABORT-MULTIPART acs:oss:*:*:au-unreadable"),
                    findings(report, "au-unreadable", List.of()));
            assertEquals(List.of(), findings(report, "au-hardened", List.of()));
        }
    }

    @Test
    void audit_namedBucketMissing_unknownExit1(URI endpoint) throws IOException {
        CliRun run = audit(endpoint, "--buckets", "au-no-such-bucket", "--format", "json");

        assertEquals(1, run.exit());
        JsonNode report = json(run);
        assertEquals(List.of(), findings(report, "au-no-such-bucket", List.of()));
        boolean named = false;
        for (JsonNode u : report.get("unknown")) {
            if (u.get("resource").asText().equals("acs:oss:*:*:au-no-such-bucket")) {
                named = true;
                assertContains(
                        u.get("reason").asText(),
                        "bucket au-no-such-bucket is not among the account's buckets (ListBuckets)");
            }
        }
        assertTrue(named, run.out());
    }
}
