package dev.ossops.emulator.sts;

import dev.ossops.emulator.rpc.Principal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimpleTrustPolicyTest {
    private static final String UID = "1234567890123456";
    private static final Principal ROOT = new Principal.Root(UID);
    private static final Principal ALICE = new Principal.User(UID, "Alice", "200000000000000001");
    private static final Principal BOB = new Principal.User(UID, "bob", "200000000000000002");
    private static final Principal SESSION = new Principal.AssumedRole(UID, "Deployer", "300000000000000001", "s", Optional.empty());
    private static final Principal OTHER_ACCOUNT = new Principal.Root("6543210987654321");

    private final SimpleTrustPolicy trust = new SimpleTrustPolicy();

    private static String policy(String effect, String action, String principals) {
        return "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Action\":" + action
                + ",\"Principal\":{\"RAM\":" + principals + "}}]}";
    }

    @Test
    void trusts_accountRoot_trustsEveryIdentityOfTheAccount() {
        String doc = policy("Allow", "\"sts:AssumeRole\"", "[\"acs:ram::" + UID + ":root\"]");
        assertTrue(trust.trusts(doc, ROOT));
        assertTrue(trust.trusts(doc, ALICE));
        assertTrue(trust.trusts(doc, SESSION));
        assertFalse(trust.trusts(doc, OTHER_ACCOUNT));
    }

    @Test
    void trusts_bareAccountId_isTheAccount() {
        assertTrue(trust.trusts(policy("Allow", "\"sts:AssumeRole\"", "\"" + UID + "\""), ALICE));
    }

    @Test
    void trusts_namedUser_onlyThatUserCaseInsensitively() {
        String doc = policy("Allow", "[\"sts:AssumeRole\"]", "\"acs:ram::" + UID + ":user/alice\"");
        assertTrue(trust.trusts(doc, ALICE));
        assertFalse(trust.trusts(doc, BOB));
        assertFalse(trust.trusts(doc, ROOT));
    }

    @Test
    void trusts_namedRole_trustsItsSessions() {
        assertTrue(trust.trusts(policy("Allow", "\"sts:*\"", "\"acs:ram::" + UID + ":role/deployer\""), SESSION));
    }

    @Test
    void trusts_otherAction_doesNotTrust() {
        assertFalse(trust.trusts(policy("Allow", "\"sts:GetCallerIdentity\"", "\"acs:ram::" + UID + ":root\""), ROOT));
    }

    @Test
    void trusts_denyWinsOverAllow() {
        String doc = "{\"Version\":\"1\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"RAM\":\"acs:ram::" + UID + ":root\"}},"
                + "{\"Effect\":\"Deny\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"RAM\":\"acs:ram::" + UID + ":user/bob\"}}]}";
        assertTrue(trust.trusts(doc, ALICE));
        assertFalse(trust.trusts(doc, BOB));
    }

    @Test
    void trusts_serviceOnlyOrMalformed_doesNotTrust() {
        assertFalse(trust.trusts("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"Service\":[\"ecs.aliyuncs.com\"]}}]}", ROOT));
        assertFalse(trust.trusts("not json", ROOT));
    }
}
