package dev.ossops.emulator.cdn;

import dev.ossops.policy.access.RefererRule;
import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CDN domains of every account served, as the edge needs them: which Host names are online
 * domains and with what configuration, and whether a refresh task has covered a cached path since.
 * Reads the same stores the CDN API writes, so a change through the API applies to the next request.
 */
public final class EdgeDirectory {
    /** {@code <bucket>.oss-<region>[-internal].aliyuncs.com}, the OSS origin AddCdnDomain takes. */
    private static final Pattern OSS_ORIGIN =
            Pattern.compile("([a-z0-9][a-z0-9-]{1,61}[a-z0-9])\\.oss-[a-z0-9-]+\\.aliyuncs\\.com");

    private final Map<String, CdnStore> stores;

    /** @param stores each account's CDN store, by account id, in the order the accounts are served */
    public EdgeDirectory(Map<String, CdnStore> stores) {
        this.stores = new LinkedHashMap<>(stores);
    }

    /**
     * The online domain answering for {@code host} (lower case, no port): the domain of that name, else the
     * wildcard domain one label above it; in the first account that has one.
     */
    public Optional<EdgeDomain> serving(String host, Instant now) {
        for (Map.Entry<String, CdnStore> e : stores.entrySet()) {
            CdnStore store = e.getValue();
            Optional<EdgeDomain> found = store.query(() -> store.answering(host)
                    .filter(domain -> CdnDomain.ONLINE.equals(domain.statusAt(now)))
                    .map(domain -> view(e.getKey(), store, domain)));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a refresh task of {@code accountId} numbered {@code mark} or later covers {@code path}
     * (decoded) on {@code host}: a File task naming the path, or a Directory task above it.
     */
    public boolean refreshedSince(String accountId, String host, String path, long mark) {
        CdnStore store = stores.get(accountId);
        if (store == null) {
            return false;
        }
        return store.query(() -> {
            // Tasks are appended in id order: only the newest few can be at or after the mark.
            for (int i = store.tasks.size() - 1; i >= 0; i--) {
                CdnRefreshTask task = store.tasks.get(i);
                if (Long.parseLong(task.taskId()) < mark) {
                    return false;
                }
                if (covers(task, host, path)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static boolean covers(CdnRefreshTask task, String host, String path) {
        URI uri;
        try {
            String url = task.objectPath();
            uri = new URI(url.contains("://") ? url : "http://" + url);
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(host)) {
            return false;
        }
        String taskPath = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        return "directory".equals(task.objectType()) ? path.startsWith(taskPath) : path.equals(taskPath);
    }

    private static EdgeDomain view(String accountId, CdnStore store, CdnDomain domain) {
        List<CdnConfig> configs = store.configs.values().stream()
                .filter(c -> c.domainName().equals(domain.domainName()))
                .toList();
        boolean privateAuth = function(configs, "l2_oss_key")
                .map(c -> "on".equals(arg(c, "private_oss_auth")))
                .orElse(false);
        Optional<RefererRule> referer = function(configs, "referer_white_list_set")
                .map(c -> referer(c, true, "refer_domain_allow_list"))
                .or(() -> function(configs, "referer_black_list_set")
                        .map(c -> referer(c, false, "refer_domain_deny_list")));
        Optional<UrlAuth> urlAuth = function(configs, "aliauth")
                .filter(c -> !"no_auth".equals(arg(c, "auth_type")))
                .map(c -> new UrlAuth(
                        required(c, "auth_type"),
                        required(c, "auth_key1"),
                        arg(c, "auth_key2"),
                        Long.parseLong(arg(c, "ali_auth_delta"))));
        List<CacheTtl.Rule> rules = new ArrayList<>();
        for (CdnConfig c : configs) {
            boolean byPath = c.functionName().equals("path_based_ttl_set");
            if (byPath || c.functionName().equals("filetype_based_ttl_set")) {
                String values = byPath ? required(c, "path") : required(c, "file_type");
                rules.add(new CacheTtl.Rule(
                        byPath,
                        List.of(values.split(",")),
                        Long.parseLong(arg(c, "ttl")),
                        Integer.parseInt(arg(c, "weight")),
                        c.configId()));
            }
        }
        return new EdgeDomain(
                accountId,
                domain.domainName(),
                originBucket(domain.sources()),
                privateAuth,
                referer,
                urlAuth,
                new CacheTtl(rules),
                store.nextTaskId);
    }

    /** The bucket of the first {@code oss} origin, primary (priority 20) before backup (30). */
    static Optional<String> originBucket(List<CdnSource> sources) {
        return sources.stream()
                .filter(s -> "oss".equals(s.type()))
                .sorted(Comparator.comparing(CdnSource::priority))
                .map(s -> OSS_ORIGIN.matcher(s.content().toLowerCase(Locale.ROOT)))
                .filter(Matcher::matches)
                .map(m -> m.group(1))
                .findFirst();
    }

    private static Optional<CdnConfig> function(List<CdnConfig> configs, String name) {
        return configs.stream().filter(c -> c.functionName().equals(name)).findFirst();
    }

    private static @Nullable String arg(CdnConfig config, String name) {
        return config.args().stream()
                .filter(a -> a.argName().equals(name))
                .map(CdnFunctionArg::argValue)
                .findFirst()
                .orElse(null);
    }

    /** An argument {@link CdnFunctions} required when the configuration was set, so it is stored. */
    private static String required(CdnConfig config, String name) {
        return Objects.requireNonNull(arg(config, name), () -> config.functionName() + " is stored with " + name);
    }

    private static RefererRule referer(CdnConfig config, boolean allowList, String listArg) {
        return new RefererRule(
                allowList, List.of(required(config, listArg).split(",")), "on".equals(arg(config, "allow_empty")));
    }
}
