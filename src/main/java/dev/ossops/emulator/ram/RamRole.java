package dev.ossops.emulator.ram;

import org.jspecify.annotations.Nullable;

/** A RAM role with its trust policy (AssumeRolePolicyDocument) and session limit in seconds. */
public record RamRole(
        String roleId,
        String roleName,
        String arn,
        @Nullable String description,
        String assumeRolePolicyDocument,
        long maxSessionDuration,
        String createDate,
        String updateDate) {}
