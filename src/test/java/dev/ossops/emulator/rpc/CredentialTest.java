package dev.ossops.emulator.rpc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class CredentialTest {
    @Test
    void toString_ofCredentialsNeverShowsSecrets() {
        RootAccount root = new RootAccount("1234567890123456", "LTAI5tRootKeyabcd", "topsecretvalue");
        Credential credential = Credential.permanent(
                "LTAI5tUserKeyabcd",
                "usersecretvalue",
                new Principal.User("1234567890123456", "alice", "1"),
                true,
                List.of());
        assertEquals("RootAccount[1234567890123456, LTAI…abcd]", root.toString());
        assertEquals("Credential[LTAI…abcd, acs:ram::1234567890123456:user/alice]", credential.toString());
        assertFalse(credential.toString().contains("usersecretvalue"));
    }
}
