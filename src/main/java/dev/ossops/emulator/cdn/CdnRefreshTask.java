package dev.ossops.emulator.cdn;

/** One refreshed path; the emulator has no caches to purge, so tasks complete at once. */
record CdnRefreshTask(
        String taskId, String objectPath, String objectType, String status, String process, String creationTime) {}
