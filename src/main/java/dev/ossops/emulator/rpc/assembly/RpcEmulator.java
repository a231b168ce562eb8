package dev.ossops.emulator.rpc.assembly;

import dev.ossops.emulator.cdn.CdnService;
import dev.ossops.emulator.cdn.CdnStore;
import dev.ossops.emulator.cdn.EdgeDirectory;
import dev.ossops.emulator.ram.RamAccounts;
import dev.ossops.emulator.ram.RamService;
import dev.ossops.emulator.rpc.AccountDataDirs;
import dev.ossops.emulator.rpc.CredentialLookup;
import dev.ossops.emulator.rpc.PerAccountService;
import dev.ossops.emulator.rpc.RootAccount;
import dev.ossops.emulator.rpc.RpcAuthorizer;
import dev.ossops.emulator.rpc.RpcHandler;
import dev.ossops.emulator.sts.StsService;
import dev.ossops.emulator.sts.StsSessions;
import dev.ossops.emulator.sts.TrustPolicy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RPC services wired together for every account served: state loaded from each account's
 * directory ({@link AccountDataDirs}), one credential lookup (the roots, then RAM user keys, then
 * STS sessions) shared by the RPC handler and the OSS front, and RAM policies deciding who may
 * call what. RAM and CDN calls reach the caller's own account; STS finds a role in whichever
 * account its ARN names.
 */
public final class RpcEmulator {
    private final CredentialLookup credentials;
    private final RpcHandler handler;
    private final EdgeDirectory edge;

    private RpcEmulator(CredentialLookup credentials, RpcHandler handler, EdgeDirectory edge) {
        this.credentials = credentials;
        this.handler = handler;
        this.edge = edge;
    }

    /** One account: the emulator as it was before it served several. */
    public static RpcEmulator open(RootAccount root, Path dataDir, Clock clock, Duration cdnPropagation) {
        return open(List.of(root), dataDir, clock, cdnPropagation);
    }

    /**
     * Opens the services over {@code dataDir} for {@code accounts} (the first keeps its state in
     * {@code dataDir} itself); {@code cdnPropagation} is how long a changed CDN domain stays
     * {@code configuring} (zero in tests that do not exercise the transition).
     */
    public static RpcEmulator open(List<RootAccount> accounts, Path dataDir, Clock clock, Duration cdnPropagation) {
        AccountDataDirs dirs = new AccountDataDirs(dataDir, accounts.get(0).accountId());
        List<String> ids = accounts.stream().map(RootAccount::accountId).toList();
        RamAccounts ram = RamAccounts.open(ids, dirs::of);
        StsSessions sessions = StsSessions.open(dataDir, ram, dirs.firstAccount(), clock);
        List<CredentialLookup> lookups = new ArrayList<>(accounts);
        lookups.add(ram);
        lookups.add(sessions);
        CredentialLookup credentials = CredentialLookup.chain(lookups);
        Map<String, RamService> ramServices = new LinkedHashMap<>();
        Map<String, CdnService> cdnServices = new LinkedHashMap<>();
        Map<String, CdnStore> cdnStores = new LinkedHashMap<>();
        for (String id : ids) {
            ramServices.put(id, new RamService(ram.of(id).orElseThrow()));
            CdnStore cdn = CdnStore.open(dirs.of(id));
            cdnStores.put(id, cdn);
            cdnServices.put(id, new CdnService(cdn, id, cdnPropagation));
        }
        RpcHandler handler = new RpcHandler(
                credentials,
                RpcAuthorizer.byPolicies(clock),
                List.of(
                        new PerAccountService(ramServices),
                        new StsService(ram, sessions, new TrustPolicy(clock)),
                        new PerAccountService(cdnServices)),
                clock);
        return new RpcEmulator(credentials, handler, new EdgeDirectory(cdnStores));
    }

    /** The lookup the OSS server should authenticate with. */
    public CredentialLookup credentials() {
        return credentials;
    }

    public RpcHandler handler() {
        return handler;
    }

    /** The CDN domains of every account, for the edge that serves them (the same stores the CDN API writes). */
    public EdgeDirectory cdnEdge() {
        return edge;
    }
}
