package dev.ossops.emulator.ram;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A System or Custom policy with its versions (oldest first) and which one is the default;
 * {@code nextVersion} keeps version ids from being reused after a delete, as RAM does.
 */
record RamPolicy(
        String policyName,
        String policyType,
        @Nullable String description,
        String defaultVersion,
        List<RamPolicyVersion> versions,
        int nextVersion,
        String createDate,
        String updateDate) {
    static final String SYSTEM = "System";
    static final String CUSTOM = "Custom";
    static final int MAX_VERSIONS = 5;

    RamPolicy {
        versions = List.copyOf(versions);
    }

    static RamPolicy system(String name, @Nullable String description, String document, String date) {
        return new RamPolicy(
                name, SYSTEM, description, "v1", List.of(new RamPolicyVersion("v1", document, date)), 2, date, date);
    }

    Optional<RamPolicyVersion> version(String versionId) {
        return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    RamPolicyVersion defaultPolicyVersion() {
        return version(defaultVersion)
                .orElseThrow(() -> new IllegalStateException("policy " + policyName + " lost its default version"));
    }

    RamPolicy withVersions(List<RamPolicyVersion> newVersions, String newDefault, int newNext, String now) {
        return new RamPolicy(policyName, policyType, description, newDefault, newVersions, newNext, createDate, now);
    }

    RamPolicy withDescription(String newDescription, String now) {
        return new RamPolicy(
                policyName, policyType, newDescription, defaultVersion, versions, nextVersion, createDate, now);
    }

    /** Adds a version; when full, drops the oldest non-default one if {@code rotate}, else refuses. */
    RamPolicy addVersion(String document, boolean setAsDefault, boolean rotate, String now) {
        List<RamPolicyVersion> next = new ArrayList<>(versions);
        if (next.size() >= MAX_VERSIONS) {
            if (!rotate) {
                throw RamErrors.versionLimit();
            }
            next.remove(next.stream()
                    .filter(v -> !v.versionId().equals(defaultVersion))
                    .findFirst()
                    .orElseThrow(RamErrors::versionLimit));
        }
        String id = "v" + nextVersion;
        next.add(new RamPolicyVersion(id, document, now));
        return withVersions(next, setAsDefault ? id : defaultVersion, nextVersion + 1, now);
    }
}
