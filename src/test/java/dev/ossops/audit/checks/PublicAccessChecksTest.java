package dev.ossops.audit.checks;

import dev.ossops.audit.Evidence;
import dev.ossops.audit.Finding;
import dev.ossops.audit.ObjectAclSample;
import dev.ossops.audit.Observed;
import dev.ossops.audit.ProfileChange;
import dev.ossops.audit.Unknown;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ossops.audit.Fixture.account;
import static dev.ossops.audit.Fixture.bucket;
import static dev.ossops.audit.Fixture.policy;
import static dev.ossops.audit.checks.CheckAssert.onlyFinding;
import static dev.ossops.audit.checks.CheckAssert.onlyUnknown;
import static dev.ossops.audit.checks.CheckAssert.passes;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PublicAccessChecksTest {
    private static final String ANONYMOUS_PUT = "{\"Effect\": \"Allow\", \"Principal\": [\"*\"], "
            + "\"Action\": [\"oss:PutObject\"], \"Resource\": [\"acs:oss:*:*:media/*\"]}";
    private static final String ANONYMOUS_GET = "{\"Effect\": \"Allow\", \"Principal\": [\"*\"], "
            + "\"Action\": [\"oss:GetObject\"], \"Resource\": [\"acs:oss:*:*:media/*\"]}";

    @Test
    void aclPublicWrite_publicReadWriteBucket_criticalFindingWithFix() {
        Finding f = onlyFinding(
                new PublicAclCheck.Write(),
                account(bucket("media").acl(Observed.found("public-read-write")).build())
                        .build());
        assertEquals("OSS-BUCKET-ACL-PUBLIC-WRITE", f.rule().id());
        assertEquals("acs:oss:*:*:media", f.resource());
        assertEquals(
                "bucket media has ACL public-read-write: anyone on the internet can upload, overwrite and "
                        + "delete objects",
                f.message());
        assertEquals(new Evidence("buckets.media.acl", "public-read-write", "private"), f.evidence());
        assertEquals("set buckets.media.acl: private in the profile, then run ossops plan", f.remediation());
        assertEquals(List.of(new ProfileChange.SetValue(List.of("buckets", "media", "acl"), "private")), f.changes());
        assertEquals(Optional.of("buckets.media"), f.profilePath());
    }

    @Test
    void aclPublicWrite_privateOrPublicReadBucket_passes() {
        passes(new PublicAclCheck.Write(), account(bucket("media").build()).build());
        passes(
                new PublicAclCheck.Write(),
                account(bucket("media").acl(Observed.found("public-read")).build())
                        .build());
    }

    @Test
    void aclPublicRead_publicReadBucket_highFinding() {
        Finding f = onlyFinding(
                new PublicAclCheck.Read(),
                account(bucket("media").acl(Observed.found("public-read")).build())
                        .build());
        assertEquals("OSS-BUCKET-ACL-PUBLIC-READ", f.rule().id());
        assertEquals("bucket media has ACL public-read: anyone on the internet can read every object", f.message());
    }

    @Test
    void aclPublicRead_privateBucket_passes() {
        passes(new PublicAclCheck.Read(), account(bucket("media").build()).build());
    }

    @Test
    void aclPublicWrite_bucketBlockPublicAccess_neutralisedNotReported() {
        passes(
                new PublicAclCheck.Write(),
                account(bucket("media")
                                .acl(Observed.found("public-read-write"))
                                .blockPublicAccess(Observed.found(true))
                                .build())
                        .build());
    }

    @Test
    void aclPublicWrite_accountBlockPublicAccess_neutralisedNotReported() {
        passes(
                new PublicAclCheck.Write(),
                account(bucket("media").acl(Observed.found("public-read-write")).build())
                        .accountBlockPublicAccess(Observed.found(true))
                        .build());
    }

    @Test
    void aclPublicWrite_blockPublicAccessUnreadable_unknown() {
        Unknown u = onlyUnknown(
                new PublicAclCheck.Write(),
                account(bucket("media")
                                .acl(Observed.found("public-read-write"))
                                .blockPublicAccess(Observed.unreadable("AccessDenied"))
                                .build())
                        .build());
        assertEquals(
                "the ACL is public-read-write, but Block Public Access of the bucket could not be read: "
                        + "AccessDenied",
                u.reason());
    }

    @Test
    void aclPublicWrite_aclUnreadable_unknown() {
        Unknown u = onlyUnknown(
                new PublicAclCheck.Write(),
                account(bucket("media")
                                .acl(Observed.unreadable("AccessDenied (403)"))
                                .build())
                        .build());
        assertEquals("acs:oss:*:*:media", u.resource());
        assertEquals("the bucket ACL could not be read: AccessDenied (403)", u.reason());
    }

    @Test
    void policyPublicWrite_anonymousPutObject_criticalFindingNamingStatement() {
        Finding f = onlyFinding(
                new PublicPolicyCheck.Write(),
                account(bucket("media")
                                .policy(Observed.found(policy("media", ANONYMOUS_PUT)))
                                .build())
                        .build());
        assertEquals("OSS-BUCKET-POLICY-PUBLIC-WRITE", f.rule().id());
        assertEquals(
                "the bucket policy of media lets anonymous callers write (bucket policy \"media\" Statement[1])",
                f.message());
        assertEquals(
                new Evidence("buckets.media.policy", "anonymous oss:PutObject", "no anonymous write access"),
                f.evidence());
        assertEquals(
                List.of(new ProfileChange.SetValue(List.of("buckets", "media", "blockPublicAccess"), true)),
                f.changes());
    }

    @Test
    void policyPublicRead_readAndWriteStatements_namesOnlyTheReadGrant() {
        Finding f = onlyFinding(
                new PublicPolicyCheck.Read(),
                account(bucket("media")
                                .policy(Observed.found(policy("media", ANONYMOUS_PUT, ANONYMOUS_GET)))
                                .build())
                        .build());
        assertEquals(
                "the bucket policy of media lets anonymous callers read or list (bucket policy \"media\" "
                        + "Statement[2])",
                f.message());
    }

    @Test
    void policyPublicWrite_onlyAnonymousRead_passes() {
        passes(
                new PublicPolicyCheck.Write(),
                account(bucket("media")
                                .policy(Observed.found(policy("media", ANONYMOUS_GET)))
                                .build())
                        .build());
    }

    @Test
    void policyPublicRead_anonymousGetObject_highFinding() {
        Finding f = onlyFinding(
                new PublicPolicyCheck.Read(),
                account(bucket("media")
                                .policy(Observed.found(policy("media", ANONYMOUS_GET)))
                                .build())
                        .build());
        assertEquals("OSS-BUCKET-POLICY-PUBLIC-READ", f.rule().id());
        assertEquals(
                new Evidence("buckets.media.policy", "anonymous oss:GetObject", "no anonymous read or list access"),
                f.evidence());
    }

    @Test
    void policyPublicRead_noPolicy_passes() {
        passes(
                new PublicPolicyCheck.Read(),
                account(bucket("media").policy(Observed.absent()).build()).build());
    }

    @Test
    void policyPublicRead_conditionOnHttpsOnly_stillPublic() {
        // Prowler skips statements with any Condition; anyone can meet "use HTTPS".
        String httpsOnlyGrant = "{\"Effect\": \"Allow\", \"Principal\": [\"*\"], \"Action\": [\"*\"], "
                + "\"Resource\": [\"acs:oss:*:*:media/*\"], \"Condition\": {\"Bool\": {\"acs:SecureTransport\": [\"true\"]}}}";
        Finding f = onlyFinding(
                new PublicPolicyCheck.Read(),
                account(bucket("media")
                                .policy(Observed.found(policy("media", httpsOnlyGrant)))
                                .build())
                        .build());
        assertEquals("OSS-BUCKET-POLICY-PUBLIC-READ", f.rule().id());
    }

    @Test
    void policyPublicRead_conditionOnRefererOnly_stillPublic() {
        String refererGrant = "{\"Effect\": \"Allow\", \"Principal\": [\"*\"], \"Action\": [\"oss:GetObject\"], "
                + "\"Resource\": [\"acs:oss:*:*:media/*\"], \"Condition\": {\"StringLike\": {\"acs:Referer\": "
                + "[\"https://example.com/*\"]}}}";
        onlyFinding(
                new PublicPolicyCheck.Read(),
                account(bucket("media")
                                .policy(Observed.found(policy("media", refererGrant)))
                                .build())
                        .build());
    }

    @Test
    void policyPublicRead_conditionPinningSourceVpc_notPublic() {
        String vpcGrant = "{\"Effect\": \"Allow\", \"Principal\": [\"*\"], \"Action\": [\"oss:GetObject\"], "
                + "\"Resource\": [\"acs:oss:*:*:media/*\"], \"Condition\": {\"StringEquals\": {\"acs:SourceVpc\": "
                + "[\"vpc-t4nlw426y44rd3iq4****\"]}}}";
        passes(
                new PublicPolicyCheck.Read(),
                account(bucket("media")
                                .policy(Observed.found(policy("media", vpcGrant)))
                                .build())
                        .build());
    }

    @Test
    void policyPublicRead_unconditionalDenyForEveryone_denyWins() {
        String deny = "{\"Effect\": \"Deny\", \"Principal\": [\"*\"], \"Action\": [\"oss:GetObject\"], "
                + "\"Resource\": [\"acs:oss:*:*:media/*\"]}";
        passes(
                new PublicPolicyCheck.Read(),
                account(bucket("media")
                                .policy(Observed.found(policy("media", ANONYMOUS_GET, deny)))
                                .build())
                        .build());
    }

    @Test
    void policyPublicRead_denyOnlyStatement_neverPublic() {
        String deny = "{\"Effect\": \"Deny\", \"Principal\": [\"*\"], \"Action\": [\"oss:*\"], "
                + "\"Resource\": [\"acs:oss:*:*:media/*\"]}";
        passes(
                new PublicPolicyCheck.Read(),
                account(bucket("media")
                                .policy(Observed.found(policy("media", deny)))
                                .build())
                        .build());
    }

    @Test
    void policyPublicWrite_blockPublicAccess_neutralisedNotReported() {
        passes(
                new PublicPolicyCheck.Write(),
                account(bucket("media")
                                .policy(Observed.found(policy("media", ANONYMOUS_PUT)))
                                .blockPublicAccess(Observed.found(true))
                                .build())
                        .build());
    }

    @Test
    void policyPublicWrite_invalidPolicy_unknownWithParserMessage() {
        Unknown u = onlyUnknown(
                new PublicPolicyCheck.Write(),
                account(bucket("media")
                                .policy(Observed.found("{\"Version\": \"2\", \"Statement\": []}"))
                                .build())
                        .build());
        assertEquals(
                "the bucket policy could not be read: the bucket policy is not a valid bucket policy: Version: "
                        + "\"2\" is not supported; expected \"1\"",
                u.reason());
    }

    @Test
    void publicAccessBlocked_publicAclAndPolicyUnderBucketBlock_infoFinding() {
        Finding f = onlyFinding(
                new PublicAccessBlockedCheck(),
                account(bucket("media")
                                .acl(Observed.found("public-read-write"))
                                .policy(Observed.found(policy("media", ANONYMOUS_PUT)))
                                .blockPublicAccess(Observed.found(true))
                                .build())
                        .build());
        assertEquals("OSS-BUCKET-PUBLIC-ACCESS-BLOCKED", f.rule().id());
        assertEquals("INFO", f.severity().name());
        assertEquals(
                "bucket media: ACL public-read-write; bucket policy grants to anonymous callers (oss:PutObject) "
                        + "neutralised by Block Public Access on the bucket",
                f.message());
        assertEquals(new Evidence("buckets.media.blockPublicAccess", "true", "true"), f.evidence());
        assertEquals(List.of(), f.changes());
    }

    @Test
    void publicAccessBlocked_accountBlockWithPublicAcl_infoFindingNamesAccount() {
        Finding f = onlyFinding(
                new PublicAccessBlockedCheck(),
                account(bucket("media").acl(Observed.found("public-read")).build())
                        .accountBlockPublicAccess(Observed.found(true))
                        .build());
        assertEquals("bucket media: ACL public-read neutralised by Block Public Access on the account", f.message());
    }

    @Test
    void publicAccessBlocked_blockOnButNothingPublic_passes() {
        passes(
                new PublicAccessBlockedCheck(),
                account(bucket("media").blockPublicAccess(Observed.found(true)).build())
                        .build());
    }

    @Test
    void publicAccessBlocked_publicAclWithoutBlock_passes() {
        passes(
                new PublicAccessBlockedCheck(),
                account(bucket("media").acl(Observed.found("public-read")).build())
                        .build());
    }

    @Test
    void objectAcl_publicObjectInPrivateBucket_findingPerObject() {
        ObjectAclSample sample = new ObjectAclSample(Map.of("a.txt", "default", "leak.csv", "public-read"), true);
        Finding f = onlyFinding(
                new ObjectAclCheck(),
                account(bucket("media").objectAcls(Observed.found(sample)).build())
                        .build());
        assertEquals("OSS-OBJECT-ACL-PUBLIC", f.rule().id());
        assertEquals("acs:oss:*:*:media/leak.csv", f.resource());
        assertEquals(
                "object leak.csv in private bucket media has ACL public-read (sampled 2 objects of more)", f.message());
        assertEquals(new Evidence("objects[\"leak.csv\"].acl", "public-read", "default"), f.evidence());
    }

    @Test
    void objectAcl_onlyDefaultAndPrivateObjects_passes() {
        ObjectAclSample sample = new ObjectAclSample(Map.of("a.txt", "default", "b.txt", "private"), false);
        passes(
                new ObjectAclCheck(),
                account(bucket("media").objectAcls(Observed.found(sample)).build())
                        .build());
    }

    @Test
    void objectAcl_publicObjectUnderBlockPublicAccess_notReported() {
        ObjectAclSample sample = new ObjectAclSample(Map.of("leak.csv", "public-read-write"), false);
        passes(
                new ObjectAclCheck(),
                account(bucket("media")
                                .objectAcls(Observed.found(sample))
                                .blockPublicAccess(Observed.found(true))
                                .build())
                        .build());
    }

    @Test
    void objectAcl_sampleUnreadable_unknown() {
        Unknown u = onlyUnknown(
                new ObjectAclCheck(),
                account(bucket("media")
                                .objectAcls(Observed.unreadable("ListObjects timed out"))
                                .build())
                        .build());
        assertEquals("the sampled object ACLs could not be read: ListObjects timed out", u.reason());
    }
}
