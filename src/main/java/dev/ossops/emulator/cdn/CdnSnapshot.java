package dev.ossops.emulator.cdn;

import java.util.List;

/** CDN state as persisted: one JSON document, with the id counters so ids are never reused. */
record CdnSnapshot(
        List<CdnDomain> domains,
        List<CdnConfig> configs,
        List<CdnRefreshTask> tasks,
        long nextDomainId,
        long nextConfigId,
        long nextTaskId) {}
