package dev.ossops.emulator.service;

import dev.ossops.emulator.store.ObjectVersion;
import org.jspecify.annotations.Nullable;

import java.io.InputStream;
import java.util.function.Supplier;

/**
 * The result of GetObject/HeadObject: the version served, whether its version id is reported
 * (only in buckets that have been versioned), the range if one applies, how to open the content,
 * for an archived object the state of its restore (null when there is none to report), and when
 * the bucket was created (OSS's forced download on default domains depends on it).
 */
public record ObjectRead(
        ObjectVersion version,
        boolean versioned,
        @Nullable ByteRange range,
        Supplier<InputStream> content,
        @Nullable RestoreStatus restore,
        long bucketCreatedMillis) {}
