package dev.ossops.emulator.sts;

import dev.ossops.emulator.rpc.Principal;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trust policies decided by the shared evaluator, for sts:AssumeRole on the role's ARN. */
class TrustPolicyTest {
    private static final String UID = "1234567890123456";
    private static final Principal ROOT = new Principal.Root(UID);
    private static final Principal ALICE = new Principal.User(UID, "Alice", "200000000000000001");
    private static final Principal BOB = new Principal.User(UID, "bob", "200000000000000002");
    private static final Principal SESSION =
            new Principal.AssumedRole(UID, "Deployer", "300000000000000001", "s", Optional.empty());
    private static final Principal OTHER_ACCOUNT = new Principal.Root("6543210987654321");

    private static final String ROLE = "acs:ram::" + UID + ":role/deployer";
    private final TrustPolicy trust = new TrustPolicy(Clock.systemUTC());

    private static String policy(String effect, String action, String principals) {
        return "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Action\":" + action
                + ",\"Principal\":{\"RAM\":" + principals + "}}]}";
    }

    @Test
    void trusts_accountRoot_trustsEveryIdentityOfTheAccount() {
        String doc = policy("Allow", "\"sts:AssumeRole\"", "[\"acs:ram::" + UID + ":root\"]");
        assertTrue(trust.trusts(doc, ROOT, ROLE));
        assertTrue(trust.trusts(doc, ALICE, ROLE));
        assertTrue(trust.trusts(doc, SESSION, ROLE));
        assertFalse(trust.trusts(doc, OTHER_ACCOUNT, ROLE));
    }

    @Test
    void trusts_namedUser_onlyThatUserCaseInsensitively() {
        String doc = policy("Allow", "[\"sts:AssumeRole\"]", "\"acs:ram::" + UID + ":user/alice\"");
        assertTrue(trust.trusts(doc, ALICE, ROLE));
        assertFalse(trust.trusts(doc, BOB, ROLE));
        assertFalse(trust.trusts(doc, ROOT, ROLE));
    }

    @Test
    void trusts_namedRole_trustsItsSessions() {
        assertTrue(trust.trusts(
                policy("Allow", "\"sts:AssumeRole\"", "\"acs:ram::" + UID + ":role/deployer\""), SESSION, ROLE));
    }

    @Test
    void trusts_otherAction_doesNotTrust() {
        assertFalse(trust.trusts(
                policy("Allow", "\"sts:GetCallerIdentity\"", "\"acs:ram::" + UID + ":root\""), ROOT, ROLE));
    }

    @Test
    void trusts_denyWinsOverAllow() {
        String doc = "{\"Version\":\"1\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"RAM\":\"acs:ram::" + UID
                + ":root\"}},"
                + "{\"Effect\":\"Deny\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"RAM\":\"acs:ram::" + UID
                + ":user/bob\"}}]}";
        assertTrue(trust.trusts(doc, ALICE, ROLE));
        assertFalse(trust.trusts(doc, BOB, ROLE));
    }

    @Test
    void trusts_conditionsAreEvaluated() {
        String doc = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"RAM\":\"acs:ram::" + UID
                + ":root\"},\"Condition\":{\"Bool\":{\"acs:SecureTransport\":\"%s\"}}}]}";
        assertFalse(trust.trusts(String.format(doc, "true"), ALICE, ROLE));
        assertTrue(trust.trusts(String.format(doc, "false"), ALICE, ROLE));
    }

    @Test
    void trusts_wildcardActionRefusedByTheParser_trustsNoOne() {
        // The shared parser accepts only sts:AssumeRole* actions in trust policies.
        assertFalse(trust.trusts(policy("Allow", "\"sts:*\"", "\"acs:ram::" + UID + ":root\""), ROOT, ROLE));
    }

    @Test
    void trusts_serviceOnlyOrMalformed_doesNotTrust() {
        assertFalse(trust.trusts(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Principal\":{\"Service\":[\"ecs.aliyuncs.com\"]}}]}",
                ROOT,
                ROLE));
        assertFalse(trust.trusts("not json", ROOT, ROLE));
    }
}
