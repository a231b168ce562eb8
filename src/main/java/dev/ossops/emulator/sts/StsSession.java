package dev.ossops.emulator.sts;

import dev.ossops.common.AccessKeys;

/**
 * An issued role session: temporary key, token, expiry (ISO-8601 UTC) and what it acts as.
 * {@code sessionPolicy} is null when AssumeRole had no Policy parameter.
 */
record StsSession(String accessKeyId, String secret, String securityToken, String expiration,
                  String roleName, String roleId, String sessionName, String sessionPolicy) {

    @Override
    public String toString() {
        return "StsSession[" + AccessKeys.mask(accessKeyId) + ", " + roleName + "/" + sessionName + ", until " + expiration + "]";
    }
}
