package dev.ossops.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyAuditTest {

    private static PolicyDocument bucketPolicy(String statements) {
        return PolicyParser.parse("{\"Version\": \"1\", \"Statement\": " + statements + "}", PolicyType.BUCKET);
    }

    private static PolicyDocument identity(String statements) {
        return PolicyParser.parse("{\"Version\": \"1\", \"Statement\": " + statements + "}", PolicyType.IDENTITY);
    }

    /** Levels anonymous callers get, in AccessLevel order, space-separated ("" when none). */
    private static String levels(String statements) {
        return new TreeSet<>(PolicyAudit.anonymousAccess(bucketPolicy(statements), "media")
                        .levels())
                .stream().map(Enum::name).collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            public read                         | [{"Effect": "Allow", "Principal": ["*"], "Action": "oss:GetObject", "Resource": "acs:oss:*:100:media/*"}] | READ
            public read and list                | [{"Effect": "Allow", "Principal": "*", "Action": ["oss:GetObject", "oss:ListObjects"], "Resource": ["acs:oss:*:100:media", "acs:oss:*:100:media/*"]}] | READ LIST
            public write through a wildcard     | [{"Effect": "Allow", "Principal": "*", "Action": "oss:Put*", "Resource": "acs:oss:*:*:media/uploads/*"}] | WRITE PERMISSIONS_MANAGEMENT
            everything                          | [{"Effect": "Allow", "Principal": [], "Action": "oss:*", "Resource": "*"}] | READ LIST WRITE PERMISSIONS_MANAGEMENT CONFIGURATION
            named principal is not public       | [{"Effect": "Allow", "Principal": ["200"], "Action": "oss:*", "Resource": "*"}] | ''
            other bucket only                   | [{"Effect": "Allow", "Principal": "*", "Action": "oss:GetObject", "Resource": "acs:oss:*:100:archive/*"}] | ''
            bucket ARN gives no object access   | [{"Effect": "Allow", "Principal": "*", "Action": "oss:GetObject", "Resource": "acs:oss:*:100:media"}] | ''
            SecureTransport stays public        | [{"Effect": "Allow", "Principal": "*", "Action": "oss:GetObject", "Resource": "acs:oss:*:100:media/*", "Condition": {"Bool": {"acs:SecureTransport": "true"}}}] | READ
            referer stays public                | [{"Effect": "Allow", "Principal": "*", "Action": "oss:GetObject", "Resource": "acs:oss:*:100:media/*", "Condition": {"StringLike": {"acs:Referer": "https://*.example.com/*"}}}] | READ
            source IP pins                      | [{"Effect": "Allow", "Principal": "*", "Action": "oss:GetObject", "Resource": "acs:oss:*:100:media/*", "Condition": {"IpAddress": {"acs:SourceIp": "203.0.113.0/24"}}}] | ''
            source IP everywhere stays public   | [{"Effect": "Allow", "Principal": "*", "Action": "oss:GetObject", "Resource": "acs:oss:*:100:media/*", "Condition": {"IpAddress": {"acs:SourceIp": ["10.0.0.0/8", "0.0.0.0/0"]}}}] | READ
            NotIpAddress stays public           | [{"Effect": "Allow", "Principal": "*", "Action": "oss:GetObject", "Resource": "acs:oss:*:100:media/*", "Condition": {"NotIpAddress": {"acs:SourceIp": "203.0.113.0/24"}}}] | READ
            source VPC pins                     | [{"Effect": "Allow", "Principal": "*", "Action": "oss:GetObject", "Resource": "acs:oss:*:100:media/*", "Condition": {"StringEquals": {"acs:SourceVpc": "vpc-123"}}}] | ''
            not from a VPC stays public         | [{"Effect": "Allow", "Principal": "*", "Action": "oss:GetObject", "Resource": "acs:oss:*:100:media/*", "Condition": {"StringNotLike": {"acs:SourceVpc": "vpc-*"}}}] | READ
            AccessId pins                       | [{"Effect": "Allow", "Principal": "*", "Action": "oss:GetObject", "Resource": "acs:oss:*:100:media/*", "Condition": {"StringEquals": {"acs:AccessId": "LTAI5tExample"}}}] | ''
            Deny never grants                   | [{"Effect": "Deny", "Principal": "*", "Action": "oss:*", "Resource": "*"}] | ''
            blanket Deny removes the grant      | [{"Effect": "Allow", "Principal": "*", "Action": ["oss:GetObject", "oss:PutObject"], "Resource": "acs:oss:*:100:media/*"}, {"Effect": "Deny", "Principal": "*", "Action": "oss:PutObject", "Resource": "acs:oss:*:100:media/*"}] | READ
            partial Deny keeps the grant        | [{"Effect": "Allow", "Principal": "*", "Action": "oss:PutObject", "Resource": "acs:oss:*:100:media/*"}, {"Effect": "Deny", "Principal": "*", "Action": "oss:PutObject", "Resource": "acs:oss:*:100:media/private/*"}] | WRITE
            conditional Deny keeps the grant    | [{"Effect": "Allow", "Principal": "*", "Action": "oss:GetObject", "Resource": "acs:oss:*:100:media/*"}, {"Effect": "Deny", "Principal": "*", "Action": "oss:*", "Resource": "acs:oss:*:100:media/*", "Condition": {"Bool": {"acs:SecureTransport": "false"}}}] | READ
            NotAction grant                     | [{"Effect": "Allow", "Principal": "*", "NotAction": ["oss:Put*", "oss:Delete*", "oss:Abort*", "oss:Restore*", "oss:Seal*", "oss:Initiate*", "oss:Complete*", "oss:Extend*"], "Resource": ["acs:oss:*:100:media", "acs:oss:*:100:media/*"]}] | READ LIST
            NotResource covering the bucket     | [{"Effect": "Allow", "Principal": "*", "Action": "oss:GetObject", "NotResource": "acs:oss:*:100:media/*"}] | ''
            NotResource excluding a prefix      | [{"Effect": "Allow", "Principal": "*", "Action": "oss:GetObject", "NotResource": "acs:oss:*:100:media/private/*"}] | READ
            """)
    void anonymousAccess_levels(String scenario, String statements, String expected) {
        assertEquals(expected, levels(statements));
    }

    @Test
    void anonymousAccess_namesActionsAndStatements() {
        AnonymousAccess access = PolicyAudit.anonymousAccess(bucketPolicy("""
                [{"Effect": "Allow", "Principal": ["200"], "Action": "oss:*", "Resource": "*"},
                 {"Effect": "Allow", "Principal": "*", "Action": ["oss:GetObject", "oss:DeleteObject"], "Resource": "acs:oss:*:100:media/*"}]
                """), "media");
        assertTrue(access.isPublic());
        assertTrue(access.can(AccessLevel.WRITE));
        assertFalse(access.can(AccessLevel.LIST));
        assertEquals(List.of("oss:DeleteObject"), access.actions().get(AccessLevel.WRITE));
        assertEquals(List.of("oss:GetObject"), access.actions().get(AccessLevel.READ));
        assertEquals(List.of(new StatementRef(PolicyType.BUCKET, "media", 1)), access.statements());
        assertEquals(
                "bucket policy \"media\" Statement[1]",
                access.statements().get(0).describe());
    }

    @Test
    void anonymousAccess_onlyForBucketPolicies() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PolicyAudit.anonymousAccess(
                        identity("[{\"Effect\": \"Allow\", \"Action\": \"oss:*\", \"Resource\": \"*\"}]"), "media"));
        assertEquals("anonymous access is a question for a bucket policy, not identity policy", e.getMessage());
    }

    /** Kinds of broad grants, as a sorted space-separated string. */
    private static String broad(String statements) {
        return PolicyAudit.grantsBroadAccess(identity(statements), "p").stream()
                .map(g -> g.kind().name())
                .sorted()
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            star on star                         | [{"Effect": "Allow", "Action": "*", "Resource": "*"}] | ALL_ACTIONS
            oss star on star                     | [{"Effect": "Allow", "Action": "oss:*", "Resource": "*"}] | OSS_FULL
            oss star in another case             | [{"Effect": "Allow", "Action": "OSS:*", "Resource": "acs:oss:*:*:*"}] | OSS_FULL
            oss star on own account              | [{"Effect": "Allow", "Action": "oss:*", "Resource": "acs:oss:*:1234567890:*"}] | OSS_FULL
            oss star on one bucket               | [{"Effect": "Allow", "Action": "oss:*", "Resource": ["acs:oss:*:*:media", "acs:oss:*:*:media/*"]}] | ''
            oss Put star is not broad            | [{"Effect": "Allow", "Action": "oss:Put*", "Resource": "*"}] | ''
            NotAction excluding RAM              | [{"Effect": "Allow", "NotAction": "ram:*", "Resource": "*"}] | ASSUME_ANY_ROLE OSS_FULL
            ram star                             | [{"Effect": "Allow", "Action": "ram:*", "Resource": "acs:ram:*:*:*"}] | RAM_FULL
            assume any role                      | [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}] | ASSUME_ANY_ROLE
            assume any role by role pattern      | [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "acs:ram:*:*:role/*"}] | ASSUME_ANY_ROLE
            assume one role                      | [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "acs:ram:*:*:role/oss-upload-role"}] | ''
            Deny is never a grant                | [{"Effect": "Deny", "Action": "*", "Resource": "*"}] | ''
            minimal uploader                     | [{"Effect": "Allow", "Action": ["oss:PutObject"], "Resource": ["acs:oss:*:*:media/uploads/*"]}] | ''
            two statements                       | [{"Effect": "Allow", "Action": "oss:*", "Resource": "*"}, {"Effect": "Allow", "Action": "ram:*", "Resource": "*"}] | OSS_FULL RAM_FULL
            """)
    void grantsBroadAccess_kinds(String scenario, String statements, String expected) {
        assertEquals(expected, broad(statements));
    }

    @Test
    void grantsBroadAccess_reportsStatementAndCondition() {
        List<BroadGrant> grants = PolicyAudit.grantsBroadAccess(identity("""
                [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"},
                 {"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"IpAddress": {"acs:SourceIp": "10.0.0.0/8"}}}]
                """), "AppOSS");
        assertEquals(
                List.of(new BroadGrant(
                        BroadGrant.Kind.OSS_FULL, new StatementRef(PolicyType.IDENTITY, "AppOSS", 1), true)),
                grants);
    }

    @Test
    void sourceIpWithoutSourceVpc_namesOffendingStatements() {
        PolicyDocument policy = bucketPolicy("""
                [{"Effect": "Allow", "Principal": "*", "Action": "oss:GetObject", "Resource": "acs:oss:*:1:b/*",
                  "Condition": {"IpAddress": {"acs:SourceIp": "203.0.113.0/24"}, "StringLike": {"acs:SourceVpc": "vpc-*"}}},
                 {"Effect": "Allow", "Principal": "*", "Action": "oss:GetObject", "Resource": "acs:oss:*:1:b/*",
                  "Condition": {"IpAddress": {"acs:SourceIp": "203.0.113.0/24"}}},
                 {"Effect": "Deny", "Principal": "*", "Action": "oss:*", "Resource": "acs:oss:*:1:b/*",
                  "Condition": {"NotIpAddress": {"ACS:SourceIP": "10.0.0.0/8"}}},
                 {"Effect": "Allow", "Principal": "*", "Action": "oss:GetObject", "Resource": "acs:oss:*:1:b/*"}]
                """);
        assertEquals(List.of(1, 2), PolicyAudit.sourceIpWithoutSourceVpc(policy));
    }

    @Test
    void anonymousAccess_everyLevelHasCatalogueActions() {
        Set<AccessLevel> levels =
                Arrays.stream(OssAction.values()).map(OssAction::level).collect(Collectors.toSet());
        assertEquals(Set.of(AccessLevel.values()), levels);
    }
}
