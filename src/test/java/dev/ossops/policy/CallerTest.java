package dev.ossops.policy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CallerTest {
    @Test
    void ofIdentity_eachIdentityType_isTheMatchingCaller() {
        assertEquals(
                new Caller.Account("1680000000000001"),
                Caller.ofIdentity("1680000000000001", "Account", "acs:ram::1680000000000001:root", "1680000000000001"));
        assertEquals(
                new Caller.RamUser("1680000000000001", "2169", "admin"),
                Caller.ofIdentity("1680000000000001", "RAMUser", "acs:ram::1680000000000001:user/admin", "2169"));
        assertEquals(
                new Caller.RoleSession("1680000000000001", "oss-upload-role", "s1"),
                Caller.ofIdentity(
                        "1680000000000001",
                        "AssumedRoleUser",
                        "acs:ram::1680000000000001:assumed-role/oss-upload-role/s1",
                        ""));
    }
}
