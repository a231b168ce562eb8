package dev.ossops.emulator.ram;

import dev.ossops.common.AccessKeys;

/** A RAM user's access key; the secret is only ever shown by CreateAccessKey. */
record RamAccessKey(String accessKeyId, String secret, String userName, String status, String createDate) {
    static final String ACTIVE = "Active";
    static final String INACTIVE = "Inactive";

    @Override
    public String toString() {
        return "RamAccessKey[" + AccessKeys.mask(accessKeyId) + ", " + userName + ", " + status + "]";
    }
}
