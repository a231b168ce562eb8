package dev.ossops.emulator.cdn;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * URL authentication ({@code aliauth}) as the CDN documents types A, B and C; a signed URL is valid
 * until its timestamp plus {@code ali_auth_delta} seconds, and either key ({@code auth_key1}, the backup
 * {@code auth_key2}) may have signed it. What passes is the URL the edge fetches: the signature taken off
 * (the {@code auth_key} parameter of type A, the path prefix of types B and C), as the CDN strips it
 * before going back to origin.
 * <ul>
 *   <li>A: {@code /path?auth_key=<timestamp>-<rand>-<uid>-<md5("/path-timestamp-rand-uid-key")>}, timestamp
 *       in decimal Unix seconds;</li>
 *   <li>B: {@code /<YYYYMMDDHHMM>/<md5(key + YYYYMMDDHHMM + "/path")>/path}, the time in UTC+8;</li>
 *   <li>C: {@code /<md5(key + "/path" + hexTimestamp)>/<hexTimestamp>/path}, hexadecimal Unix seconds.</li>
 * </ul>
 * Type F and type C's second form (query parameters with names chosen in the console) are not served:
 * the domain config carries no parameter names, so a request for such a domain is refused.
 */
public final class UrlAuth {
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,12}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,12}");
    private static final Pattern B_TIME = Pattern.compile("\\d{12}");
    private static final DateTimeFormatter B_FORMAT = DateTimeFormatter.ofPattern("uuuuMMddHHmm", Locale.ROOT);
    /** Type B's timestamp is Beijing time. */
    private static final ZoneOffset UTC8 = ZoneOffset.ofHours(8);

    private final String type;
    private final List<String> keys;
    private final long deltaSeconds;

    /**
     * @param type         {@code type_a}, {@code type_b}, {@code type_c} or {@code type_f}
     * @param key1         the primary key
     * @param key2         the backup key, or null
     * @param deltaSeconds {@code ali_auth_delta}
     */
    public UrlAuth(String type, String key1, @Nullable String key2, long deltaSeconds) {
        this.type = type;
        List<String> k = new ArrayList<>();
        k.add(key1);
        if (key2 != null && !key2.isEmpty()) {
            k.add(key2);
        }
        this.keys = List.copyOf(k);
        this.deltaSeconds = deltaSeconds;
    }

    /** The outcome: the URL to fetch (path still percent-encoded as received, query without the signature), or why not. */
    public record Verdict(
            boolean passed,
            @Nullable String path,
            @Nullable String query,
            @Nullable String reason) {
        static Verdict pass(String path, @Nullable String query) {
            return new Verdict(true, path, query, null);
        }

        static Verdict fail(String reason) {
            return new Verdict(false, null, null, reason);
        }
    }

    /**
     * @param rawPath  the request path as received (percent-encoded); the signature covers it as sent
     * @param rawQuery the query as received, or null
     */
    public Verdict verify(String rawPath, @Nullable String rawQuery, Instant now) {
        return switch (type) {
            case "type_a" -> typeA(rawPath, rawQuery, now);
            case "type_b" -> typeB(rawPath, rawQuery, now);
            case "type_c" -> typeC(rawPath, rawQuery, now);
            default -> Verdict.fail("URL authentication " + type + " is not supported by the emulator's edge");
        };
    }

    private Verdict typeA(String path, @Nullable String query, Instant now) {
        List<String> rest = new ArrayList<>();
        String authKey = null;
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&", -1)) {
                if (pair.startsWith("auth_key=")) {
                    if (authKey != null) {
                        return Verdict.fail("URL authentication failed: auth_key appears more than once");
                    }
                    authKey = pair.substring("auth_key=".length());
                } else if (!pair.isEmpty()) {
                    rest.add(pair);
                }
            }
        }
        if (authKey == null) {
            return Verdict.fail("URL authentication failed: the request has no auth_key");
        }
        String[] parts = authKey.split("-", -1);
        if (parts.length != 4
                || !DECIMAL.matcher(parts[0]).matches()
                || !MD5.matcher(parts[3]).matches()) {
            return Verdict.fail("URL authentication failed: auth_key is not <timestamp>-<rand>-<uid>-<md5hash>");
        }
        Optional<Verdict> expired = expired(Long.parseLong(parts[0]), now);
        if (expired.isPresent()) {
            return expired.get();
        }
        String prefix = path + "-" + parts[0] + "-" + parts[1] + "-" + parts[2] + "-";
        if (keys.stream().noneMatch(k -> md5(prefix + k).equals(parts[3]))) {
            return Verdict.fail("URL authentication failed: the md5hash does not match");
        }
        return Verdict.pass(path, rest.isEmpty() ? null : String.join("&", rest));
    }

    private Verdict typeB(String path, @Nullable String query, Instant now) {
        String[] parts = path.split("/", 4);
        if (parts.length < 4
                || !B_TIME.matcher(parts[1]).matches()
                || !MD5.matcher(parts[2]).matches()) {
            return Verdict.fail("URL authentication failed: the path is not /<YYYYMMDDHHMM>/<md5hash>/<file>");
        }
        long seconds;
        try {
            seconds = LocalDateTime.parse(parts[1], B_FORMAT).toEpochSecond(UTC8);
        } catch (DateTimeParseException e) {
            return Verdict.fail("URL authentication failed: " + parts[1] + " is not a time YYYYMMDDHHMM");
        }
        Optional<Verdict> expired = expired(seconds, now);
        if (expired.isPresent()) {
            return expired.get();
        }
        String file = "/" + parts[3];
        if (keys.stream().noneMatch(k -> md5(k + parts[1] + file).equals(parts[2]))) {
            return Verdict.fail("URL authentication failed: the md5hash does not match");
        }
        return Verdict.pass(file, query);
    }

    private Verdict typeC(String path, @Nullable String query, Instant now) {
        String[] parts = path.split("/", 4);
        if (parts.length < 4
                || !MD5.matcher(parts[1]).matches()
                || !HEX.matcher(parts[2]).matches()) {
            return Verdict.fail("URL authentication failed: the path is not /<md5hash>/<hex timestamp>/<file>");
        }
        Optional<Verdict> expired = expired(Long.parseLong(parts[2], 16), now);
        if (expired.isPresent()) {
            return expired.get();
        }
        String file = "/" + parts[3];
        if (keys.stream().noneMatch(k -> md5(k + file + parts[2]).equals(parts[1]))) {
            return Verdict.fail("URL authentication failed: the md5hash does not match");
        }
        return Verdict.pass(file, query);
    }

    private Optional<Verdict> expired(long timestamp, Instant now) {
        if (now.getEpochSecond() > timestamp + deltaSeconds) {
            return Optional.of(Verdict.fail("URL authentication failed: the URL expired at "
                    + Instant.ofEpochSecond(timestamp + deltaSeconds)));
        }
        return Optional.empty();
    }

    static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }
}
