package dev.ossops.emulator.sts;

import dev.ossops.emulator.ram.RamAccounts;
import dev.ossops.emulator.rpc.AccountDataDirs;
import dev.ossops.emulator.rpc.Credential;
import dev.ossops.emulator.rpc.CredentialRefusal;
import dev.ossops.emulator.rpc.MutableClock;
import dev.ossops.emulator.rpc.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StsSessionsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static final String ACCOUNT = "1234567890123456";
    private static final String OTHER_ACCOUNT = "6543210987654321";

    private static StsSession session(String id, Instant expiration) {
        return session(id, expiration, ACCOUNT);
    }

    private static StsSession session(String id, Instant expiration, String account) {
        return new StsSession(
                id,
                "secret-" + id,
                "CAIS" + id,
                expiration.toString(),
                "Deployer",
                "300000000000000001",
                "ci",
                "{\"Version\":\"1\",\"Statement\":[]}",
                account);
    }

    private static RamAccounts ram(Path dir) {
        return RamAccounts.open(List.of(ACCOUNT, OTHER_ACCOUNT), new AccountDataDirs(dir, ACCOUNT)::of);
    }

    @Test
    void find_expiredSessionIsKnownButRefused(@TempDir Path dir) {
        MutableClock clock = MutableClock.at(NOW);
        StsSessions sessions = StsSessions.open(dir, ram(dir), ACCOUNT, clock);
        sessions.add(session("STS.one", NOW.plusSeconds(900)));
        Credential credential = sessions.find("STS.one").orElseThrow();
        Principal.AssumedRole principal = (Principal.AssumedRole) credential.principal();
        assertEquals("acs:ram::1234567890123456:assumed-role/deployer/ci", principal.arn());
        assertEquals(Optional.of("{\"Version\":\"1\",\"Statement\":[]}"), principal.sessionPolicy());
        assertEquals(Optional.empty(), credential.refusal("CAISSTS.one", NOW.plusSeconds(899)));
        assertEquals(Optional.of(CredentialRefusal.EXPIRED), credential.refusal("CAISSTS.one", NOW.plusSeconds(900)));
        assertEquals(Optional.of(CredentialRefusal.SECURITY_TOKEN_MISSING), credential.refusal(null, NOW));
    }

    @Test
    void add_forgetsSessionsADayAfterExpiryAndPersists(@TempDir Path dir) {
        MutableClock clock = MutableClock.at(NOW);
        RamAccounts ram = ram(dir);
        StsSessions sessions = StsSessions.open(dir, ram, ACCOUNT, clock);
        sessions.add(session("STS.old", NOW.plusSeconds(900)));
        clock.advance(StsSessions.RETENTION.plus(Duration.ofSeconds(901)));
        sessions.add(session("STS.new", clock.instant().plusSeconds(900)));
        assertTrue(sessions.find("STS.old").isEmpty());
        StsSessions reopened = StsSessions.open(dir, ram, ACCOUNT, clock);
        assertTrue(reopened.find("STS.old").isEmpty());
        assertEquals("secret-STS.new", reopened.find("STS.new").orElseThrow().secret());
    }

    @Test
    void find_sessionOfARoleInAnotherAccount_actsInThatAccount(@TempDir Path dir) {
        StsSessions sessions = StsSessions.open(dir, ram(dir), ACCOUNT, MutableClock.at(NOW));
        sessions.add(session("STS.two", NOW.plusSeconds(900), OTHER_ACCOUNT));
        assertEquals(
                "acs:ram::6543210987654321:assumed-role/deployer/ci",
                sessions.find("STS.two").orElseThrow().principal().arn());
    }

    /** Sessions stored before the emulator served several accounts carry none: they are the first account's. */
    @Test
    void find_sessionStoredWithoutAnAccount_isTheFirstAccounts(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("sts.json"),
                "{\"sessions\":[{\"accessKeyId\":\"STS.legacy\",\"secret\":\"s\","
                        + "\"securityToken\":\"CAISx\",\"expiration\":\"" + NOW.plusSeconds(900)
                        + "\",\"roleName\":\"Deployer\","
                        + "\"roleId\":\"300000000000000001\",\"sessionName\":\"ci\",\"sessionPolicy\":null}]}");
        StsSessions sessions = StsSessions.open(dir, ram(dir), ACCOUNT, MutableClock.at(NOW));
        assertEquals(
                "acs:ram::1234567890123456:assumed-role/deployer/ci",
                sessions.find("STS.legacy").orElseThrow().principal().arn());
    }

    /** An account left out of the configuration takes its sessions with it: they resolve to nothing. */
    @Test
    void find_sessionOfAnAccountNoLongerServed_isUnknown(@TempDir Path dir) {
        StsSessions sessions = StsSessions.open(dir, ram(dir), ACCOUNT, MutableClock.at(NOW));
        sessions.add(session("STS.gone", NOW.plusSeconds(900), "1111111111111111"));
        assertTrue(sessions.find("STS.gone").isEmpty());
    }
}
