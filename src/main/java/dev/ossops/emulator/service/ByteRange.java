package dev.ossops.emulator.service;

import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import org.jspecify.annotations.Nullable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A satisfiable byte range of an object. OSS serves {@code bytes=a-b}, {@code bytes=a-} and
 * {@code bytes=-n}. What it does with a range it cannot satisfy depends on
 * {@code x-oss-range-behavior} (OSS's range download documentation):
 * <ul>
 *   <li>by default the range is ignored and the whole object is returned with 200, whether the
 *       start or the end lies beyond the object (bytes=500-2000 of 1000 bytes: the whole object);</li>
 *   <li>with {@code x-oss-range-behavior: standard} an end beyond the object is cut to its last
 *       byte (206) and a start beyond it is 416 InvalidRange.</li>
 * </ul>
 * A suffix of zero bytes ({@code bytes=-0}) is 416 InvalidRange in either mode (the official
 * Java SDK's GetObjectTest expects it). Malformed values and several ranges are ignored.
 */
public record ByteRange(long first, long last) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** A Range header as a request sends it, and whether it came with {@code x-oss-range-behavior: standard}. */
    public record Header(@Nullable String value, boolean standard) {
        public static final Header NONE = new Header(null, false);
    }

    public long length() {
        return last - first + 1;
    }

    /** Whether {@code header} is one range in OSS's syntax, satisfiable or not. */
    public static boolean wellFormed(@Nullable String header) {
        return single(header) != null;
    }

    private static @Nullable Matcher single(@Nullable String header) {
        Matcher m = header == null ? null : SINGLE.matcher(header.trim());
        return m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty()) ? m : null;
    }

    /**
     * The range to serve for {@code header}, or null for the whole object.
     *
     * @param standard {@code x-oss-range-behavior: standard}
     * @throws OssException InvalidRange for what OSS refuses with 416
     */
    public static @Nullable ByteRange parse(@Nullable String header, long size, boolean standard) {
        Matcher m = single(header);
        if (m == null) {
            return null;
        }
        try {
            if (m.group(1).isEmpty()) {
                long n = Long.parseLong(m.group(2));
                if (n == 0) {
                    throw new OssException(OssError.INVALID_RANGE);
                }
                return size == 0 ? null : new ByteRange(Math.max(0, size - n), size - 1);
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Long.parseLong(m.group(2));
            if (last < first) {
                return null;
            }
            if (first >= size) {
                if (standard) {
                    throw new OssException(OssError.INVALID_RANGE);
                }
                return null;
            }
            if (last >= size && !standard) {
                return null;
            }
            return new ByteRange(first, Math.min(last, size - 1));
        } catch (NumberFormatException e) {
            // More digits than a long holds: not a range OSS can serve either.
            return null;
        }
    }
}
