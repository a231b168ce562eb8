package dev.ossops.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyNormalizerTest {

    private static PolicyDocument identity(String statements) {
        return PolicyParser.parse("{\"Version\": \"1\", \"Statement\": " + statements + "}", PolicyType.IDENTITY);
    }

    private static PolicyDocument bucket(String statements) {
        return PolicyParser.parse("{\"Version\": \"1\", \"Statement\": " + statements + "}", PolicyType.BUCKET);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            string vs one-element list | {"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:*:b/*"} | [{"Effect": "Allow", "Action": ["oss:GetObject"], "Resource": ["acs:oss:*:*:b/*"]}]
            action order               | [{"Effect": "Allow", "Action": ["oss:PutObject", "oss:GetObject"], "Resource": "*"}] | [{"Effect": "Allow", "Action": ["oss:GetObject", "oss:PutObject"], "Resource": "*"}]
            action case                | [{"Effect": "Allow", "Action": ["OSS:getobject", "oss:Get*"], "Resource": "*"}] | [{"Effect": "Allow", "Action": ["oss:GetObject", "OSS:GET*"], "Resource": "*"}]
            duplicate actions          | [{"Effect": "Allow", "Action": ["oss:GetObject", "oss:getObject"], "Resource": "*"}] | [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]
            resource order             | [{"Effect": "Allow", "Action": "oss:*", "Resource": ["acs:oss:*:*:b/*", "acs:oss:*:*:b"]}] | [{"Effect": "Allow", "Action": "oss:*", "Resource": ["acs:oss:*:*:b", "acs:oss:*:*:b/*", "acs:oss:*:*:b"]}]
            statement order            | [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}, {"Effect": "Deny", "Action": "oss:DeleteObject", "Resource": "*"}] | [{"Effect": "Deny", "Action": "oss:DeleteObject", "Resource": "*"}, {"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]
            duplicate statements       | [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}, {"Effect": "Allow", "Action": ["oss:GetObject"], "Resource": ["*"]}] | [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]
            JSON whitespace            | [ {  "Effect" :"Allow","Action":"oss:GetObject" , "Resource":"*"  } ] | [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]
            condition key case         | [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"IpAddress": {"ACS:SourceIP": "10.0.0.0/8"}}}] | [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"IpAddress": {"acs:SourceIp": ["10.0.0.0/8"]}}}]
            CIDR spellings             | [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"IpAddress": {"acs:SourceIp": ["10.1.2.3/8", "192.168.0.1"]}}}] | [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"IpAddress": {"acs:SourceIp": ["192.168.0.1/32", "10.0.0.0/8"]}}}]
            date offsets               | [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"DateLessThan": {"acs:CurrentTime": "2026-12-31T08:00:00+08:00"}}}] | [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"DateLessThan": {"acs:CurrentTime": "2026-12-31T00:00:00Z"}}}]
            number spellings           | [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"NumericLessThan": {"oss:MaxKeys": 100}}}] | [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"NumericLessThan": {"oss:MaxKeys": "100.00"}}}]
            bool spellings             | [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"Bool": {"acs:SecureTransport": true}}}] | [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"Bool": {"acs:SecureTransport": "TRUE"}}}]
            ignore-case values         | [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"StringEqualsIgnoreCase": {"oss:Prefix": "Photos/"}}}] | [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"StringEqualsIgnoreCase": {"oss:Prefix": "PHOTOS/"}}}]
            operator order             | [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"Bool": {"acs:SecureTransport": "true"}, "IpAddress": {"acs:SourceIp": "10.0.0.0/8"}}}] | [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"IpAddress": {"acs:SourceIp": "10.0.0.0/8"}, "Bool": {"acs:SecureTransport": "true"}}}]
            """)
    void equivalent_sameMeaning(String scenario, String a, String b) {
        assertTrue(
                PolicyNormalizer.equivalent(identity(a), identity(b)),
                PolicyNormalizer.canonicalJson(identity(a)) + " vs " + PolicyNormalizer.canonicalJson(identity(b)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            resource case              | [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:*:B/*"}] | [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "acs:oss:*:*:b/*"}]
            effect                     | [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}] | [{"Effect": "Deny", "Action": "oss:GetObject", "Resource": "*"}]
            Action vs NotAction        | [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}] | [{"Effect": "Allow", "NotAction": "oss:GetObject", "Resource": "*"}]
            extra action               | [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}] | [{"Effect": "Allow", "Action": ["oss:GetObject", "oss:PutObject"], "Resource": "*"}]
            case-sensitive values      | [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"StringEquals": {"oss:Prefix": "Photos/"}}}] | [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"StringEquals": {"oss:Prefix": "photos/"}}}]
            condition operator         | [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"StringEquals": {"oss:Prefix": "a"}}}] | [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"StringLike": {"oss:Prefix": "a"}}}]
            """)
    void equivalent_differentMeaning(String scenario, String a, String b) {
        assertFalse(PolicyNormalizer.equivalent(identity(a), identity(b)));
    }

    @Test
    void equivalent_differentTypesAreNotEquivalent() {
        PolicyDocument session = PolicyParser.parse(
                "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\","
                        + " \"Action\": \"oss:GetObject\", \"Resource\": \"*\"}]}",
                PolicyType.SESSION);
        assertFalse(PolicyNormalizer.equivalent(
                session, identity("[{\"Effect\": \"Allow\", \"Action\": \"oss:GetObject\", \"Resource\": \"*\"}]")));
    }

    @Test
    void equivalent_principalFormsOfBucketPolicies() {
        assertTrue(
                PolicyNormalizer.equivalent(
                        bucket(
                                "[{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"oss:GetObject\", \"Resource\": \"acs:oss:*:1:b/*\"}]"),
                        bucket(
                                "[{\"Effect\": \"Allow\", \"Principal\": {\"RAM\": []}, \"Action\": \"oss:GetObject\", \"Resource\": \"acs:oss:*:1:b/*\"}]")));
        assertTrue(
                PolicyNormalizer.equivalent(
                        bucket(
                                "[{\"Effect\": \"Allow\", \"Principal\": [\"2\", \"1\", \"2\"], \"Action\": \"oss:GetObject\", \"Resource\": \"acs:oss:*:1:b/*\"}]"),
                        bucket(
                                "[{\"Effect\": \"Allow\", \"Principal\": [\"1\", \"2\"], \"Action\": \"oss:GetObject\", \"Resource\": \"acs:oss:*:1:b/*\"}]")));
    }

    @Test
    void canonicalJson_stableKeyOrderAndSpelling() {
        PolicyDocument policy = bucket("""
                [{"Condition": {"Bool": {"acs:SecureTransport": true}, "IpAddress": {"acs:SourceIp": "10.1.0.0/16"}},
                  "Resource": ["acs:oss:*:1:b/*", "acs:oss:*:1:b"], "Action": ["oss:listobjects", "OSS:GetObject", "oss:get*"],
                  "Principal": ["2", "1"], "Effect": "Allow"},
                 {"Effect": "Deny", "Principal": "*", "NotAction": "oss:Get*", "NotResource": "acs:oss:*:1:b/public/*"}]
                """);
        assertEquals(
                "{\"Version\":\"1\",\"Statement\":["
                        + "{\"Effect\":\"Allow\",\"Principal\":[\"1\",\"2\"],\"Action\":[\"oss:GetObject\",\"oss:ListObjects\",\"oss:get*\"],"
                        + "\"Resource\":[\"acs:oss:*:1:b\",\"acs:oss:*:1:b/*\"],"
                        + "\"Condition\":{\"Bool\":{\"acs:securetransport\":[\"true\"]},\"IpAddress\":{\"acs:sourceip\":[\"10.1.0.0/16\"]}}},"
                        + "{\"Effect\":\"Deny\",\"Principal\":[\"*\"],\"NotAction\":[\"oss:get*\"],\"NotResource\":[\"acs:oss:*:1:b/public/*\"]}]}",
                PolicyNormalizer.canonicalJson(policy));
    }

    @Test
    void canonicalJson_trustPolicyPrincipalObject() {
        PolicyDocument trust = PolicyParser.parse(
                "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\","
                        + " \"Action\": \"sts:AssumeRole\", \"Principal\": {\"Service\": \"ECS.aliyuncs.com\", \"RAM\": \"acs:ram::1:root\"}}]}",
                PolicyType.TRUST);
        assertEquals(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"RAM\":[\"acs:ram::1:root\"],"
                        + "\"Service\":[\"ecs.aliyuncs.com\"]},\"Action\":[\"sts:assumerole\"]}]}",
                PolicyNormalizer.canonicalJson(trust));
    }

    @Test
    void toJson_keepsOrder() {
        PolicyDocument policy = identity("[{\"Effect\": \"Allow\", \"Action\": [\"oss:PutObject\", \"oss:GetObject\"],"
                + " \"Resource\": \"acs:oss:*:*:b/*\"}]");
        assertEquals(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:PutObject\","
                        + "\"oss:GetObject\"],\"Resource\":[\"acs:oss:*:*:b/*\"]}]}",
                PolicyNormalizer.toJson(policy));
        assertEquals(policy, PolicyParser.parse(PolicyNormalizer.toJson(policy), PolicyType.IDENTITY));
    }
}
