package dev.ossops.emulator.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bucket's CORS rules. {@link #match} decides the CORS response headers of a preflight
 * ({@code OPTIONS}) or actual cross-origin request as OSS documents it (PutBucketCors "CORS rule
 * matching", Options response headers): rules are tried in order and the first that admits the
 * origin, the method and every requested header wins.
 */
public record CorsConfiguration(List<CorsRule> rules, boolean responseVary) {

    public CorsConfiguration {
        rules = List.copyOf(rules);
    }

    /**
     * The decision for a request. {@code origin} is the {@code Origin} header (null when absent),
     * {@code method} the request method or, for a preflight, {@code Access-Control-Request-Method},
     * {@code requestHeaders} the names in {@code Access-Control-Request-Headers} (empty for actual requests).
     */
    public CorsDecision match(String origin, String method, List<String> requestHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        Optional<CorsRule> winner = origin == null
                ? Optional.empty()
                : rules.stream()
                        .filter(r -> r.admits(origin, method, requestHeaders))
                        .findFirst();
        winner.ifPresent(rule -> {
            // OSS echoes the request's origin, method and headers rather than the configured patterns.
            headers.put("Access-Control-Allow-Origin", origin);
            headers.put("Access-Control-Allow-Methods", method);
            if (!requestHeaders.isEmpty()) {
                headers.put("Access-Control-Allow-Headers", String.join(", ", requestHeaders));
            }
            if (!rule.exposeHeaders().isEmpty()) {
                headers.put("Access-Control-Expose-Headers", String.join(", ", rule.exposeHeaders()));
            }
            rule.maxAgeSeconds().ifPresent(age -> headers.put("Access-Control-Max-Age", Long.toString(age)));
        });
        if (responseVary) {
            // ResponseVary=true: Vary: Origin on every response, matched or not.
            headers.put("Vary", "Origin");
        }
        return new CorsDecision(winner, headers);
    }

    /** The matching rule, if any, and the response headers to add, in order. */
    public record CorsDecision(Optional<CorsRule> rule, Map<String, String> headers) {
        public CorsDecision {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        public boolean allowed() {
            return rule.isPresent();
        }
    }
}
