package dev.ossops.emulator.cdn;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ossops.emulator.rpc.JsonStateFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The account's CDN domains, configs and refresh tasks, persisted to {@code cdn.json} after every change. */
public final class CdnStore {
    final Map<String, CdnDomain> domains = new LinkedHashMap<>();
    final Map<Long, CdnConfig> configs = new LinkedHashMap<>();
    final List<CdnRefreshTask> tasks = new ArrayList<>();
    long nextDomainId = 10_000_001L;
    long nextConfigId = 20_000_001L;
    long nextTaskId = 30_000_001L;

    private final JsonStateFile file;

    private CdnStore(JsonStateFile file) {
        this.file = file;
    }

    public static CdnStore open(Path dataDir) {
        CdnStore store = new CdnStore(new JsonStateFile(dataDir.resolve("cdn.json"), new ObjectMapper()));
        store.file.read(CdnSnapshot.class).ifPresent(store::restore);
        return store;
    }

    private void restore(CdnSnapshot snapshot) {
        snapshot.domains().forEach(d -> domains.put(key(d.domainName()), d));
        snapshot.configs().forEach(c -> configs.put(c.configId(), c));
        tasks.addAll(snapshot.tasks());
        nextDomainId = snapshot.nextDomainId();
        nextConfigId = snapshot.nextConfigId();
        nextTaskId = snapshot.nextTaskId();
    }

    static String key(String domainName) {
        return domainName.toLowerCase(Locale.ROOT);
    }

    /** Runs a change and persists the result; rules must be checked before anything is changed. */
    synchronized <T> T mutate(Supplier<T> change) {
        T result = change.get();
        file.write(new CdnSnapshot(
                List.copyOf(domains.values()),
                List.copyOf(configs.values()),
                List.copyOf(tasks),
                nextDomainId,
                nextConfigId,
                nextTaskId));
        return result;
    }

    synchronized <T> T query(Supplier<T> read) {
        return read.get();
    }

    /**
     * The domain that answers for {@code host}: the domain of that name, else a wildcard domain
     * {@code *.<parent>} one label above it (the form AddCdnDomain accepts).
     */
    java.util.Optional<CdnDomain> answering(String host) {
        CdnDomain exact = domains.get(key(host));
        if (exact != null) {
            return java.util.Optional.of(exact);
        }
        int dot = host.indexOf('.');
        return dot < 0
                ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(domains.get(key("*" + host.substring(dot))));
    }

    CdnDomain domain(String name) {
        CdnDomain domain = domains.get(key(name));
        if (domain == null) {
            throw CdnErrors.domainNotFound();
        }
        return domain;
    }
}
