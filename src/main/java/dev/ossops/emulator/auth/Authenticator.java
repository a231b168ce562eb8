package dev.ossops.emulator.auth;

import dev.ossops.common.AccessKeys;
import dev.ossops.emulator.error.OssError;
import dev.ossops.emulator.error.OssException;
import dev.ossops.emulator.rpc.Credential;
import dev.ossops.emulator.rpc.CredentialLookup;
import dev.ossops.emulator.rpc.CredentialRefusal;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Verifies the six ways OSS requests are signed (V1, V2 and V4, header and presigned query) and
 * returns who sent the request. Unsigned requests are anonymous; whether they may proceed is
 * for the access checks of the service layer to decide.
 */
public final class Authenticator {
    /** OSS refuses header-signed requests whose time is more than 15 minutes off. */
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    /** The longest a V4 presigned URL lives: 7 days (OSS troubleshooting page 0002-00000232). */
    static final long MAX_V4_EXPIRES_SECONDS = 604_800;
    /**
     * An OSS region id as a V4 credential scope names it: lower-case words joined by hyphens
     * ({@code cn-hangzhou}, {@code ap-southeast-1}, {@code cn-shanghai-finance-1}), never the endpoint
     * form {@code oss-cn-hangzhou} (page 0002-00000226).
     */
    private static final java.util.regex.Pattern REGION_ID =
            java.util.regex.Pattern.compile("(?!oss-)[a-z]{2,}(-[a-z0-9]+){1,4}");

    private static final DateTimeFormatter V4_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter V4_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /*
     * The last x-oss-date parsed and the last scope date found valid: nearly every request repeats
     * them, and parsing them was 4% of a small PUT's CPU. A string that parsed once parses the same.
     * They start with valid values, so nothing invalid is ever taken as already checked.
     */
    private static volatile ParsedDateTime lastV4DateTime = new ParsedDateTime("19700101T000000Z", Instant.EPOCH);
    private static volatile String lastScopeDate = "19700101";

    private record ParsedDateTime(String text, Instant time) {}

    /** The keys an OSS2 Authorization header may carry. */
    private static final Set<String> V2_FIELDS = Set.of("AccessKeyId", "AdditionalHeaders", "Signature");

    private final CredentialLookup credentials;
    private final Clock clock;

    public Authenticator(CredentialLookup credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    public Caller authenticate(SignableRequest request) {
        Optional<String> authorization = request.header("authorization");
        if (authorization.isPresent()) {
            String value = authorization.get();
            if (value.startsWith("OSS ")) {
                return v1Header(request, value.substring(4));
            }
            if (value.startsWith(V4Signature.ALGORITHM + " ")) {
                return v4Header(request, value.substring(V4Signature.ALGORITHM.length() + 1));
            }
            if (value.startsWith(V2Signature.PREFIX + " ")) {
                return v2Header(request, value.substring(V2Signature.PREFIX.length() + 1));
            }
            throw new OssException(OssError.INVALID_AUTHORIZATION);
        }
        if (request.hasQueryParameter("OSSAccessKeyId")) {
            return v1Query(request);
        }
        if (V2Signature.PREFIX.equals(
                request.queryParameter("x-oss-signature-version").orElse(null))) {
            return v2Query(request);
        }
        if (request.hasQueryParameter("x-oss-signature-version") || request.hasQueryParameter("x-oss-credential")) {
            return v4Query(request);
        }
        return Caller.anonymous();
    }

    private Caller v1Header(SignableRequest request, String credential) {
        int colon = credential.lastIndexOf(':');
        if (colon <= 0) {
            throw new OssException(OssError.INVALID_AUTHORIZATION);
        }
        String keyId = credential.substring(0, colon).trim();
        String provided = credential.substring(colon + 1).trim();
        checkSkew(v1RequestTime(request));
        Credential key = lookup(keyId);
        checkState(key, request.header("x-oss-security-token"));
        String stringToSign = V1Signature.stringToSign(
                request,
                request.header("date").or(() -> request.header("x-oss-date")).orElse(""));
        if (!Crypto.same(V1Signature.sign(key.secret(), stringToSign), provided)) {
            throw v1Mismatch(keyId, provided, redact(stringToSign, request));
        }
        return Caller.of(key);
    }

    private Caller v1Query(SignableRequest request) {
        String keyId = request.queryParameter("OSSAccessKeyId").orElse("");
        String expires = request.queryParameter("Expires").orElse("");
        String provided = request.queryParameter("Signature").orElse("");
        if (expires.isEmpty() || provided.isEmpty()) {
            throw new OssException(
                    OssError.ACCESS_DENIED,
                    "Query-string authentication requires the Signature, Expires and OSSAccessKeyId parameters");
        }
        // Seconds since the epoch; a value no long holds is as invalid as letters (page 0002-00000070).
        long expiry = seconds(expires, 19).orElseThrow(() -> new OssException(OssError.INVALID_EXPIRES));
        checkExpiry(expiry);
        Credential key = lookup(keyId);
        checkState(key, request.queryParameter("security-token"));
        String stringToSign = V1Signature.stringToSign(request, expires);
        if (!Crypto.same(V1Signature.sign(key.secret(), stringToSign), provided)) {
            throw v1Mismatch(keyId, provided, redact(stringToSign, request));
        }
        return Caller.of(key);
    }

    /**
     * {@code OSS2 AccessKeyId:<id>[,AdditionalHeaders:<a;b>],Signature:<sig>}; the SDK separates the
     * pairs with ", ", OSS's pages with ",". Each malformation answers the EC OSS's pages give it.
     */
    private Caller v2Header(SignableRequest request, String fields) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String field : fields.split(",", -1)) {
            String pair = field.trim();
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new OssException(
                        pair.isEmpty()
                                ? OssError.V2_AUTHORIZATION_MALFORMED
                                : OssError.V2_AUTHORIZATION_PAIR_MALFORMED);
            }
            String key = pair.substring(0, colon).trim();
            if (!V2_FIELDS.contains(key)
                    || pairs.put(key, pair.substring(colon + 1).trim()) != null) {
                throw new OssException(OssError.V2_AUTHORIZATION_MALFORMED);
            }
        }
        String keyId =
                required(pairs.get("AccessKeyId"), OssError.V2_ACCESS_KEY_ID_MISSING, OssError.V2_ACCESS_KEY_ID_EMPTY);
        String provided = required(pairs.get("Signature"), OssError.V2_SIGNATURE_MISSING, OssError.V2_SIGNATURE_EMPTY);
        SortedSet<String> additional = v2AdditionalHeaders(pairs.get("AdditionalHeaders"), true);
        checkSkew(v1RequestTime(request));
        Credential key = lookup(keyId);
        checkState(key, request.header("x-oss-security-token"));
        return v2Verify(request, key, keyId, request.header("date").orElse(null), additional, null, provided);
    }

    /**
     * A presigned V2 URL: {@code x-oss-signature-version=OSS2}, {@code x-oss-access-key-id},
     * {@code x-oss-expires} (epoch seconds, which also stands where the Date header is signed),
     * optional {@code x-oss-additional-headers}, and {@code x-oss-signature} over all the others.
     */
    private Caller v2Query(SignableRequest request) {
        String keyId = required(
                request.queryParameter("x-oss-access-key-id").orElse(null),
                OssError.V2_QUERY_ACCESS_KEY_ID_MISSING,
                OssError.V2_QUERY_ACCESS_KEY_ID_EMPTY);
        String expires = request.queryParameter("x-oss-expires")
                .orElseThrow(() -> new OssException(OssError.V2_QUERY_EXPIRES_MISSING));
        String provided = required(
                request.queryParameter("x-oss-signature").orElse(null),
                OssError.V2_QUERY_SIGNATURE_MISSING,
                OssError.V2_QUERY_SIGNATURE_EMPTY);
        // Seconds since the epoch, held to V1's rule (page 0002-00000070).
        long expiry = seconds(expires, 19).orElseThrow(() -> new OssException(OssError.V2_QUERY_EXPIRES_INVALID));
        checkExpiry(expiry);
        SortedSet<String> additional = v2AdditionalHeaders(
                request.queryParameter("x-oss-additional-headers").orElse(null), false);
        Credential key = lookup(keyId);
        checkState(key, request.queryParameter("security-token"));
        return v2Verify(request, key, keyId, expires, additional, "x-oss-signature", provided);
    }

    private Caller v2Verify(
            SignableRequest request,
            Credential key,
            String keyId,
            @Nullable String dateOrExpires,
            Set<String> additional,
            @Nullable String signatureParameter,
            String provided) {
        for (String name : additional) {
            if (request.header(name).isEmpty()) {
                throw new OssException(OssError.V2_ADDITIONAL_HEADER_ABSENT);
            }
        }
        String stringToSign = V2Signature.stringToSign(request, dateOrExpires, additional, signatureParameter);
        String sdkForm = V2Signature.stringToSign(
                request, dateOrExpires, additional, signatureParameter, V2Signature.Encoding.JAVA_SDK);
        if (!Crypto.same(V2Signature.sign(key.secret(), stringToSign), provided)
                && (sdkForm.equals(stringToSign) || !Crypto.same(V2Signature.sign(key.secret(), sdkForm), provided))) {
            String shown = redact(stringToSign, request);
            throw new OssException(
                            OssError.SIGNATURE_DOES_NOT_MATCH,
                            OssError.SIGNATURE_DOES_NOT_MATCH.defaultMessage(),
                            details(keyId, provided, shown))
                    .with("StringToSignBytes", Crypto.spacedHex(shown));
        }
        return Caller.of(key);
    }

    /** A field that must be present and not empty, with the EC of each failure. */
    private static String required(@Nullable String value, OssError missing, OssError empty) {
        if (value == null) {
            throw new OssException(missing);
        }
        if (value.isEmpty()) {
            throw new OssException(empty);
        }
        return value;
    }

    /** V2's AdditionalHeaders: names without empty entries; in the header an empty list is an error of its own. */
    private static SortedSet<String> v2AdditionalHeaders(@Nullable String list, boolean header) {
        if (list == null) {
            return new TreeSet<>();
        }
        if (header && list.isEmpty()) {
            throw new OssException(OssError.V2_ADDITIONAL_HEADERS_EMPTY);
        }
        TreeSet<String> names = new TreeSet<>();
        for (String name : list.split(";", -1)) {
            if (name.isBlank()) {
                throw new OssException(OssError.V2_ADDITIONAL_HEADER_NAME_EMPTY);
            }
            names.add(name.trim().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private Caller v4Header(SignableRequest request, String fields) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String field : fields.split(",", -1)) {
            int eq = field.indexOf('=');
            if (eq <= 0) {
                throw new OssException(OssError.INVALID_AUTHORIZATION);
            }
            parts.put(field.substring(0, eq).trim(), field.substring(eq + 1).trim());
        }
        String credential = parts.get("Credential");
        String provided = parts.get("Signature");
        if (credential == null || provided == null) {
            throw new OssException(OssError.INVALID_AUTHORIZATION);
        }
        Scope scope = Scope.parse(credential, OssError.INVALID_SIGNING_REGION);
        String dateTime = request.header("x-oss-date")
                .orElseThrow(() -> new OssException(OssError.ACCESS_DENIED, "Missing x-oss-date header."));
        Instant time = parseV4(dateTime);
        checkSkew(time);
        checkScopeDate(scope, time);
        Credential key = lookup(scope.keyId());
        checkState(key, request.header("x-oss-security-token"));
        String payload = request.header("x-oss-content-sha256")
                .orElseThrow(() -> new OssException(OssError.INVALID_ARGUMENT, "Missing x-oss-content-sha256 header."));
        SortedSet<String> additional = additionalHeaders(parts.get("AdditionalHeaders"));
        String canonical = V4Signature.canonicalRequest(request, additional, null, payload);
        return v4Verify(request, key, scope, dateTime, canonical, provided);
    }

    private Caller v4Query(SignableRequest request) {
        String credential = request.queryParameter("x-oss-credential").orElse("");
        String provided = request.queryParameter("x-oss-signature").orElse("");
        String dateTime = request.queryParameter("x-oss-date").orElse("");
        String expires = request.queryParameter("x-oss-expires").orElse("");
        if (!V4Signature.ALGORITHM.equals(
                        request.queryParameter("x-oss-signature-version").orElse(""))
                || credential.isEmpty()
                || provided.isEmpty()
                || dateTime.isEmpty()
                || expires.isEmpty()) {
            throw new OssException(
                    OssError.ACCESS_DENIED,
                    "Query-string authentication requires the x-oss-signature-version, x-oss-credential, x-oss-date, x-oss-expires and x-oss-signature parameters");
        }
        Scope scope = Scope.parse(credential, OssError.INVALID_PRESIGNED_SIGNING_REGION);
        Instant time = parseV4(dateTime);
        long seconds = seconds(expires, 6)
                .filter(s -> s >= 1 && s <= MAX_V4_EXPIRES_SECONDS)
                .orElseThrow(() -> new OssException(OssError.INVALID_V4_EXPIRES));
        // The URL is valid from its x-oss-date, less 15 minutes of clock skew (page 0002-00000235), for
        // x-oss-expires seconds: a later x-oss-date cannot make it live beyond 7 days and 15 minutes.
        if (time.isAfter(clock.instant().plus(MAX_SKEW))) {
            throw new OssException(OssError.REQUEST_NOT_YET_VALID);
        }
        checkExpiry(time.getEpochSecond() + seconds);
        checkScopeDate(scope, time);
        Credential key = lookup(scope.keyId());
        // SDK 3.18 presigns V4 with x-oss-security-token; older signers used security-token.
        checkState(
                key, request.queryParameter("x-oss-security-token").or(() -> request.queryParameter("security-token")));
        SortedSet<String> additional = additionalHeaders(
                request.queryParameter("x-oss-additional-headers").orElse(null));
        String canonical =
                V4Signature.canonicalRequest(request, additional, "x-oss-signature", V4Signature.UNSIGNED_PAYLOAD);
        return v4Verify(request, key, scope, dateTime, canonical, provided);
    }

    private Caller v4Verify(
            SignableRequest request, Credential key, Scope scope, String dateTime, String canonical, String provided) {
        String stringToSign = V4Signature.stringToSign(dateTime, scope.text(), canonical);
        String expected = V4Signature.sign(key.secret(), scope.date(), scope.region(), scope.product(), stringToSign);
        if (!Crypto.same(expected, provided)) {
            throw new OssException(
                            OssError.SIGNATURE_DOES_NOT_MATCH,
                            OssError.SIGNATURE_DOES_NOT_MATCH.defaultMessage(),
                            details(scope.keyId(), provided, redact(stringToSign, request)))
                    .with("CanonicalRequest", redact(canonical, request));
        }
        return Caller.signedFor(key, scope.region());
    }

    private static SortedSet<String> additionalHeaders(@Nullable String list) {
        TreeSet<String> names = new TreeSet<>();
        if (list != null) {
            for (String name : list.split(";", -1)) {
                if (!name.isBlank()) {
                    names.add(name.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private Credential lookup(String keyId) {
        return credentials
                .find(keyId)
                .orElseThrow(() -> new OssException(
                        OssError.INVALID_ACCESS_KEY_ID,
                        OssError.INVALID_ACCESS_KEY_ID.defaultMessage(),
                        Map.of("OSSAccessKeyId", AccessKeys.mask(keyId))));
    }

    /**
     * Disabled keys, STS keys without their own token and expired STS keys are refused before the
     * signature is checked, with the codes OSS answers; permanent keys ignore a token.
     */
    private void checkState(Credential key, Optional<String> token) {
        checkUsable(key, token, clock.instant());
    }

    /**
     * Refuses a credential that may not sign at {@code now} (disabled, missing or wrong STS token,
     * expired), with OSS's codes; shared by header, presigned and PostObject form signatures.
     */
    public static void checkUsable(Credential key, Optional<String> token, Instant now) {
        Optional<CredentialRefusal> refusal = key.refusal(token.orElse(null), now);
        if (refusal.isPresent()) {
            throw switch (refusal.get()) {
                case INACTIVE ->
                    new OssException(
                            OssError.ACCESS_KEY_DISABLED,
                            OssError.ACCESS_KEY_DISABLED.defaultMessage(),
                            Map.of("OSSAccessKeyId", AccessKeys.mask(key.accessKeyId())));
                case SECURITY_TOKEN_MISSING, SECURITY_TOKEN_MISMATCH ->
                    new OssException(OssError.INVALID_SECURITY_TOKEN);
                case EXPIRED -> new OssException(OssError.SECURITY_TOKEN_EXPIRED);
            };
        }
    }

    private Instant v1RequestTime(SignableRequest request) {
        Optional<String> ossDate = request.header("x-oss-date");
        String value = ossDate.or(() -> request.header("date"))
                .orElseThrow(() -> new OssException(OssError.ACCESS_DENIED, "Missing Date Header."));
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new OssException(OssError.ACCESS_DENIED, "Invalid Date Header.");
        }
    }

    private static Instant parseV4(String dateTime) {
        ParsedDateTime last = lastV4DateTime;
        if (last.text().equals(dateTime)) {
            return last.time();
        }
        try {
            Instant time = ZonedDateTime.parse(dateTime, V4_DATE_TIME).toInstant();
            lastV4DateTime = new ParsedDateTime(dateTime, time);
            return time;
        } catch (DateTimeParseException e) {
            throw new OssException(OssError.INVALID_ARGUMENT, "Invalid x-oss-date: " + dateTime);
        }
    }

    private static void checkScopeDate(Scope scope, Instant time) {
        if (!V4_DATE.format(time).equals(scope.date())) {
            throw new OssException(OssError.INVALID_ARGUMENT, "Invalid signing date in Authorization header.");
        }
    }

    private void checkSkew(Instant requestTime) {
        Instant now = clock.instant();
        if (Duration.between(requestTime, now).abs().compareTo(MAX_SKEW) > 0) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("RequestTime", ISO.format(requestTime));
            details.put("ServerTime", ISO.format(now));
            details.put("MaxAllowedSkewMilliseconds", Long.toString(MAX_SKEW.toMillis()));
            throw new OssException(
                    OssError.REQUEST_TIME_TOO_SKEWED, OssError.REQUEST_TIME_TOO_SKEWED.defaultMessage(), details);
        }
    }

    /** {@code expirySeconds} since the epoch; an expired request's expiry is in the past, so it is a valid instant. */
    private void checkExpiry(long expirySeconds) {
        Instant now = clock.instant();
        if (now.getEpochSecond() > expirySeconds) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("Expires", ISO.format(Instant.ofEpochSecond(expirySeconds)));
            details.put("ServerTime", ISO.format(now));
            throw new OssException(OssError.REQUEST_EXPIRED, OssError.REQUEST_EXPIRED.defaultMessage(), details);
        }
    }

    /** A count of seconds in at most {@code maxDigits} decimal digits, no sign; empty otherwise. */
    private static Optional<Long> seconds(String value, int maxDigits) {
        if (!value.matches("[0-9]{1," + maxDigits + "}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Error bodies show the string to sign like OSS does, but an STS token that takes part in it
     * (header or query) is replaced, so error bodies and logs never carry it.
     */
    private static String redact(String text, SignableRequest request) {
        String result = text;
        for (String token : new String[] {
            request.header("x-oss-security-token").orElse(null),
            request.queryParameter("security-token").orElse(null),
            request.queryParameter("x-oss-security-token").orElse(null)
        }) {
            if (token != null && !token.isEmpty()) {
                result = result.replace(token, "****")
                        .replace(V4Signature.encode(token), "****")
                        .replace(V2Signature.encode(token), "****");
            }
        }
        return result;
    }

    private static OssException v1Mismatch(String keyId, String provided, String stringToSign) {
        return new OssException(
                        OssError.SIGNATURE_DOES_NOT_MATCH,
                        OssError.SIGNATURE_DOES_NOT_MATCH.defaultMessage(),
                        details(keyId, provided, stringToSign))
                .with("StringToSignBytes", Crypto.spacedHex(stringToSign));
    }

    private static Map<String, String> details(String keyId, String provided, String stringToSign) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("OSSAccessKeyId", AccessKeys.mask(keyId));
        details.put("SignatureProvided", provided);
        details.put("StringToSign", stringToSign);
        return details;
    }

    /**
     * The credential scope {@code keyId/yyyyMMdd/region/oss/aliyun_v4_request}. The region becomes the
     * location of a bucket the request creates, so it must be a region id.
     */
    record Scope(String keyId, String date, String region, String product) {
        static Scope parse(String credential, OssError invalidRegion) {
            String[] parts = credential.split("/", -1);
            if (parts.length != 5 || !V4Signature.TERMINATOR.equals(parts[4])) {
                throw new OssException(OssError.INVALID_ARGUMENT, "Invalid credential in Authorization header.");
            }
            if (!"oss".equals(parts[3])) {
                throw new OssException(OssError.V4_SIGNING_PRODUCT_INVALID);
            }
            if (!parts[1].equals(lastScopeDate)) {
                try {
                    LocalDate.parse(parts[1], DateTimeFormatter.BASIC_ISO_DATE);
                } catch (DateTimeParseException e) {
                    throw new OssException(OssError.INVALID_ARGUMENT, "Invalid credential in Authorization header.");
                }
                lastScopeDate = parts[1];
            }
            if (parts[2].length() > 64 || !REGION_ID.matcher(parts[2]).matches()) {
                // As OSS does (page 0002-00000715), with the key id masked like everywhere else.
                throw new OssException(invalidRegion)
                        .with("ArgumentName", "x-oss-credential")
                        .with("ArgumentValue", AccessKeys.mask(parts[0]) + credential.substring(parts[0].length()));
            }
            return new Scope(parts[0], parts[1], parts[2], parts[3]);
        }

        String text() {
            return date + "/" + region + "/" + product + "/" + V4Signature.TERMINATOR;
        }
    }
}
