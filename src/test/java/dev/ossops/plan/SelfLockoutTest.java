package dev.ossops.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.ossops.policy.Caller;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SelfLockoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Caller ROOT = new Caller.Account("1680000000000001");

    private static JsonNode shippedHttpsOnly() throws Exception {
        return JSON.readTree(
                Files.readString(Path.of("policies/bucket-https-only.json")).replace("myapp-prod-media", "media"));
    }

    @Test
    void assess_httpsOnlyPolicyOverHttp_isALockoutNamingCallerAndActions() throws Exception {
        Optional<Danger> danger = SelfLockout.assess("media", shippedHttpsOnly(), new Connection(ROOT, false));

        assertEquals(
                Optional.of(new Danger(
                        DangerRule.SELF_LOCKOUT,
                        "the policy denies account 1680000000000001, as whom ossops "
                                + "connects over HTTP, oss:GetBucketPolicy, oss:PutBucketPolicy, oss:DeleteBucketPolicy, oss:GetBucketAcl, "
                                + "oss:PutBucketAcl, oss:GetBucketInfo, oss:ListObjects, oss:GetObject, oss:PutObject: once applied, ossops (and the "
                                + "owner over this connection) could not change or remove it")),
                danger);
    }

    @Test
    void assess_httpsOnlyPolicyOverHttps_isNoDanger() throws Exception {
        assertEquals(Optional.empty(), SelfLockout.assess("media", shippedHttpsOnly(), new Connection(ROOT, true)));
    }

    @Test
    void assess_denyOfAnotherUserOnly_isNoDanger() throws Exception {
        JsonNode policy = JSON.readTree(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":[\"20000000000002\"],"
                        + "\"Action\":[\"oss:*\"],\"Resource\":[\"acs:oss:*:*:media\",\"acs:oss:*:*:media/*\"]}]}");
        Caller user = new Caller.RamUser("1680000000000001", "20000000000001", "ops");

        assertEquals(Optional.empty(), SelfLockout.assess("media", policy, new Connection(user, false)));
    }

    @Test
    void assess_denyOfTheCallingRamUserPolicyActions_namesOnlyThose() throws Exception {
        JsonNode policy = JSON.readTree(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":[\"20000000000001\"],"
                        + "\"Action\":[\"oss:PutBucketPolicy\",\"oss:DeleteBucketPolicy\"],\"Resource\":[\"acs:oss:*:*:media\"]}]}");
        Caller user = new Caller.RamUser("1680000000000001", "20000000000001", "ops");

        assertEquals(
                "the policy denies RAM user ops (20000000000001) of account 1680000000000001, as whom ossops connects over HTTPS, "
                        + "oss:PutBucketPolicy, oss:DeleteBucketPolicy: once applied, ossops (and the owner over this connection) could "
                        + "not change or remove it",
                SelfLockout.assess("media", policy, new Connection(user, true))
                        .orElseThrow()
                        .message());
    }

    @Test
    void assess_policyDeleted_isNoDanger() {
        assertEquals(
                Optional.empty(), SelfLockout.assess("media", NullNode.getInstance(), new Connection(ROOT, false)));
    }
}
