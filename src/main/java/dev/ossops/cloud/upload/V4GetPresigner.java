package dev.ossops.cloud.upload;

import dev.ossops.cloud.credentials.CredentialSource;
import dev.ossops.cloud.credentials.Credentials;
import dev.ossops.common.Digests;
import dev.ossops.upload.Hmac;
import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Presigned GET URLs (V4, no content type, headers or sub-resources) exactly as the OSS SDK's
 * {@code generatePresignedUrl} writes them, for the URL on every line of a directory upload: the SDK
 * builds a request, two {@code SimpleDateFormat}s and a {@code MessageDigest} and derives the signing key
 * anew per URL, about an eighth of the client's CPU per small file. Here the signing key is kept for the
 * day and credentials it was made from. What this class would not write exactly as the SDK does (see
 * {@link #presign}) it declines, and the caller asks the SDK. {@code V4GetPresignerTest} compares the two.
 */
final class V4GetPresigner {
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern PLAIN_BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");
    /** The longest lifetime a V4 URL may have; the SDK's handling of longer ones is left to the SDK. */
    private static final long MAX_EXPIRES_SECONDS = 7 * 24 * 3600;

    private final String origin;
    private final boolean pathStyle;
    private final String region;
    private final CredentialSource credentials;
    private volatile @Nullable SigningKey lastKey;

    private V4GetPresigner(String origin, boolean pathStyle, String region, CredentialSource credentials) {
        this.origin = origin;
        this.pathStyle = pathStyle;
        this.region = region;
        this.credentials = credentials;
    }

    /**
     * A presigner matching an SDK client built by {@link dev.ossops.cloud.OssClients#create} on {@code endpoint}
     * ({@code pathStyle} when the bucket goes in the path, as with an endpoint override), or none for an endpoint
     * it does not cover.
     */
    static Optional<V4GetPresigner> of(URI endpoint, boolean pathStyle, String region, CredentialSource credentials) {
        String scheme = endpoint.getScheme();
        String host = endpoint.getHost();
        boolean plain = (Objects.equals(scheme, "http") || Objects.equals(scheme, "https"))
                && host != null
                && host.equals(host.toLowerCase(Locale.ROOT))
                && endpoint.getRawUserInfo() == null
                && (endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty())
                && endpoint.getRawQuery() == null
                && endpoint.getRawFragment() == null
                && !region.isEmpty()
                && region.equals(encode(region));
        if (!plain) {
            return Optional.empty();
        }
        String origin = scheme + "://" + host + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort());
        return Optional.of(new V4GetPresigner(origin, pathStyle, region, credentials));
    }

    /**
     * The URL for a GET of {@code key} until {@code expiration}, signed at {@code now}; empty where the SDK's
     * URL could differ or the SDK refuses the key: a bucket that is not a plain DNS name, a key that is empty or
     * over 1,023 bytes, starts with {@code /} or a backslash, holds an empty path segment, ends in {@code /}, or
     * holds control characters, surrogates or U+FFFE/U+FFFF, a lifetime
     * not between one second and seven days, or an empty security token.
     */
    Optional<String> presign(String bucket, String key, Instant expiration, Instant now) {
        long expires = (expiration.toEpochMilli() - now.toEpochMilli()) / 1000;
        if (expires < 1
                || expires > MAX_EXPIRES_SECONDS
                || !PLAIN_BUCKET.matcher(bucket).matches()
                || !plainKey(key)) {
            return Optional.empty();
        }
        Credentials c = credentials.resolve();
        Optional<String> token = c.securityToken();
        if (token.isPresent() && token.get().isEmpty()) {
            return Optional.empty();
        }
        String dateTime = DATE_TIME.format(now);
        String date = dateTime.substring(0, 8);
        String credential = c.accessKeyId() + "/" + date + "/" + region + "/oss/aliyun_v4_request";
        // The SDK's query order; the canonical request sorts the same parameters by name.
        StringBuilder query = new StringBuilder(256)
                .append("x-oss-date=")
                .append(dateTime)
                .append("&x-oss-expires=")
                .append(expires);
        token.ifPresent(t -> query.append("&x-oss-security-token=").append(encode(t)));
        query.append("&x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-credential=")
                .append(encode(credential));
        StringBuilder canonicalQuery = new StringBuilder(256)
                .append("x-oss-credential=")
                .append(encode(credential))
                .append("&x-oss-date=")
                .append(dateTime)
                .append("&x-oss-expires=")
                .append(expires);
        token.ifPresent(t -> canonicalQuery.append("&x-oss-security-token=").append(encode(t)));
        canonicalQuery.append("&x-oss-signature-version=OSS4-HMAC-SHA256");
        String canonicalRequest = "GET\n/" + bucket + "/" + encode(key).replace("%2F", "/") + "\n" + canonicalQuery
                + "\n\n\nUNSIGNED-PAYLOAD";
        String stringToSign = "OSS4-HMAC-SHA256\n" + dateTime + "\n" + date + "/" + region + "/oss/aliyun_v4_request\n"
                + Digests.sha256Hex(canonicalRequest);
        String signature =
                HexFormat.of().formatHex(Digests.hmac(Digests.HMAC_SHA256, signingKey(c, date), stringToSign));
        String path = pathEncode(key);
        String base = pathStyle
                ? origin + "/" + bucket + "/" + path
                : origin.replaceFirst("://", "://" + bucket + ".") + "/" + path;
        return Optional.of(base + "?" + query + "&x-oss-signature=" + signature);
    }

    /** The day's key for these credentials, derived once (four HMACs) rather than per URL. */
    private byte[] signingKey(Credentials c, String date) {
        SigningKey last = lastKey;
        if (last != null && last.date.equals(date) && last.secret.equals(c.accessKeySecret())) {
            return last.key;
        }
        byte[] key = Hmac.v4SigningKey(c.accessKeySecret(), date, region);
        lastKey = new SigningKey(date, c.accessKeySecret(), key);
        return key;
    }

    private static boolean plainKey(String key) {
        if (key.isEmpty()
                || key.startsWith("/")
                || key.startsWith("\\")
                || key.endsWith("/")
                || key.contains("//")
                || key.getBytes(StandardCharsets.UTF_8).length > 1023) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char ch = key.charAt(i);
            if (ch < 0x20 || ch == 0x7f || ch >= 0xfffe || Character.isSurrogate(ch)) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3986 percent-encoding of UTF-8: only letters, digits and {@code -_.~} stay. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    /** The key as the SDK writes it in a URL's path: as {@link #encode}, but {@code ~} encoded and {@code /} kept. */
    private static String pathEncode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%2F", "/");
    }

    /** No record: its generated {@code toString} would show the secret. */
    private static final class SigningKey {
        final String date;
        final String secret;
        final byte[] key;

        SigningKey(String date, String secret, byte[] key) {
            this.date = date;
            this.secret = secret;
            this.key = key;
        }

        @Override
        public String toString() {
            return "SigningKey[" + date + "]";
        }
    }
}
