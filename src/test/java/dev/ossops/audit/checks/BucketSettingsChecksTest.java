package dev.ossops.audit.checks;

import dev.ossops.audit.Evidence;
import dev.ossops.audit.Finding;
import dev.ossops.audit.Observed;
import dev.ossops.audit.ProfileChange;
import dev.ossops.audit.Unknown;
import dev.ossops.policy.PolicyParser;
import dev.ossops.policy.PolicyType;
import dev.ossops.spec.model.Bucket;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ossops.audit.Fixture.abortRule;
import static dev.ossops.audit.Fixture.account;
import static dev.ossops.audit.Fixture.bucket;
import static dev.ossops.audit.Fixture.noncurrentRule;
import static dev.ossops.audit.checks.CheckAssert.onlyFinding;
import static dev.ossops.audit.checks.CheckAssert.onlyUnknown;
import static dev.ossops.audit.checks.CheckAssert.passes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class BucketSettingsChecksTest {

    @Test
    void encryption_none_mediumFindingWithAes256Fix() {
        Finding f = onlyFinding(
                new EncryptionCheck(),
                account(bucket("media").encryption(Observed.absent()).build()).build());
        assertEquals("OSS-BUCKET-ENCRYPTION-MISSING", f.rule().id());
        assertEquals("bucket media has no default server-side encryption", f.message());
        assertEquals(new Evidence("buckets.media.encryption", "none", "AES256, KMS or SM4"), f.evidence());
        assertEquals(
                List.of(new ProfileChange.SetValue(
                        List.of("buckets", "media", "encryption"), Map.of("algorithm", "AES256"))),
                f.changes());
    }

    @Test
    void encryption_kms_passes() {
        passes(
                new EncryptionCheck(),
                account(bucket("media")
                                .encryption(Observed.found(new Bucket.Encryption("KMS", Optional.of("key-1"))))
                                .build())
                        .build());
    }

    @Test
    void encryption_unreadable_unknown() {
        Unknown u = onlyUnknown(
                new EncryptionCheck(),
                account(bucket("media")
                                .encryption(Observed.unreadable("AccessDenied"))
                                .build())
                        .build());
        assertEquals("the encryption configuration could not be read: AccessDenied", u.reason());
    }

    @Test
    void versioning_suspended_findingWithEnabledFix() {
        Finding f = onlyFinding(
                new VersioningCheck(),
                account(bucket("media").versioning(Observed.found("Suspended")).build())
                        .build());
        assertEquals("bucket media versioning is Suspended", f.message());
        assertEquals(new Evidence("buckets.media.versioning", "Suspended", "Enabled"), f.evidence());
        assertEquals(
                List.of(new ProfileChange.SetValue(List.of("buckets", "media", "versioning"), "Enabled")), f.changes());
    }

    @Test
    void versioning_neverEnabled_finding() {
        Finding f = onlyFinding(
                new VersioningCheck(),
                account(bucket("media").versioning(Observed.absent()).build()).build());
        assertEquals("bucket media versioning is never enabled", f.message());
    }

    @Test
    void versioning_enabled_passes() {
        passes(new VersioningCheck(), account(bucket("media").build()).build());
    }

    @Test
    void logging_off_findingWithoutAutomaticFix() {
        Finding f = onlyFinding(
                new LoggingCheck(),
                account(bucket("media").logging(Observed.absent()).build()).build());
        assertEquals("OSS-BUCKET-LOGGING-DISABLED", f.rule().id());
        assertEquals(
                "set buckets.media.logging: {targetBucket: <a private log bucket in cn-beijing>, prefix: media/} "
                        + "in the profile, then run ossops plan",
                f.remediation());
        assertEquals(List.of(), f.changes());
    }

    @Test
    void logging_on_passes() {
        passes(new LoggingCheck(), account(bucket("media").build()).build());
    }

    @Test
    void https_noPolicy_findingWithHttpsOnlyPolicyDocument() {
        Finding f = onlyFinding(
                new HttpsCheck(),
                account(bucket("media").policy(Observed.absent()).build()).build());
        assertEquals("OSS-BUCKET-HTTPS-NOT-ENFORCED", f.rule().id());
        assertEquals("bucket media has no bucket policy, so plain HTTP requests are accepted", f.message());
        ProfileChange.Document doc =
                assertInstanceOf(ProfileChange.Document.class, f.changes().get(0));
        assertEquals("policies/media-https-only.json", doc.file());
        assertEquals(List.of("buckets", "media", "policy"), doc.path());
        // The generated document must itself pass the check.
        passes(
                new HttpsCheck(),
                account(bucket("media").policy(Observed.found(doc.content())).build())
                        .build());
        assertEquals(
                1,
                PolicyParser.parse(doc.content(), PolicyType.BUCKET)
                        .statements()
                        .size());
    }

    @Test
    void https_policyWithoutSecureTransportDeny_findingNamesFirstGap() {
        String readOnly = "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": [\"200000\"], "
                + "\"Action\": [\"oss:GetObject\"], \"Resource\": [\"acs:oss:*:*:media/*\"]}]}";
        Finding f = onlyFinding(
                new HttpsCheck(),
                account(bucket("media").policy(Observed.found(readOnly)).build())
                        .build());
        assertEquals(
                "the bucket policy of media does not deny plain HTTP: oss:GetObject over HTTP by anonymous callers "
                        + "is not denied",
                f.message());
        assertEquals(List.of(), f.changes());
    }

    @Test
    void https_denyLimitedToAPrefix_finding() {
        String prefixOnly = "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Deny\", \"Principal\": [\"*\"], "
                + "\"Action\": [\"oss:*\"], \"Resource\": [\"acs:oss:*:*:media/private/*\"], "
                + "\"Condition\": {\"Bool\": {\"acs:SecureTransport\": [\"false\"]}}}]}";
        onlyFinding(
                new HttpsCheck(),
                account(bucket("media").policy(Observed.found(prefixOnly)).build())
                        .build());
    }

    @Test
    void https_secureTransportDeny_passes() {
        passes(new HttpsCheck(), account(bucket("media").build()).build());
    }

    @Test
    void abortMultipart_noRules_findingWithShippedLifecycleDocument() {
        Finding f = onlyFinding(
                new AbortMultipartCheck(),
                account(bucket("media").lifecycle(Observed.absent()).build()).build());
        assertEquals("bucket media has no enabled lifecycle rule aborting incomplete multipart uploads", f.message());
        ProfileChange.Document doc =
                assertInstanceOf(ProfileChange.Document.class, f.changes().get(0));
        assertEquals("lifecycle/abort-incomplete-uploads.json", doc.file());
        assertEquals(true, doc.append());
    }

    @Test
    void abortMultipart_onlyForAPrefix_finding() {
        Finding f = onlyFinding(
                new AbortMultipartCheck(),
                account(bucket("media")
                                .lifecycle(Observed.found(List.of(abortRule("tmp/"))))
                                .build())
                        .build());
        assertEquals(
                "bucket media has no enabled lifecycle rule aborting incomplete multipart uploads for the whole "
                        + "bucket",
                f.message());
        assertEquals("AbortMultipartUpload for some prefixes only", f.evidence().actual());
    }

    @Test
    void abortMultipart_wholeBucketRule_passes() {
        passes(new AbortMultipartCheck(), account(bucket("media").build()).build());
    }

    @Test
    void noncurrentExpiration_versionedWithoutRule_finding() {
        Finding f = onlyFinding(
                new NoncurrentExpirationCheck(),
                account(bucket("media")
                                .lifecycle(Observed.found(List.of(abortRule(""))))
                                .build())
                        .build());
        assertEquals("bucket media keeps noncurrent versions forever", f.message());
        assertEquals(
                "lifecycle/noncurrent-version-expiration.json",
                assertInstanceOf(ProfileChange.Document.class, f.changes().get(0))
                        .file());
    }

    @Test
    void noncurrentExpiration_unversionedBucket_notApplicable() {
        passes(
                new NoncurrentExpirationCheck(),
                account(bucket("media")
                                .versioning(Observed.found("Suspended"))
                                .lifecycle(Observed.absent())
                                .build())
                        .build());
    }

    @Test
    void noncurrentExpiration_ruleExpiresNoncurrent_passes() {
        passes(
                new NoncurrentExpirationCheck(),
                account(bucket("media")
                                .lifecycle(Observed.found(List.of(noncurrentRule())))
                                .build())
                        .build());
    }

    @Test
    void replication_destinationPublicAndUnversioned_twoFindingsOnDestination() {
        Bucket.ReplicationRule rule = new Bucket.ReplicationRule(
                "to-dr", "media-dr", "cn-shanghai", "internal", List.of(), List.of("ALL"), true, Optional.empty());
        var results = new ReplicationCheck()
                .evaluate(account(
                                bucket("media")
                                        .replication(Observed.found(List.of(rule)))
                                        .build(),
                                bucket("media-dr")
                                        .acl(Observed.found("public-read"))
                                        .versioning(Observed.found("Suspended"))
                                        .build())
                        .build());
        assertEquals(2, results.size());
        Finding acl = assertInstanceOf(Finding.class, results.get(0));
        assertEquals("acs:oss:*:*:media-dr", acl.resource());
        assertEquals(
                "replication rule to-dr copies media into media-dr, whose acl is public-read (source: private)",
                acl.message());
        assertEquals(
                List.of(new ProfileChange.SetValue(List.of("buckets", "media-dr", "acl"), "private")), acl.changes());
        Finding versioning = assertInstanceOf(Finding.class, results.get(1));
        assertEquals(new Evidence("buckets.media-dr.versioning", "Suspended", "Enabled"), versioning.evidence());
    }

    @Test
    void replication_destinationAsStrongAsSource_passes() {
        Bucket.ReplicationRule rule = new Bucket.ReplicationRule(
                "to-dr", "media-dr", "cn-shanghai", "internal", List.of(), List.of("ALL"), true, Optional.empty());
        passes(
                new ReplicationCheck(),
                account(
                                bucket("media")
                                        .replication(Observed.found(List.of(rule)))
                                        .build(),
                                bucket("media-dr").build())
                        .build());
    }

    @Test
    void replication_destinationNotAudited_unknown() {
        Bucket.ReplicationRule rule = new Bucket.ReplicationRule(
                "to-dr", "elsewhere", "cn-shanghai", "internal", List.of(), List.of("ALL"), true, Optional.empty());
        Unknown u = onlyUnknown(
                new ReplicationCheck(),
                account(bucket("media")
                                .replication(Observed.found(List.of(rule)))
                                .build())
                        .build());
        assertEquals("replication rule to-dr of media writes to elsewhere, which was not audited", u.reason());
    }
}
