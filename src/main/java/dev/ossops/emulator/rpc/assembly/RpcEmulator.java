package dev.ossops.emulator.rpc.assembly;

import dev.ossops.emulator.cdn.CdnService;
import dev.ossops.emulator.cdn.CdnStore;
import dev.ossops.emulator.ram.RamService;
import dev.ossops.emulator.ram.RamStore;
import dev.ossops.emulator.rpc.CredentialLookup;
import dev.ossops.emulator.rpc.RootAccount;
import dev.ossops.emulator.rpc.RpcAuthorizer;
import dev.ossops.emulator.rpc.RpcHandler;
import dev.ossops.emulator.sts.StsService;
import dev.ossops.emulator.sts.StsSessions;
import dev.ossops.emulator.sts.TrustPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The RPC services wired together: state loaded from {@code dataDir}, one credential lookup
 * (root, then RAM user keys, then STS sessions) shared by the RPC handler and the OSS front,
 * and RAM policies deciding who may call what.
 */
public final class RpcEmulator {
    private final CredentialLookup credentials;
    private final RpcHandler handler;

    private RpcEmulator(CredentialLookup credentials, RpcHandler handler) {
        this.credentials = credentials;
        this.handler = handler;
    }

    /**
     * Opens the services over {@code dataDir}; {@code cdnPropagation} is how long a changed CDN
     * domain stays {@code configuring} (zero in tests that do not exercise the transition).
     */
    public static RpcEmulator open(RootAccount root, Path dataDir, Clock clock, Duration cdnPropagation) {
        RamStore ram = RamStore.open(root.accountId(), dataDir);
        StsSessions sessions = StsSessions.open(dataDir, ram, clock);
        CredentialLookup credentials = CredentialLookup.chain(List.of(root, ram, sessions));
        RpcHandler handler = new RpcHandler(credentials, RpcAuthorizer.byPolicies(clock), List.of(
                new RamService(ram),
                new StsService(ram, sessions, new TrustPolicy(clock)),
                new CdnService(CdnStore.open(dataDir), root.accountId(), cdnPropagation)), clock);
        return new RpcEmulator(credentials, handler);
    }

    /** The lookup the OSS server should authenticate with. */
    public CredentialLookup credentials() {
        return credentials;
    }

    public RpcHandler handler() {
        return handler;
    }
}
