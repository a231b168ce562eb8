package dev.ossops.emulator.rpc;

import dev.ossops.common.Digests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * POP signature version 1.0 (HMAC-SHA1): the string to sign is
 * {@code METHOD&%2F&percentEncode(sorted k=v pairs)} over every parameter but {@code Signature},
 * the key is {@code secret + "&"}, the signature base64.
 */
public final class RpcSignature {
    private RpcSignature() {}

    /** RFC 3986 encoding as the SDK's {@code AcsURLEncoder.percentEncode} produces it. */
    public static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    public static String stringToSign(String method, Map<String, String> parameters) {
        StringJoiner canonical = new StringJoiner("&");
        new TreeMap<>(parameters).forEach((name, value) -> {
            if (!"Signature".equals(name)) {
                canonical.add(percentEncode(name) + "=" + percentEncode(value));
            }
        });
        return method + "&" + percentEncode("/") + "&" + percentEncode(canonical.toString());
    }

    public static String sign(String stringToSign, String secret) {
        return Base64.getEncoder()
                .encodeToString(
                        Digests.hmac(Digests.HMAC_SHA1, (secret + "&").getBytes(StandardCharsets.UTF_8), stringToSign));
    }

    /** Constant-time comparison, so timing does not reveal how much of a guess was right. */
    public static boolean matches(String expected, String presented) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
