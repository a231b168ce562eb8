package dev.ossops.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table in policy/evaluation-cases.yaml: (policies, request) -> decision. */
class PolicyEvaluatorTest {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Map<String, Caller> CALLERS = Map.of(
            "root", new Caller.Account("100"),
            "user", new Caller.RamUser("100", "2001", "alice"),
            "session", new Caller.RoleSession("100", "uploader", "browser-1"),
            "other-root", new Caller.Account("200"),
            "other-user", new Caller.RamUser("200", "2002", "bob"),
            "anonymous", new Caller.Anonymous());

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = PolicyEvaluatorTest.class.getResourceAsStream("/policy/evaluation-cases.yaml")) {
            JsonNode root = YAML.readTree(in);
            List<Arguments> out = new ArrayList<>();
            root.get("cases").forEach(c -> out.add(Arguments.of(c.get("name").asText(), c)));
            return out.stream();
        }
    }

    @Test
    void table_hasAtLeastEightyCases() throws IOException {
        assertTrue(cases().count() >= 80);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluate_tableCase(String name, JsonNode c) {
        PolicySet policies = PolicySet.empty();
        if (c.has("identity")) {
            policies = policies.withIdentity(policy("id", c.get("identity"), PolicyType.IDENTITY));
        }
        if (c.has("identities")) {
            for (int i = 0; i < c.get("identities").size(); i++) {
                policies = policies.withIdentity(
                        policy("id" + (i + 1), c.get("identities").get(i), PolicyType.IDENTITY));
            }
        }
        if (c.has("session")) {
            policies = policies.withSession(policy("session", c.get("session"), PolicyType.SESSION));
        }
        if (c.has("bucket")) {
            policies = policies.withBucket(policy("media-policy", c.get("bucket"), PolicyType.BUCKET));
        }
        Decision decision = PolicyEvaluator.evaluate(policies, request(c.get("request")));

        assertEquals(Decision.Outcome.valueOf(c.get("expect").asText()), decision.outcome(), decision.explanation());
        if (c.has("explain")) {
            assertEquals(c.get("explain").asText(), decision.explanation());
        }
    }

    private static AttachedPolicy policy(String name, JsonNode statements, PolicyType type) {
        ObjectNode document = YAML.createObjectNode();
        document.put("Version", "1");
        document.set("Statement", statements);
        return new AttachedPolicy(name, PolicyParser.parse(document, type));
    }

    private static RequestContext request(JsonNode r) {
        String resource;
        if (r.has("object")) {
            resource =
                    RequestContext.ossResource("100", "media", r.get("object").asText());
        } else if (r.has("bucket")) {
            resource = RequestContext.ossResource("100", r.get("bucket").asText(), null);
        } else {
            resource = r.get("resource").asText();
        }
        Caller caller = CALLERS.get(r.get("caller").asText());
        RequestContext request = RequestContext.of(r.get("action").asText(), resource, caller);
        if (r.has("keys")) {
            for (Map.Entry<String, JsonNode> key : r.get("keys").properties()) {
                request = request.with(key.getKey(), key.getValue().asText());
            }
        }
        return request;
    }

    private static PolicyDocument identityDocument(String statements) {
        return PolicyParser.parse("{\"Version\":\"1\",\"Statement\":[" + statements + "]}", PolicyType.IDENTITY);
    }

    @Test
    void evaluateIdentity_roleInAnotherAccount_isDecidedByTheCallersPoliciesAlone() {
        PolicySet policies = PolicySet.empty()
                .withIdentity(
                        new AttachedPolicy(
                                "assume",
                                identityDocument(
                                        "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"acs:ram::100:role/*\"}")));
        RequestContext inA =
                RequestContext.of("sts:AssumeRole", "acs:ram::100:role/uploader", CALLERS.get("other-user"));
        assertEquals(
                Decision.Outcome.ALLOW,
                PolicyEvaluator.evaluateIdentity(policies, inA).outcome());
        // The cross-account rule of evaluate() would want a resource policy as well; the trust policy is that, checked
        // apart.
        assertEquals(
                Decision.Outcome.IMPLICIT_DENY,
                PolicyEvaluator.evaluate(policies, inA).outcome());
        RequestContext elsewhere =
                RequestContext.of("sts:AssumeRole", "acs:ram::300:role/uploader", CALLERS.get("other-user"));
        assertEquals(
                "implicitly denied: no statement allows sts:AssumeRole on acs:ram::300:role/uploader for the RAM user bob"
                        + " (2002) of account 200",
                PolicyEvaluator.evaluateIdentity(policies, elsewhere).explanation());
    }

    @Test
    void evaluateIdentity_denyAndSessionPolicy_limitTheCaller() {
        PolicySet policies = PolicySet.empty()
                .withIdentity(
                        new AttachedPolicy(
                                "assume",
                                identityDocument(
                                        "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"},"
                                                + "{\"Effect\":\"Deny\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"acs:ram::100:role/admin\"}")));
        assertEquals(
                Decision.Outcome.EXPLICIT_DENY,
                PolicyEvaluator.evaluateIdentity(
                                policies,
                                RequestContext.of("sts:AssumeRole", "acs:ram::100:role/admin", CALLERS.get("user")))
                        .outcome());
        PolicySet narrowed = policies.withSession(new AttachedPolicy(
                "session",
                PolicyParser.parse(
                        "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\"}]}",
                        PolicyType.SESSION)));
        assertEquals(
                "implicitly denied: the session policy \"session\" does not allow sts:AssumeRole on acs:ram::100:role/ops",
                PolicyEvaluator.evaluateIdentity(
                                narrowed,
                                RequestContext.of("sts:AssumeRole", "acs:ram::100:role/ops", CALLERS.get("session")))
                        .explanation());
    }
}
