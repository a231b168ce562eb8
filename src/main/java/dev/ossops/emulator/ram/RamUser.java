package dev.ossops.emulator.ram;

/** A RAM user as GetUser reports it; dates are ISO-8601 UTC text as on the wire. */
record RamUser(
        String userId,
        String userName,
        String displayName,
        String mobilePhone,
        String email,
        String comments,
        String createDate,
        String updateDate) {}
