package dev.ossops.emulator.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One {@code CORSRule}: origins and headers may carry one {@code *} wildcard each. */
public record CorsRule(
        List<String> allowedOrigins,
        List<String> allowedMethods,
        List<String> allowedHeaders,
        List<String> exposeHeaders,
        Optional<Long> maxAgeSeconds) {

    public CorsRule {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedMethods = List.copyOf(allowedMethods);
        allowedHeaders = List.copyOf(allowedHeaders);
        exposeHeaders = List.copyOf(exposeHeaders);
    }

    /** Whether the rule admits this origin, method and every requested header (OSS's three conditions). */
    public boolean admits(String origin, String method, List<String> requestHeaders) {
        return allowedOrigins.stream().anyMatch(p -> wildcard(p, origin, false))
                && allowedMethods.contains(method)
                && requestHeaders.stream().allMatch(h -> allowedHeaders.stream().anyMatch(p -> wildcard(p, h, true)));
    }

    /** A pattern with at most one {@code *} matching any run of characters (validated on PUT). */
    static boolean wildcard(String pattern, String value, boolean ignoreCase) {
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
}
