package dev.ossops.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Live values that have no spec-model type. Bucket sub-configurations use the spec model itself (lifecycle is a
 * {@code List<LifecycleRule>}, CORS a {@code CorsConfiguration}, a policy its JSON text, the ACL its wire value).
 */
public final class Live {

    private Live() {}

    /** A bucket that exists live, with its create-only properties as GetBucketInfo reports them. */
    public record Bucket(String region, String storageClass, String redundancy) {}

    /** A custom RAM policy: its default version's document and every version id (at most 5 exist). */
    public record RamPolicy(
            String defaultDocument, String defaultVersionId, List<String> versionIds, Optional<String> description) {
        public RamPolicy {
            versionIds = List.copyOf(versionIds);
        }
    }

    /** A RAM role; {@code maxSessionDuration} is empty when the service did not report one. */
    public record RamRole(String trustDocument, Optional<Long> maxSessionDuration, Optional<String> description) {}

    public record RamUser(Optional<String> displayName) {}

    /** The PolicyType that ListPoliciesForRole/User report. */
    public enum PolicyType {
        SYSTEM("System"),
        CUSTOM("Custom");

        private final String wire;

        PolicyType(String wire) {
            this.wire = wire;
        }

        /** The spelling RAM uses ({@code System}, {@code Custom}). */
        public String wire() {
            return wire;
        }
    }

    /** One policy attached to a role or user. */
    public record Attachment(String policyName, PolicyType policyType) {}

    /** The policies attached to one role or user. */
    public record Attachments(Set<Attachment> attached) {
        public Attachments {
            attached = Set.copyOf(attached);
        }
    }

    /** A CDN origin as DescribeCdnDomainDetail reports it: type oss, domain or ipaddr; port and priority optional. */
    public record CdnSource(String type, String content, Optional<Integer> port, Optional<String> priority) {}

    /** A CDN domain: type web, download or video; status online, offline, configuring, ... */
    public record CdnDomain(String type, List<CdnSource> sources, String status) {
        public CdnDomain {
            sources = List.copyOf(sources);
        }
    }

    /** One CDN domain config (DescribeCdnDomainConfigs): function name, its config id and arguments. */
    public record CdnFunction(String functionName, String configId, Map<String, String> args) {
        public CdnFunction {
            args = Map.copyOf(args);
        }
    }

    /** The CDN functions that make up one managed setting (e.g. every filetype_based_ttl_set). */
    public record CdnFunctions(List<CdnFunction> functions) {
        public CdnFunctions {
            functions = List.copyOf(functions);
        }
    }

    /** HTTPS on a CDN domain: whether a certificate is on and its type (free, cas, upload). */
    public record CdnCertificate(boolean enabled, Optional<String> certificateType) {}

    /** Objects under a prefix from a bounded listing; {@code truncated} when the listing stopped at {@code limit}. */
    public record Inventory(long objects, long bytes, boolean truncated, long limit) {}
}
