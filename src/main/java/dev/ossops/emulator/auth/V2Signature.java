package dev.ossops.emulator.auth;

import dev.ossops.common.Digests;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * OSS signature version 2 ({@code OSS2}): HMAC-SHA256, base64, over VERB, Content-MD5,
 * Content-Type, Date (the expiry in seconds for a presigned URL), the sorted {@code x-oss-*} and
 * additional headers, the additional header names, and a canonical resource in which the path
 * and every query parameter are percent-encoded. Checked against the official Java SDK's V2
 * signer (the form its {@code SignVersion.V2} clients send) and OSS's "V2 signature" pages.
 */
public final class V2Signature {
    public static final String PREFIX = "OSS2";

    private V2Signature() {}

    /**
     * @param dateOrExpires     the Date header, or {@code x-oss-expires} for a presigned URL; null when the request has
     *                          no Date (the SDK then leaves the line out rather than signing it empty)
     * @param additionalHeaders lower-cased names listed in AdditionalHeaders
     * @param excludedParameter the query parameter that carries the signature itself, or null
     */
    public static String stringToSign(
            SignableRequest request,
            @Nullable String dateOrExpires,
            Set<String> additionalHeaders,
            @Nullable String excludedParameter) {
        return stringToSign(request, dateOrExpires, additionalHeaders, excludedParameter, Encoding.RFC_3986);
    }

    /** As above, with the resource and parameters encoded as {@code encoding} does it. */
    static String stringToSign(
            SignableRequest request,
            @Nullable String dateOrExpires,
            Set<String> additionalHeaders,
            @Nullable String excludedParameter,
            Encoding encoding) {
        StringBuilder out = new StringBuilder();
        out.append(request.method()).append('\n');
        out.append(request.header("content-md5").map(String::trim).orElse("")).append('\n');
        out.append(request.header("content-type").map(String::trim).orElse("")).append('\n');
        if (dateOrExpires != null) {
            out.append(dateOrExpires.trim()).append('\n');
        }
        TreeMap<String, String> signedHeaders = new TreeMap<>();
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            if (h.getKey().startsWith("x-oss-") || additionalHeaders.contains(h.getKey())) {
                signedHeaders.put(h.getKey(), h.getValue().trim());
            }
        }
        signedHeaders.forEach(
                (name, value) -> out.append(name).append(':').append(value).append('\n'));
        out.append(String.join(";", new TreeSet<>(additionalHeaders))).append('\n');
        out.append(canonicalizedResource(request, excludedParameter, encoding));
        return out.toString();
    }

    /** The encoded path, then every query parameter (encoded, sorted by encoded name; bare when the value is empty). */
    static String canonicalizedResource(
            SignableRequest request, @Nullable String excludedParameter, Encoding encoding) {
        TreeMap<String, String> params = new TreeMap<>();
        for (Map.Entry<String, String> p : request.query()) {
            if (!p.getKey().equals(excludedParameter)) {
                params.put(encoding.apply(p.getKey()), p.getValue() == null ? "" : encoding.apply(p.getValue()));
            }
        }
        StringBuilder out = new StringBuilder(encoding.apply(request.resourcePath()));
        char separator = '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            out.append(separator).append(p.getKey());
            if (!p.getValue().isEmpty()) {
                out.append('=').append(p.getValue());
            }
            separator = '&';
        }
        return out.toString();
    }

    public static String sign(String secret, String stringToSign) {
        return Base64.getEncoder()
                .encodeToString(
                        Digests.hmac(Digests.HMAC_SHA256, secret.getBytes(StandardCharsets.UTF_8), stringToSign));
    }

    /** Percent-encoding as the RFC 3986 form of {@link Encoding#RFC_3986}. */
    static String encode(String value) {
        return Encoding.RFC_3986.apply(value);
    }

    /**
     * How the canonical resource is percent-encoded: only {@code A-Z a-z 0-9 - _ . ~} stay, everything else (the
     * path's {@code /} too) becomes {@code %XX} of its UTF-8 bytes, upper-case. The official Java SDK's V2 encoder
     * differs for two rare inputs: it writes bytes below 0x10 with one hex digit ({@code %1} for U+0001) and each half
     * of a character outside the BMP as {@code ?} ({@code %3F}). OSS does not document which form it verifies, so
     * signatures in either form are accepted: the SDK's clients work, and so do signers that encode by the RFC.
     */
    enum Encoding {
        RFC_3986 {
            @Override
            String apply(String value) {
                StringBuilder out = new StringBuilder(value.length());
                for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
                    appendByte(out, b & 0xff, true);
                }
                return out.toString();
            }
        },
        JAVA_SDK {
            @Override
            String apply(String value) {
                StringBuilder out = new StringBuilder(value.length());
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    // A lone surrogate encodes to '?' in Java, which is what the SDK signs for each half of a pair.
                    for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
                        appendByte(out, b & 0xff, false);
                    }
                }
                return out.toString();
            }
        };

        abstract String apply(String value);

        private static void appendByte(StringBuilder out, int b, boolean twoDigits) {
            char c = (char) b;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                out.append(c);
            } else if (twoDigits || b >= 0x10) {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b, 16)));
            }
        }
    }
}
