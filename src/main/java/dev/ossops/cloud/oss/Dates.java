package dev.ossops.cloud.oss;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;

/** Lifecycle dates: the profile writes ISO 8601 days or instants, the SDK wants {@link Date}s at UTC. */
final class Dates {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Dates() {}

    static Date parse(String text) {
        try {
            if (text.length() == 10) {
                return Date.from(
                        LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            return Date.from(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO 8601 date: " + text, e);
        }
    }

    /** The form OSS returns ({@code 2026-01-01T00:00:00.000Z}); the planner compares it to a day by meaning. */
    static String format(Date date) {
        return ISO_MILLIS.format(date.toInstant());
    }
}
