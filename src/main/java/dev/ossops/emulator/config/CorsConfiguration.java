package dev.ossops.emulator.config;

import dev.ossops.shared.CorsRule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
                        .filter(r -> admits(r, origin, method, requestHeaders))
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

    /**
     * Whether the rule admits this origin, method and every requested header (OSS's three conditions); origins and
     * headers may carry one {@code *} wildcard each.
     */
    private static boolean admits(CorsRule rule, String origin, String method, List<String> requestHeaders) {
        return rule.allowedOrigins().stream().anyMatch(p -> wildcard(p, origin, false))
                && rule.allowedMethods().contains(method)
                && requestHeaders.stream()
                        .allMatch(h -> rule.allowedHeaders().stream().anyMatch(p -> wildcard(p, h, true)));
    }

    /** A pattern with at most one {@code *} matching any run of characters (validated on PUT). */
    private static boolean wildcard(String pattern, String value, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        int star = p.indexOf('*');
        if (star < 0) {
            return p.equals(v);
        }
        String prefix = p.substring(0, star);
        String suffix = p.substring(star + 1);
        return v.length() >= prefix.length() + suffix.length() && v.startsWith(prefix) && v.endsWith(suffix);
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
