package dev.ossops.emulator.ram;

import dev.ossops.emulator.rpc.Credential;
import dev.ossops.emulator.rpc.CredentialLookup;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The RAM of every account the emulator serves, each in its own data directory, and one
 * credential lookup over all their users' access keys (AccessKey ids are unique across accounts).
 */
public final class RamAccounts implements CredentialLookup {
    private final Map<String, RamStore> stores;

    private RamAccounts(Map<String, RamStore> stores) {
        this.stores = stores;
    }

    /** Opens the RAM store of each account in the directory {@code dataDirOf} names for it. */
    public static RamAccounts open(List<String> accountIds, Function<String, Path> dataDirOf) {
        Map<String, RamStore> stores = new LinkedHashMap<>();
        for (String accountId : accountIds) {
            stores.put(accountId, RamStore.open(accountId, dataDirOf.apply(accountId)));
        }
        return new RamAccounts(Map.copyOf(stores));
    }

    /** The account's RAM; empty for an account the emulator does not serve. */
    public Optional<RamStore> of(String accountId) {
        return Optional.ofNullable(stores.get(accountId));
    }

    @Override
    public Optional<Credential> find(String accessKeyId) {
        return stores.values().stream()
                .map(store -> store.find(accessKeyId))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
