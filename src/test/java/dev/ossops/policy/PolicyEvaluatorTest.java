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
                policies = policies.withIdentity(policy("id" + (i + 1), c.get("identities").get(i), PolicyType.IDENTITY));
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
            resource = RequestContext.ossResource("100", "media", r.get("object").asText());
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
}
