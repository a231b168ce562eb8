package dev.ossops.emulator.cdn;

/** One origin of a domain: content (OSS domain, host or IP), type, port, priority, weight. */
record CdnSource(String content, String type, int port, String priority, String weight) {}
