package dev.ossops.emulator.sts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.ram.RamAccounts;
import dev.ossops.emulator.ram.RamStore;
import dev.ossops.emulator.rpc.Credential;
import dev.ossops.emulator.rpc.CredentialLookup;
import dev.ossops.emulator.rpc.JsonStateFile;
import dev.ossops.emulator.rpc.Principal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issued STS sessions of every account, persisted to {@code sts.json}. As a credential lookup it
 * resolves {@code STS.} keys to an assumed-role principal of the role's account with the role's
 * current policies and the session policy; expired sessions are still found (so callers get
 * "expired", not "unknown") until a day after expiry.
 */
public final class StsSessions implements CredentialLookup {
    /** How long an expired session is remembered to answer InvalidSecurityToken.Expired. */
    static final Duration RETENTION = Duration.ofDays(1);

    private final Map<String, StsSession> sessions = new LinkedHashMap<>();
    private final JsonStateFile file;
    private final RamAccounts ram;
    private final String firstAccount;
    private final Clock clock;

    private StsSessions(JsonStateFile file, RamAccounts ram, String firstAccount, Clock clock) {
        this.file = file;
        this.ram = ram;
        this.firstAccount = firstAccount;
        this.clock = clock;
    }

    /** @param firstAccount the account of sessions stored without one */
    public static StsSessions open(Path dataDir, RamAccounts ram, String firstAccount, Clock clock) {
        StsSessions store = new StsSessions(
                new JsonStateFile(dataDir.resolve("sts.json"), new ObjectMapper()), ram, firstAccount, clock);
        store.file
                .read(StsSnapshot.class)
                .ifPresent(s -> s.sessions().forEach(x -> store.sessions.put(x.accessKeyId(), x)));
        return store;
    }

    synchronized void add(StsSession session) {
        Instant cutoff = clock.instant().minus(RETENTION);
        sessions.values().removeIf(s -> Instant.parse(s.expiration()).isBefore(cutoff));
        sessions.put(session.accessKeyId(), session);
        file.write(new StsSnapshot(List.copyOf(sessions.values())));
    }

    @Override
    public Optional<Credential> find(String accessKeyId) {
        StsSession session;
        synchronized (this) {
            session = sessions.get(accessKeyId);
        }
        if (session == null) {
            return Optional.empty();
        }
        String account = session.accountId() == null ? firstAccount : session.accountId();
        Optional<RamStore> roleAccount = ram.of(account);
        if (roleAccount.isEmpty()) {
            // The account is no longer served (the emulator was started without it): its sessions end with it.
            return Optional.empty();
        }
        Principal principal = new Principal.AssumedRole(
                account,
                session.roleName(),
                session.roleId(),
                session.sessionName(),
                Optional.ofNullable(session.sessionPolicy()));
        return Optional.of(new Credential(
                session.accessKeyId(),
                session.secret(),
                principal,
                true,
                Optional.of(session.securityToken()),
                Optional.of(Instant.parse(session.expiration())),
                roleAccount.get().rolePolicies(session.roleName())));
    }

    /** The persisted form. */
    record StsSnapshot(List<StsSession> sessions) {}
}
