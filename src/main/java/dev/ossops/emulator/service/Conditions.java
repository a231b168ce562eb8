package dev.ossops.emulator.service;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * The If-Match / If-None-Match / If-Modified-Since / If-Unmodified-Since headers of a read,
 * evaluated as OSS does: a failed If-Match or If-Unmodified-Since is 412, a satisfied
 * If-None-Match or unsatisfied If-Modified-Since is 304. Unparseable dates are ignored.
 */
public record Conditions(
        @Nullable String ifMatch,
        @Nullable String ifNoneMatch,
        @Nullable Instant ifModifiedSince,
        @Nullable Instant ifUnmodifiedSince) {
    public static final Conditions NONE = new Conditions(null, null, null, null);

    void check(@Nullable String etag, long lastModifiedMillis) {
        Instant modified = Instant.ofEpochMilli(lastModifiedMillis - lastModifiedMillis % 1000);
        if (ifMatch != null && !matches(ifMatch, etag)) {
            throw new OssException(OssError.PRECONDITION_FAILED).with("Condition", "If-Match");
        }
        if (ifUnmodifiedSince != null && modified.isAfter(ifUnmodifiedSince)) {
            throw new OssException(OssError.PRECONDITION_FAILED).with("Condition", "If-Unmodified-Since");
        }
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            throw new OssException(OssError.NOT_MODIFIED);
        }
        if (ifModifiedSince != null && !modified.isAfter(ifModifiedSince)) {
            throw new OssException(OssError.NOT_MODIFIED);
        }
    }

    private static boolean matches(String header, @Nullable String etag) {
        for (String candidate : header.split(",", -1)) {
            String c = candidate.trim();
            if (c.equals("*") || unquote(c).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    static String unquote(String etag) {
        String e = etag.trim();
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }
}
