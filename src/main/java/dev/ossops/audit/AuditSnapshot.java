package dev.ossops.audit;

import dev.ossops.spec.model.AccessAssertion;
import dev.ossops.spec.model.UploaderSpec;
import dev.ossops.spec.tree.Location;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an audit looks at, collected beforehand so that checks stay pure. {@code profileFile} is the profile
 * audited, as the user named it (SARIF points results at it); {@code profileLocations} maps profile property paths
 * ({@code buckets.media}, {@code uploader}) to where they are written, so reports can point at the line a
 * remediation changes. {@code access} are the profile's access assertions, checked against this state.
 */
public record AuditSnapshot(
        String accountId,
        List<BucketState> buckets,
        Observed<Boolean> accountBlockPublicAccess,
        Observed<RamState> ram,
        Observed<List<CdnDomainState>> cdnDomains,
        Optional<UploaderSpec> uploader,
        Optional<String> profileFile,
        Map<String, Location> profileLocations,
        Map<String, AccessAssertion> access) {

    public AuditSnapshot {
        Objects.requireNonNull(accountId, "accountId");
        buckets = List.copyOf(buckets);
        Objects.requireNonNull(accountBlockPublicAccess, "accountBlockPublicAccess");
        Objects.requireNonNull(ram, "ram");
        cdnDomains = cdnDomains
                .value()
                .<Observed<List<CdnDomainState>>>map(l -> Observed.found(List.copyOf(l)))
                .orElse(cdnDomains);
        Objects.requireNonNull(uploader, "uploader");
        Objects.requireNonNull(profileFile, "profileFile");
        profileLocations = Collections.unmodifiableMap(new LinkedHashMap<>(profileLocations));
        access = Collections.unmodifiableMap(new LinkedHashMap<>(access));
    }

    /** This snapshot with the profile's access assertions to check. */
    public AuditSnapshot withAccess(Map<String, AccessAssertion> assertions) {
        return new AuditSnapshot(
                accountId,
                buckets,
                accountBlockPublicAccess,
                ram,
                cdnDomains,
                uploader,
                profileFile,
                profileLocations,
                assertions);
    }

    public static Builder builder(String accountId) {
        return new Builder(accountId);
    }

    public Optional<BucketState> bucket(String name) {
        return buckets.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    public Optional<Location> location(String profilePath) {
        return Optional.ofNullable(profileLocations.get(profilePath));
    }

    /** Starts with nothing read: account Block Public Access, RAM and CDN unreadable until set. */
    public static final class Builder {
        private static final String NOT_COLLECTED = "not collected";
        private final String accountId;
        private final List<BucketState> buckets = new ArrayList<>();
        private Observed<Boolean> accountBlockPublicAccess = Observed.unreadable(NOT_COLLECTED);
        private Observed<RamState> ram = Observed.unreadable(NOT_COLLECTED);
        private Observed<List<CdnDomainState>> cdnDomains = Observed.unreadable(NOT_COLLECTED);
        private Optional<UploaderSpec> uploader = Optional.empty();
        private Optional<String> profileFile = Optional.empty();
        private final Map<String, Location> profileLocations = new LinkedHashMap<>();

        private Builder(String accountId) {
            this.accountId = accountId;
        }

        public Builder bucket(BucketState bucket) {
            buckets.add(bucket);
            return this;
        }

        public Builder accountBlockPublicAccess(Observed<Boolean> value) {
            accountBlockPublicAccess = value;
            return this;
        }

        public Builder ram(Observed<RamState> value) {
            ram = value;
            return this;
        }

        public Builder cdnDomains(Observed<List<CdnDomainState>> value) {
            cdnDomains = value;
            return this;
        }

        public Builder uploader(UploaderSpec value) {
            uploader = Optional.of(value);
            return this;
        }

        public Builder profileFile(String file) {
            profileFile = Optional.of(file);
            return this;
        }

        public Builder profileLocation(String profilePath, Location location) {
            profileLocations.put(profilePath, location);
            return this;
        }

        public AuditSnapshot build() {
            return new AuditSnapshot(
                    accountId,
                    buckets,
                    accountBlockPublicAccess,
                    ram,
                    cdnDomains,
                    uploader,
                    profileFile,
                    profileLocations,
                    Map.of());
        }
    }
}
