package dev.ossops.emulator.sts;

import dev.ossops.common.AccessKeys;
import org.jspecify.annotations.Nullable;

/**
 * An issued role session: temporary key, token, expiry (ISO-8601 UTC) and what it acts as: a role
 * of {@code accountId} (null in sessions stored before the emulator served several accounts: the
 * first account's). {@code sessionPolicy} is null when AssumeRole had no Policy parameter.
 */
record StsSession(
        String accessKeyId,
        String secret,
        String securityToken,
        String expiration,
        String roleName,
        String roleId,
        String sessionName,
        @Nullable String sessionPolicy,
        String accountId) {

    @Override
    public String toString() {
        return "StsSession[" + AccessKeys.mask(accessKeyId) + ", " + roleName + "/" + sessionName + ", until "
                + expiration + "]";
    }
}
