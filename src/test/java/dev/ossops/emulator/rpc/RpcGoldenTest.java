package dev.ossops.emulator.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ossops.GoldenFiles;
import dev.ossops.emulator.rpc.assembly.RpcEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Representative RAM, STS and CDN answers against stored files in
 * {@code golden/emulator-rpc}; random ids are replaced by their field name in angle brackets
 * before comparing, everything else (names, nesting, dates under a fixed clock) must match.
 * After a deliberate wire change, {@code -Dgolden.update=true} rewrites the files for review ({@link GoldenFiles}).
 */
class RpcGoldenTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Set<String> RANDOM = Set.of(
            "RequestId",
            "UserId",
            "RoleId",
            "AccessKeyId",
            "AccessKeySecret",
            "SecurityToken",
            "AssumedRoleId",
            "PrincipalId");
    private static final String TRUST =
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                    + "\"Principal\":{\"RAM\":[\"acs:ram::1234567890123456:root\"]}}]}";

    @TempDir
    Path dir;

    private RpcHandler handler;
    private final SignedRequests root = new SignedRequests(RpcFixture.ROOT_ID, RpcFixture.ROOT_SECRET);
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void start() {
        handler = RpcEmulator.open(
                        new RootAccount(RpcFixture.ACCOUNT, RpcFixture.ROOT_ID, RpcFixture.ROOT_SECRET),
                        dir,
                        MutableClock.at(NOW),
                        Duration.ofSeconds(30))
                .handler();
    }

    private JsonNode call(String version, String action, String... pairs) throws IOException {
        return call(root, version, action, pairs);
    }

    private JsonNode call(SignedRequests signer, String version, String action, String... pairs) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Version", version);
        p.put("Action", action);
        for (int i = 0; i < pairs.length; i += 2) {
            p.put(pairs[i], pairs[i + 1]);
        }
        return mapper.readTree(handler.handle(signer.get(p, NOW)).body());
    }

    private JsonNode ram(String action, String... pairs) throws IOException {
        return call("2015-05-01", action, pairs);
    }

    private JsonNode cdn(String action, String... pairs) throws IOException {
        return call("2018-05-10", action, pairs);
    }

    private void assertGolden(String name, JsonNode actual) throws IOException {
        String text = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mask(actual.deepCopy())) + "\n";
        GoldenFiles.assertGolden("emulator-rpc/" + name + ".json", text);
    }

    private static JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (RANDOM.contains(field.getKey())) {
                    field.setValue(object.textNode("<" + field.getKey() + ">"));
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(RpcGoldenTest::mask);
        }
        return node;
    }

    @Test
    void ram_createUserAndListUsers() throws IOException {
        assertGolden("ram-create-user", ram("CreateUser", "UserName", "alice", "DisplayName", "Alice"));
        ram("CreateUser", "UserName", "bob");
        assertGolden("ram-list-users", ram("ListUsers", "MaxItems", "1"));
    }

    @Test
    void ram_getSystemPolicyAndVersions() throws IOException {
        assertGolden(
                "ram-get-policy-system",
                ram("GetPolicy", "PolicyType", "System", "PolicyName", "AliyunOSSReadOnlyAccess"));
        ram(
                "CreatePolicy",
                "PolicyName",
                "ReadObjects",
                "PolicyDocument",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\"}]}");
        ram(
                "CreatePolicyVersion",
                "PolicyName",
                "ReadObjects",
                "SetAsDefault",
                "true",
                "PolicyDocument",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:ListObjects\",\"Resource\":\"*\"}]}");
        assertGolden(
                "ram-list-policy-versions",
                ram("ListPolicyVersions", "PolicyType", "Custom", "PolicyName", "ReadObjects"));
    }

    @Test
    void ram_updatePolicyDescription() throws IOException {
        ram(
                "CreatePolicy",
                "PolicyName",
                "ReadObjects",
                "Description",
                "reads",
                "PolicyDocument",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"oss:GetObject\",\"Resource\":\"*\"}]}");
        assertGolden(
                "ram-update-policy-description",
                ram("UpdatePolicyDescription", "PolicyName", "ReadObjects", "NewDescription", "reads every object"));
    }

    @Test
    void ram_errorBody() throws IOException {
        assertGolden("ram-error-user-not-found", ram("GetUser", "UserName", "nobody"));
    }

    /** STS takes AssumeRole only from RAM users and role sessions: a user with AliyunSTSAssumeRoleAccess here. */
    @Test
    void sts_assumeRole() throws IOException {
        ram("CreateRole", "RoleName", "Deployer", "AssumeRolePolicyDocument", TRUST);
        ram("CreateUser", "UserName", "ci");
        ram("AttachPolicyToUser", "UserName", "ci", "PolicyType", "System", "PolicyName", "AliyunSTSAssumeRoleAccess");
        JsonNode key = ram("CreateAccessKey", "UserName", "ci").get("AccessKey");
        SignedRequests user = new SignedRequests(
                key.get("AccessKeyId").asText(), key.get("AccessKeySecret").asText());
        assertGolden(
                "sts-assume-role",
                call(
                        user,
                        "2015-04-01",
                        "AssumeRole",
                        "RoleArn",
                        "acs:ram::1234567890123456:role/deployer",
                        "RoleSessionName",
                        "ci",
                        "DurationSeconds",
                        "900"));
    }

    @Test
    void sts_assumeRoleWithRootKey_errorBody() throws IOException {
        ram("CreateRole", "RoleName", "Deployer", "AssumeRolePolicyDocument", TRUST);
        assertGolden(
                "sts-error-root-account",
                call(
                        "2015-04-01",
                        "AssumeRole",
                        "RoleArn",
                        "acs:ram::1234567890123456:role/deployer",
                        "RoleSessionName",
                        "ci",
                        "DurationSeconds",
                        "900"));
    }

    @Test
    void cdn_domainsAndConfigs() throws IOException {
        cdn(
                "AddCdnDomain",
                "DomainName",
                "cdn.example.com",
                "CdnType",
                "web",
                "Sources",
                "[{\"content\":\"assets.oss-cn-hangzhou.aliyuncs.com\",\"type\":\"oss\",\"port\":443}]");
        cdn(
                "BatchSetCdnDomainConfig",
                "DomainNames",
                "cdn.example.com",
                "Functions",
                "[{\"functionName\":\"l2_oss_key\",\"functionArgs\":[{\"argName\":\"private_oss_auth\",\"argValue\":\"on\"}]}]");
        assertGolden("cdn-describe-user-domains", cdn("DescribeUserDomains"));
        assertGolden("cdn-describe-domain-configs", cdn("DescribeCdnDomainConfigs", "DomainName", "cdn.example.com"));
        assertGolden("cdn-describe-domain-detail", cdn("DescribeCdnDomainDetail", "DomainName", "cdn.example.com"));
    }
}
