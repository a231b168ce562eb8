package dev.ossops.emulator.store;

/** One uploaded part; the ETag is stored without quotes. */
public record PartRecord(int number, String etag, long size, String crc64, long lastModified) {}
