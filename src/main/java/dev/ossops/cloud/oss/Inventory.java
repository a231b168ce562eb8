package dev.ossops.cloud.oss;

/** A bounded count of objects (or versions): {@code truncated} when listing stopped at {@code limit}. */
public record Inventory(long objects, long bytes, boolean truncated, long limit) {}
