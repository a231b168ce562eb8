package dev.ossops.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PolicyParserTest {

    private static PolicyParseException error(String json, PolicyType type) {
        return assertThrows(PolicyParseException.class, () -> PolicyParser.parse(json, type));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not an object            | []                                                                        | expected a JSON object with Version and Statement
            missing version          | {"Statement": []}                                                         | Version: missing; expected "1"
            AWS version              | {"Version": "2012-10-17", "Statement": []}                                | Version: "2012-10-17" is not supported; expected "1"
            numeric version          | {"Version": 1, "Statement": []}                                           | Version: 1 is not supported; expected "1"
            unknown top-level        | {"Version": "1", "Note": "x", "Statement": []}                            | Note: unknown element; accepted: Version, Statement
            missing statement        | {"Version": "1"}                                                          | Statement: missing; expected a list of statements
            empty statement list     | {"Version": "1", "Statement": []}                                         | Statement: empty; expected at least one statement
            statement string         | {"Version": "1", "Statement": "Allow"}                                    | Statement: expected a list of statements
            statement not object     | {"Version": "1", "Statement": [1]}                                        | Statement[0]: expected an object
            missing effect           | {"Version": "1", "Statement": [{"Action": "oss:*", "Resource": "*"}]}      | Statement[0].Effect: missing; expected "Allow" or "Deny"
            lower-case effect        | {"Version": "1", "Statement": [{"Effect": "allow", "Action": "oss:*", "Resource": "*"}]} | Statement[0].Effect: "allow" is not valid; expected "Allow" or "Deny"
            missing action           | {"Version": "1", "Statement": [{"Effect": "Allow", "Resource": "*"}]}       | Statement[0].Action: missing; expected Action or NotAction
            both action forms        | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "NotAction": "ram:*", "Resource": "*"}]} | Statement[0]: has both Action and NotAction; use one
            action without service   | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:PutObject", "GetObject"], "Resource": "*"}]} | Statement[0].Action[1]: "GetObject" is not an action; expected <service>:<action> such as oss:GetObject, or *
            empty action list        | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": [], "Resource": "*"}]} | Statement[0].Action: empty; expected at least one value
            action object            | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": {"a": 1}, "Resource": "*"}]} | Statement[0].Action: expected a string or a list of strings
            action list of objects   | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": [{}], "Resource": "*"}]} | Statement[0].Action[0]: expected a string
            missing resource         | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*"}]}     | Statement[0].Resource: missing; expected Resource or NotResource
            both resource forms      | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "NotResource": "*"}]} | Statement[0]: has both Resource and NotResource; use one
            bare bucket resource     | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "Resource": "mybucket/*"}]} | Statement[0].Resource: "mybucket/*" is not a resource; expected * or an ARN such as acs:oss:*:*:mybucket/*
            plural element           | {"Version": "1", "Statement": [{"Effect": "Allow", "Actions": "oss:*", "Resource": "*"}]} | Statement[0].Actions: unknown element; did you mean Action?
            unknown element          | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Note": "x"}]} | Statement[0].Note: unknown element; accepted: Effect, Principal, Action, NotAction, Resource, NotResource, Condition
            principal in identity    | {"Version": "1", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "oss:*", "Resource": "*"}]} | Statement[0].Principal: not allowed in an identity policy; only bucket and trust policies name principals
            condition not object     | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": []}]} | Statement[0].Condition: expected an object of condition operators
            operator wrong case      | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"stringequals": {"a:b": "c"}}}]} | Statement[0].Condition.stringequals: unknown operator; did you mean StringEquals?
            operator keys not object | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"Bool": "true"}}]} | Statement[0].Condition.Bool: expected an object of condition keys
            operator without keys    | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"Bool": {}}}]} | Statement[0].Condition.Bool: empty; expected at least one condition key
            bad CIDR                 | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"IpAddress": {"acs:SourceIp": ["10.0.0.0/8", "10.0.0.300"]}}}]} | Statement[0].Condition.IpAddress.acs:SourceIp[1]: "10.0.0.300" is not an IPv4 or IPv6 address or CIDR block
            host name as address     | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"IpAddress": {"acs:SourceIp": "example.com"}}}]} | Statement[0].Condition.IpAddress.acs:SourceIp: "example.com" is not an IPv4 or IPv6 address or CIDR block
            prefix too long          | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"IpAddress": {"acs:SourceIp": "10.0.0.0/33"}}}]} | Statement[0].Condition.IpAddress.acs:SourceIp: "10.0.0.0/33" is not an IPv4 or IPv6 address or CIDR block
            bad number               | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"NumericLessThan": {"oss:MaxKeys": "ten"}}}]} | Statement[0].Condition.NumericLessThan.oss:MaxKeys: "ten" is not a number
            bad date                 | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"DateLessThan": {"acs:CurrentTime": "2026-12-31"}}}]} | Statement[0].Condition.DateLessThan.acs:CurrentTime: "2026-12-31" is not an ISO 8601 date-time with offset such as 2026-01-31T12:00:00Z
            bad bool                 | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"Bool": {"acs:SecureTransport": "yes"}}}]} | Statement[0].Condition.Bool.acs:SecureTransport: "yes" is not true or false
            null condition value     | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "Resource": "*", "Condition": {"StringEquals": {"a:b": null}}}]} | Statement[0].Condition.StringEquals.a:b: expected a string or a list of strings
            sid (AWS only)           | {"Version": "1", "Statement": [{"Sid": "Read", "Effect": "Allow", "Action": "oss:*", "Resource": "*"}]} | Statement[0].Sid: Sid is not part of the RAM and OSS policy grammar (statements have no ids there): remove it
            not principal            | {"Version": "1", "Statement": [{"NotPrincipal": "1", "Effect": "Allow", "Action": "oss:*", "Resource": "*"}]} | Statement[0].NotPrincipal: NotPrincipal is not part of the RAM and OSS policy grammar: name the principals in Principal
            policy id                | {"Id": "x", "Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:*", "Resource": "*"}]} | Id: Id is not part of the RAM and OSS policy grammar: remove it
            single statement object  | {"Version": "1", "Statement": {"Effect": "Deny", "Action": "oss:*"}}      | Statement.Resource: missing; expected Resource or NotResource
            """)
    void parse_identityPolicyError(String scenario, String json, String message) {
        assertEquals(message, error(json, PolicyType.IDENTITY).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing principal        | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Resource": "*"}]} | Statement[0].Principal: missing; a bucket policy names who it applies to (use ["*"] for everyone)
            service principal        | {"Version": "1", "Statement": [{"Effect": "Allow", "Principal": {"Service": ["ecs.aliyuncs.com"]}, "Action": "oss:GetObject", "Resource": "*"}]} | Statement[0].Principal.Service: unknown element; accepted: RAM
            empty principal value    | {"Version": "1", "Statement": [{"Effect": "Allow", "Principal": [""], "Action": "oss:GetObject", "Resource": "*"}]} | Statement[0].Principal[0]: empty; expected a value
            """)
    void parse_bucketPolicyError(String scenario, String json, String message) {
        assertEquals(message, error(json, PolicyType.BUCKET).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing principal        | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole"}]} | Statement[0].Principal: missing; a trust policy names who may assume the role
            principal list           | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": ["*"]}]} | Statement[0].Principal: expected an object with RAM, Service or Federated
            unknown principal type   | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": "*"}}]} | Statement[0].Principal.AWS: unknown element; accepted: RAM, Service, Federated
            non-STS action           | {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "oss:GetObject", "Principal": {"RAM": "acs:ram::100:root"}}]} | Statement[0].Action: "oss:GetObject" is not accepted in a trust policy; expected sts:AssumeRole, sts:AssumeRoleWithSAML or sts:AssumeRoleWithOIDC
            """)
    void parse_trustPolicyError(String scenario, String json, String message) {
        assertEquals(message, error(json, PolicyType.TRUST).getMessage());
    }

    @Test
    void parse_invalidJsonNamesLineAndColumn() {
        PolicyParseException e = error("{\"Version\": \"1\",\n \"Statement\": [}", PolicyType.IDENTITY);
        assertEquals("not valid JSON at line 2, column 16: Unexpected close marker '}': expected ']'", e.getMessage());
        assertEquals("", e.path());
    }

    @Test
    void parse_duplicateKeyIsRejected() {
        PolicyParseException e =
                error("{\"Version\": \"1\", \"Version\": \"1\", \"Statement\": []}", PolicyType.IDENTITY);
        assertEquals("not valid JSON at line 1, column 27: Duplicate field 'Version'", e.getMessage());
    }

    @Test
    void parse_errorExposesPath() {
        PolicyParseException e = error(
                "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"oss:*\","
                        + " \"Resource\": \"*\"}, {\"Effect\": \"Permit\"}]}",
                PolicyType.IDENTITY);
        assertEquals("Statement[1].Effect", e.path());
    }

    @Test
    void parse_stringAndListFormsGiveTheSameModel() {
        PolicyDocument single = PolicyParser.parse(
                "{\"Version\": \"1\", \"Statement\": {\"Effect\": \"Allow\","
                        + " \"Action\": \"oss:GetObject\", \"Resource\": \"acs:oss:*:*:b/*\"}}",
                PolicyType.IDENTITY);
        PolicyDocument lists = PolicyParser.parse(
                "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\","
                        + " \"Action\": [\"oss:GetObject\"], \"Resource\": [\"acs:oss:*:*:b/*\"]}]}",
                PolicyType.IDENTITY);
        assertEquals(lists, single);
    }

    @Test
    void parse_bucketPolicyModel() {
        PolicyDocument policy = PolicyParser.parse("""
                {"Version": "1", "Statement": [{"Effect": "Allow", "Principal": {"RAM": ["*"]},
                  "Action": "oss:GetObject", "NotResource": "acs:oss:*:100:b/private/*",
                  "Condition": {"Bool": {"acs:SecureTransport": true}, "StringLike": {"acs:Referer": ["https://a/*", "https://b/*"]}}}]}
                """, PolicyType.BUCKET);
        Statement s = policy.statements().get(0);
        assertEquals(
                new Statement(
                        Effect.ALLOW,
                        new Patterns(List.of("oss:GetObject"), false),
                        Optional.of(new Patterns(List.of("acs:oss:*:100:b/private/*"), true)),
                        Optional.of(new Principals(List.of("*"), List.of(), List.of())),
                        List.of(
                                new Condition(ConditionOperator.BOOL, "acs:SecureTransport", List.of("true")),
                                new Condition(
                                        ConditionOperator.STRING_LIKE,
                                        "acs:Referer",
                                        List.of("https://a/*", "https://b/*")))),
                s);
    }

    @Test
    void parse_trustPolicyModel() {
        PolicyDocument policy = PolicyParser.parse("""
                {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                  "Principal": {"RAM": "acs:ram::100:root", "Service": ["ecs.aliyuncs.com"]}}]}
                """, PolicyType.TRUST);
        Statement s = policy.statements().get(0);
        assertEquals(Optional.empty(), s.resources());
        assertEquals(
                Optional.of(new Principals(List.of("acs:ram::100:root"), List.of("ecs.aliyuncs.com"), List.of())),
                s.principals());
    }
}
