package dev.ossops.emulator.cdn;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the edge keeps a response, in the order the CDN documents ("Configure CDN cache expiration
 * time", "Alibaba Cloud CDN default cache policy"):
 * <ol>
 *   <li>the origin saying {@code Cache-Control: no-cache}, {@code no-store} or {@code max-age=0}, or
 *       {@code Pragma: no-cache}: not cached;</li>
 *   <li>the domain's TTL rules ({@code path_based_ttl_set}, {@code filetype_based_ttl_set}): of those
 *       matching, the highest weight, then the earliest created;</li>
 *   <li>the origin's {@code Cache-Control: max-age} or {@code Expires};</li>
 *   <li>the default: a tenth of the time since {@code Last-Modified}, at least 10 s and at most 3600 s.</li>
 * </ol>
 */
public final class CacheTtl {
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])(?:s-maxage|max-age)\\s*=\\s*\"?(\\d{1,10})");
    private static final long DEFAULT_FLOOR = 10;
    private static final long DEFAULT_CEILING = 3600;

    /** One console rule: a directory or a set of file extensions; {@code order} is creation order (the config id). */
    public record Rule(boolean byPath, List<String> values, long ttlSeconds, int weight, long order) {
        public Rule {
            values = List.copyOf(values);
        }

        boolean matches(String path) {
            if (byPath) {
                return values.stream().anyMatch(dir -> covers(dir, path));
            }
            String extension = extension(path);
            return !extension.isEmpty() && values.stream().anyMatch(v -> v.equalsIgnoreCase(extension));
        }

        String describe() {
            return (byPath ? "path_based_ttl_set " : "filetype_based_ttl_set ") + String.join(",", values);
        }
    }

    /** The time to keep, 0 = do not cache, and which step decided it. */
    public record Ttl(long seconds, String decidedBy) {}

    private final List<Rule> rules;

    public CacheTtl(List<Rule> rules) {
        this.rules = rules.stream()
                .sorted(Comparator.comparingInt(Rule::weight).reversed().thenComparingLong(Rule::order))
                .toList();
    }

    /**
     * @param path          the request path, decoded, starting with {@code /}
     * @param originHeaders the origin's response headers, names lower case
     */
    public Ttl decide(String path, Map<String, String> originHeaders, Instant now) {
        String cacheControl = originHeaders.getOrDefault("cache-control", "").toLowerCase(Locale.ROOT);
        String pragma = originHeaders.getOrDefault("pragma", "").toLowerCase(Locale.ROOT);
        Optional<Long> maxAge = maxAge(cacheControl);
        if (cacheControl.contains("no-cache")
                || cacheControl.contains("no-store")
                || maxAge.map(a -> a == 0).orElse(false)
                || pragma.contains("no-cache")) {
            return new Ttl(0, "the origin's no-cache");
        }
        for (Rule rule : rules) {
            if (rule.matches(path)) {
                return new Ttl(rule.ttlSeconds(), rule.describe());
            }
        }
        if (maxAge.isPresent()) {
            return new Ttl(maxAge.get(), "the origin's Cache-Control");
        }
        Optional<Instant> expires = httpDate(originHeaders.get("expires"));
        if (expires.isPresent()) {
            return new Ttl(Math.max(0, Duration.between(now, expires.get()).toSeconds()), "the origin's Expires");
        }
        long sinceModified = httpDate(originHeaders.get("last-modified"))
                .map(m -> Math.max(0, Duration.between(m, now).toSeconds()))
                .orElse(0L);
        return new Ttl(Math.min(Math.max(DEFAULT_FLOOR, sinceModified / 10), DEFAULT_CEILING), "the default policy");
    }

    /** {@code /static/} (or {@code /static}) covers {@code /static/...}; {@code /} covers everything. */
    static boolean covers(String dir, String path) {
        String base = dir.endsWith("/") ? dir : dir + "/";
        return path.startsWith(base) || path.equals(dir);
    }

    /** The extension of the last path segment, without the dot; empty when it has none. */
    static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private static Optional<Long> maxAge(String cacheControl) {
        Matcher m = MAX_AGE.matcher(cacheControl);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    private static Optional<Instant> httpDate(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
