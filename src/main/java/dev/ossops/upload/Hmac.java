package dev.ossops.upload;

import dev.ossops.common.Digests;

import java.nio.charset.StandardCharsets;

/** HMAC as the OSS signatures use it (post policies here, presigned URLs in the cloud gateway). */
public final class Hmac {
    private Hmac() {}

    static byte[] sha1(byte[] key, String data) {
        return Digests.hmac(Digests.HMAC_SHA1, key, data);
    }

    static byte[] sha256(byte[] key, String data) {
        return Digests.hmac(Digests.HMAC_SHA256, key, data);
    }

    /**
     * The OSS V4 signing key: HMAC-SHA256 chained over the date ({@code yyyyMMdd}), region,
     * {@code oss} and {@code aliyun_v4_request}, starting from {@code "aliyun_v4" + secret}.
     */
    public static byte[] v4SigningKey(String accessKeySecret, String date, String region) {
        byte[] key = sha256(("aliyun_v4" + accessKeySecret).getBytes(StandardCharsets.UTF_8), date);
        key = sha256(key, region);
        key = sha256(key, "oss");
        return sha256(key, "aliyun_v4_request");
    }
}
