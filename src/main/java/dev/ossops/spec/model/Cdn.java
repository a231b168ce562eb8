package dev.ossops.spec.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CDN domains by name. */
public record Cdn(Map<String, Domain> domains) {

    public Cdn {
        domains = Profile.ordered(domains);
    }

    /** {@code type} is web, download or video; {@code httpsCertificate} is "free" when set. */
    public record Domain(
            String name,
            String type,
            Origin origin,
            boolean privateOssAuth,
            Optional<String> httpsCertificate,
            List<CacheTtl> cacheTtl) {
        public Domain {
            cacheTtl = List.copyOf(cacheTtl);
        }
    }

    /** Where the CDN fetches misses from. */
    public sealed interface Origin {
        record OssBucket(String bucket) implements Origin {}

        record DomainName(String domain) implements Origin {}

        record Ip(String address) implements Origin {}
    }

    /** Cache expiry for file types or for paths (one of the two lists is empty). */
    public record CacheTtl(List<String> fileTypes, List<String> paths, long ttlSeconds) {
        public CacheTtl {
            fileTypes = List.copyOf(fileTypes);
            paths = List.copyOf(paths);
        }
    }
}
