package dev.ossops.policy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** evaluateTrust: who may assume a role under its AssumeRolePolicyDocument. */
class TrustPolicyTest {
    private static final AttachedPolicy TRUST =
            new AttachedPolicy("oss-upload-role", PolicyParser.parse("""
            {"Version": "1", "Statement": [
              {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"RAM": ["acs:ram::100:root"], "Service": ["ecs.aliyuncs.com"]}},
              {"Effect": "Deny", "Action": "sts:AssumeRole", "Principal": {"RAM": ["acs:ram::100:user/intern"]}}]}
            """, PolicyType.TRUST));

    private static Decision assume(Caller caller) {
        return PolicyEvaluator.evaluateTrust(
                TRUST, RequestContext.of("sts:AssumeRole", "acs:ram::100:role/oss-upload-role", caller));
    }

    @Test
    void evaluateTrust_accountRootTrustsItsRamUsers() {
        assertEquals(
                Decision.Outcome.ALLOW,
                assume(new Caller.RamUser("100", "2001", "alice")).outcome());
    }

    @Test
    void evaluateTrust_trustedService() {
        Decision decision = assume(new Caller.Service("ecs.aliyuncs.com"));
        assertEquals(Decision.Outcome.ALLOW, decision.outcome());
        assertEquals("allowed by trust policy \"oss-upload-role\" Statement[0]", decision.explanation());
    }

    @Test
    void evaluateTrust_otherAccountIsNotTrusted() {
        Decision decision = assume(new Caller.RamUser("200", "2002", "bob"));
        assertEquals(Decision.Outcome.IMPLICIT_DENY, decision.outcome());
        assertEquals(
                "implicitly denied: trust policy \"oss-upload-role\" does not trust the RAM user bob (2002) of account 200"
                        + " for sts:AssumeRole",
                decision.explanation());
    }

    @Test
    void evaluateTrust_otherServiceIsNotTrusted() {
        assertEquals(
                Decision.Outcome.IMPLICIT_DENY,
                assume(new Caller.Service("fc.aliyuncs.com")).outcome());
    }

    @Test
    void evaluateTrust_denyWins() {
        Decision decision = assume(new Caller.RamUser("100", "2003", "intern"));
        assertEquals(Decision.Outcome.EXPLICIT_DENY, decision.outcome());
        assertEquals("explicitly denied by trust policy \"oss-upload-role\" Statement[1]", decision.explanation());
    }

    @Test
    void evaluateTrust_anonymousIsNotTrusted() {
        assertEquals(
                Decision.Outcome.IMPLICIT_DENY, assume(new Caller.Anonymous()).outcome());
    }

    @Test
    void evaluateTrust_requiresATrustPolicy() {
        AttachedPolicy identity = new AttachedPolicy(
                "x",
                PolicyParser.parse(
                        "{\"Version\": \"1\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}",
                        PolicyType.IDENTITY));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PolicyEvaluator.evaluateTrust(
                        identity,
                        RequestContext.of("sts:AssumeRole", "acs:ram::100:role/r", new Caller.Account("100"))));
        assertEquals("policy x is not a trust policy", e.getMessage());
    }

    @Test
    void policySet_rejectsPoliciesOfTheWrongType() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> PolicySet.empty().withBucket(TRUST));
        assertEquals("policy oss-upload-role is a trust policy, not a bucket policy", e.getMessage());
    }
}
