package dev.ossops.policy.access;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A CDN domain's Referer list ({@code referer_white_list_set} or {@code referer_black_list_set}). Checked against
 * Alibaba Cloud CDN "Configure a Referer whitelist or blacklist": entries are domain names, an entry also covers
 * its subdomains ({@code example.com} covers {@code *.example.com}) and may itself start with {@code *.}; the
 * Referer's host is compared, ignoring case. {@code allowEmpty}: a request without a Referer passes (otherwise it
 * is refused, by either kind of list).
 */
public record RefererRule(boolean allowList, List<String> domains, boolean allowEmpty) {
    public RefererRule {
        domains = domains.stream()
                .map(d -> d.trim().toLowerCase(Locale.ROOT))
                .filter(d -> !d.isEmpty())
                .toList();
    }

    /** Whether a request with this Referer (empty = none) passes the rule. */
    public boolean admits(Optional<String> referer) {
        if (referer.isEmpty() || referer.get().isBlank()) {
            return allowEmpty;
        }
        Optional<String> host = host(referer.get());
        boolean listed =
                host.map(h -> domains.stream().anyMatch(d -> covers(d, h))).orElse(false);
        return allowList == listed;
    }

    /** The host of a Referer value: a URL, or a bare host as some clients send. */
    static Optional<String> host(String referer) {
        String value = referer.trim();
        try {
            URI uri = new URI(value.contains("://") ? value : "http://" + value);
            return Optional.ofNullable(uri.getHost()).map(h -> h.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean covers(String entry, String host) {
        String base = entry.startsWith("*.") ? entry.substring(2) : entry;
        return (host.equals(base) && !entry.startsWith("*.")) || host.endsWith("." + base);
    }

    /** Referer values that tell this rule's entries apart: each entry, a subdomain of each, another site, none. */
    List<Optional<String>> witnesses() {
        List<Optional<String>> out = new java.util.ArrayList<>();
        out.add(Optional.empty());
        for (String d : domains) {
            String base = d.startsWith("*.") ? d.substring(2) : d;
            out.add(Optional.of("https://" + base + "/"));
            out.add(Optional.of("https://www." + base + "/"));
        }
        out.add(Optional.of("https://other.example.invalid/"));
        return out;
    }
}
