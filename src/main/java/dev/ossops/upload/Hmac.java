package dev.ossops.upload;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/** HMAC as the OSS signatures use it. */
final class Hmac {
    private Hmac() {
    }

    static byte[] sha1(byte[] key, String data) {
        return mac("HmacSHA1", key, data);
    }

    static byte[] sha256(byte[] key, String data) {
        return mac("HmacSHA256", key, data);
    }

    private static byte[] mac(String algorithm, byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }

    /**
     * The OSS V4 signing key: HMAC-SHA256 chained over the date ({@code yyyyMMdd}), region,
     * {@code oss} and {@code aliyun_v4_request}, starting from {@code "aliyun_v4" + secret}.
     */
    static byte[] v4SigningKey(String accessKeySecret, String date, String region) {
        byte[] key = sha256(("aliyun_v4" + accessKeySecret).getBytes(StandardCharsets.UTF_8), date);
        key = sha256(key, region);
        key = sha256(key, "oss");
        return sha256(key, "aliyun_v4_request");
    }
}
