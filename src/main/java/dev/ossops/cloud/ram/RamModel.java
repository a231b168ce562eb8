package dev.ossops.cloud.ram;

import java.util.List;
import java.util.Optional;

/** What {@link RamGateway} reads, free of SDK types so callers outside {@code cloud} can use it. */
public final class RamModel {

    private RamModel() {}

    /** A policy with its default version's document. {@code policyType} is {@code System} or {@code Custom}. */
    public record Policy(
            String name,
            String policyType,
            String defaultVersionId,
            String defaultDocument,
            Optional<String> description) {}

    /** One version of a policy; {@code createDate} as RAM prints it (ISO-8601). */
    public record PolicyVersion(String versionId, boolean isDefault, String createDate) {}

    public record Role(
            String name,
            String arn,
            String trustDocument,
            Optional<Long> maxSessionDuration,
            Optional<String> description) {}

    public record User(String name, Optional<String> displayName) {}

    /** A policy attached to a role or user, with the PolicyType RAM reported. */
    public record AttachedPolicy(String policyName, String policyType) {}

    /** An AccessKey as ListAccessKeys reports it: the id (never the secret) and {@code Active} or {@code Inactive}. */
    public record AccessKey(String accessKeyId, String status) {}

    /**
     * GetCallerIdentity: the account, the kind of caller ({@code Account}, {@code RAMUser}, {@code AssumedRoleUser}), its
     * ARN and its id (the RAM user's UID; empty when the service did not say).
     */
    public record CallerIdentity(String accountId, String identityType, String arn, String userId) {
        /** The account itself (root) rather than a RAM user or role. */
        public boolean isAccount() {
            return "Account".equals(identityType);
        }
    }

    /** What a new role is created with; {@code description} is sent only when present. */
    public record NewRole(String name, String trustDocument, long maxSessionDuration, Optional<String> description) {}

    /** The versions of a policy ordered oldest first. */
    static List<PolicyVersion> oldestFirst(List<PolicyVersion> versions) {
        return versions.stream().sorted(RamModel::compareAge).toList();
    }

    /** By creation date, then by the number in {@code vN} (RAM numbers versions in creation order). */
    private static int compareAge(PolicyVersion a, PolicyVersion b) {
        int byDate = a.createDate().compareTo(b.createDate());
        return byDate != 0 ? byDate : Long.compare(number(a.versionId()), number(b.versionId()));
    }

    private static long number(String versionId) {
        String digits = versionId.replaceAll("\\D", "");
        return digits.isEmpty() || digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
