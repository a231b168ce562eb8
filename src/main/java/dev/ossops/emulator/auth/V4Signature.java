package dev.ossops.emulator.auth;

import dev.ossops.common.Digests;
import org.jspecify.annotations.Nullable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * OSS signature version 4 (OSS4-HMAC-SHA256): a canonical request of method, URI-encoded
 * resource, every query parameter, the signed headers ({@code content-type}, {@code content-md5},
 * {@code x-oss-*} and the additional headers), and the payload hash; signed with a key derived
 * from {@code "aliyun_v4" + secret}, date, region, {@code oss} and {@code aliyun_v4_request}.
 */
public final class V4Signature {
    public static final String ALGORITHM = "OSS4-HMAC-SHA256";
    public static final String TERMINATOR = "aliyun_v4_request";
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private V4Signature() {}

    /**
     * @param additionalHeaders lower-cased names listed in AdditionalHeaders, sorted
     * @param excludedParameter the query parameter that carries the signature itself, or null
     */
    public static String canonicalRequest(
            SignableRequest request,
            Set<String> additionalHeaders,
            @Nullable String excludedParameter,
            String hashedPayload) {
        StringBuilder out = new StringBuilder();
        out.append(request.method()).append('\n');
        out.append(encode(request.resourcePath()).replace("%2F", "/")).append('\n');
        TreeMap<String, String> params = new TreeMap<>();
        for (Map.Entry<String, String> p : request.query()) {
            if (!p.getKey().equals(excludedParameter)) {
                params.put(
                        encode(p.getKey().trim()),
                        p.getValue() == null ? "" : encode(p.getValue().trim()));
            }
        }
        String separator = "";
        for (Map.Entry<String, String> p : params.entrySet()) {
            out.append(separator).append(p.getKey());
            if (!p.getValue().isEmpty()) {
                out.append('=').append(p.getValue());
            }
            separator = "&";
        }
        out.append('\n');
        TreeMap<String, String> headers = new TreeMap<>();
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            String name = h.getKey();
            if (name.equals("content-type")
                    || name.equals("content-md5")
                    || name.startsWith("x-oss-")
                    || additionalHeaders.contains(name)) {
                headers.put(name, h.getValue().trim());
            }
        }
        headers.forEach((k, v) -> out.append(k).append(':').append(v).append('\n'));
        out.append('\n');
        out.append(String.join(";", additionalHeaders)).append('\n');
        out.append(hashedPayload);
        return out.toString();
    }

    public static String stringToSign(String dateTime, String scope, String canonicalRequest) {
        return ALGORITHM + "\n" + dateTime + "\n" + scope + "\n" + Digests.sha256Hex(canonicalRequest);
    }

    public static String sign(String secret, String date, String region, String product, String stringToSign) {
        byte[] key = Digests.hmac(Digests.HMAC_SHA256, ("aliyun_v4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = Digests.hmac(Digests.HMAC_SHA256, key, region);
        key = Digests.hmac(Digests.HMAC_SHA256, key, product);
        key = Digests.hmac(Digests.HMAC_SHA256, key, TERMINATOR);
        return HexFormat.of().formatHex(Digests.hmac(Digests.HMAC_SHA256, key, stringToSign));
    }

    /** URL encoding as the SDKs do it for V4: RFC 3986 unreserved characters kept, space as %20. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
