package dev.ossops.plan;

import dev.ossops.policy.PolicyParser;
import dev.ossops.policy.PolicyType;
import dev.ossops.spec.model.PolicySpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The profile's policy model written back as the JSON OSS and RAM accept. */
class PoliciesTest {

    @Test
    void json_bucketPolicyWithConditionAndNotResource_wireShape() {
        PolicySpec doc = new PolicySpec(
                "1",
                List.of(new PolicySpec.Statement(
                        "Deny",
                        List.of("oss:*"),
                        false,
                        List.of("acs:oss:*:*:b/private/*"),
                        true,
                        Optional.of(new PolicySpec.Principal(List.of("*"), List.of(), List.of(), List.of())),
                        Map.of("IpAddress", Map.of("acs:SourceIp", List.of("10.0.0.0/8"))))));
        String json = Policies.json(doc);
        assertEquals(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":[\"*\"],\"Action\":[\"oss:*\"],"
                        + "\"NotResource\":[\"acs:oss:*:*:b/private/*\"],\"Condition\":{\"IpAddress\":{\"acs:SourceIp\":[\"10.0.0.0/8\"]}}}]}",
                json);
        assertEquals(1, PolicyParser.parse(json, PolicyType.BUCKET).statements().size());
    }

    @Test
    void json_trustPolicyTypedPrincipalWithoutResource_wireShape() {
        PolicySpec doc = new PolicySpec(
                "1",
                List.of(new PolicySpec.Statement(
                        "Allow",
                        List.of("sts:AssumeRole"),
                        true,
                        List.of(),
                        false,
                        Optional.of(new PolicySpec.Principal(
                                List.of(), List.of("acs:ram::1:root"), List.of("ecs.aliyuncs.com"), List.of())),
                        Map.of())));
        assertEquals(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"RAM\":[\"acs:ram::1:root\"],"
                        + "\"Service\":[\"ecs.aliyuncs.com\"]},\"NotAction\":[\"sts:AssumeRole\"]}]}",
                Policies.json(doc));
    }
}
