package dev.ossops.emulator.service;

import dev.ossops.emulator.config.CorsConfiguration;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.store.DiskStore;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * CORS enforcement from the bucket's stored rules, as OSS documents it (Options, PutBucketCors
 * "CORS rule matching"): a preflight needs no signature and is refused with 403
 * {@code AccessForbidden} unless a rule admits its origin, method and headers; an actual request
 * carrying {@code Origin} gets the matching rule's headers and is otherwise served unchanged.
 */
public final class CorsService {
    private final DiskStore store;
    private final StoredConfigs configs;

    public CorsService(DiskStore store, StoredConfigs configs) {
        this.store = store;
        this.configs = configs;
    }

    /**
     * The response headers of an allowed preflight.
     *
     * @param origin         the {@code Origin} header, null when absent
     * @param method         {@code Access-Control-Request-Method}, null when absent
     * @param requestHeaders the names listed in {@code Access-Control-Request-Headers}
     */
    public Map<String, String> preflight(
            String bucket, @Nullable String origin, @Nullable String method, List<String> requestHeaders) {
        Optional<CorsConfiguration> rules = store.atomically(() -> {
            if (store.bucket(bucket).isEmpty()) {
                throw BucketService.noSuchBucket(bucket);
            }
            return configs.cors(bucket);
        });
        if (origin == null || method == null || rules.isEmpty()) {
            throw new OssException(OssError.CORS_FORBIDDEN);
        }
        CorsConfiguration.CorsDecision decision =
                rules.get().match(origin, method.toUpperCase(Locale.ROOT), requestHeaders);
        if (!decision.allowed()) {
            throw new OssException(OssError.CORS_FORBIDDEN);
        }
        return decision.headers();
    }

    /** The CORS headers of an actual request; empty without {@code Origin}, bucket or rules. */
    public Map<String, String> actual(@Nullable String bucket, @Nullable String origin, String method) {
        if (origin == null || bucket == null) {
            return Map.of();
        }
        Optional<CorsConfiguration> rules = store.atomically(
                () -> store.bucket(bucket).isPresent() ? configs.cors(bucket) : Optional.<CorsConfiguration>empty());
        return rules.map(r -> r.match(origin, method, List.of()).headers()).orElse(Map.of());
    }
}
