package dev.ossops.emulator.ram;

import org.jspecify.annotations.Nullable;

/** A RAM user as GetUser reports it; dates are ISO-8601 UTC text as on the wire. */
record RamUser(
        String userId,
        String userName,
        @Nullable String displayName,
        @Nullable String mobilePhone,
        @Nullable String email,
        @Nullable String comments,
        String createDate,
        String updateDate) {}
