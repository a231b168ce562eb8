package dev.ossops.emulator.sts;

import dev.ossops.emulator.ram.RamStore;
import dev.ossops.emulator.rpc.Credential;
import dev.ossops.emulator.rpc.CredentialRefusal;
import dev.ossops.emulator.rpc.MutableClock;
import dev.ossops.emulator.rpc.Principal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StsSessionsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static StsSession session(String id, Instant expiration) {
        return new StsSession(id, "secret-" + id, "CAIS" + id, expiration.toString(), "Deployer", "300000000000000001", "ci",
                "{\"Version\":\"1\",\"Statement\":[]}");
    }

    @Test
    void find_expiredSessionIsKnownButRefused(@TempDir Path dir) {
        MutableClock clock = MutableClock.at(NOW);
        StsSessions sessions = StsSessions.open(dir, RamStore.open("1234567890123456", dir), clock);
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
        RamStore ram = RamStore.open("1234567890123456", dir);
        StsSessions sessions = StsSessions.open(dir, ram, clock);
        sessions.add(session("STS.old", NOW.plusSeconds(900)));
        clock.advance(StsSessions.RETENTION.plus(Duration.ofSeconds(901)));
        sessions.add(session("STS.new", clock.instant().plusSeconds(900)));
        assertTrue(sessions.find("STS.old").isEmpty());
        StsSessions reopened = StsSessions.open(dir, ram, clock);
        assertTrue(reopened.find("STS.old").isEmpty());
        assertEquals("secret-STS.new", reopened.find("STS.new").orElseThrow().secret());
    }
}
