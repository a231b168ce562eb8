package dev.ossops.emulator.http;

import org.jspecify.annotations.Nullable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Date and encoding formats of OSS responses. */
final class Formats {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The last second formatted: every response carries a Date header, and formatting it was 3% of a small PUT. */
    private static volatile FormattedSecond lastHttpDate = new FormattedSecond(Long.MIN_VALUE, "");

    private record FormattedSecond(long epochSecond, String text) {}

    private Formats() {}

    /** {@code Last-Modified} and {@code Date}: RFC 1123 with a two-digit day. */
    static String httpDate(long millis) {
        long second = Math.floorDiv(millis, 1000L);
        FormattedSecond last = lastHttpDate;
        if (last.epochSecond() == second) {
            return last.text();
        }
        String text = HTTP_DATE.format(Instant.ofEpochMilli(millis));
        lastHttpDate = new FormattedSecond(second, text);
        return text;
    }

    /** Timestamps in XML bodies: OSS keeps whole seconds and always writes ".000Z". */
    static String iso(long millis) {
        return ISO.format(Instant.ofEpochMilli(millis - Math.floorMod(millis, 1000L)));
    }

    static @Nullable Instant parseHttpDate(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Percent-encoded UTF-8 as OSS encodes keys: listings with encoding-type=url, x-oss-symlink-target. */
    static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    static String quoted(String etag) {
        return "\"" + etag + "\"";
    }
}
