package dev.ossops.emulator.service;

import dev.ossops.emulator.store.ObjectVersion;

import java.io.InputStream;
import java.util.function.Supplier;

/**
 * The result of GetObject/HeadObject: the version served, whether its version id is reported
 * (only in buckets that have been versioned), the range if one applies, and how to open the content.
 */
public record ObjectRead(ObjectVersion version, boolean versioned, ByteRange range, Supplier<InputStream> content) {
}
