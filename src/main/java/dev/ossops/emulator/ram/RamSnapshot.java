package dev.ossops.emulator.ram;

import java.util.List;

/** RAM state as persisted: one JSON document. System policies are not stored; they are built in. */
record RamSnapshot(
        List<RamUser> users,
        List<RamAccessKey> accessKeys,
        List<RamRole> roles,
        List<RamPolicy> policies,
        List<RamAttachment> attachments) {}
