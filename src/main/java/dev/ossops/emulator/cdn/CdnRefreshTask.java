package dev.ossops.emulator.cdn;

/** One refreshed path; the edge drops what it covers at the next request, so tasks complete at once. */
record CdnRefreshTask(
        String taskId, String objectPath, String objectType, String status, String process, String creationTime) {}
