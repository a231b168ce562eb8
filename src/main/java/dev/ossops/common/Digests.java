package dev.ossops.common;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The digests and HMACs that signatures, file names and fingerprints use, over UTF-8 text. */
public final class Digests {
    public static final String HMAC_SHA1 = "HmacSHA1";
    public static final String HMAC_SHA256 = "HmacSHA256";

    private Digests() {}

    /** The HMAC of {@code data} (UTF-8) under {@code key}; {@code algorithm} is {@link #HMAC_SHA1} or {@link #HMAC_SHA256}. */
    public static byte[] hmac(String algorithm, byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // HmacSHA1 and HmacSHA256 are required of every Java platform (javax.crypto.Mac javadoc).
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    /** SHA-256 of {@code text} (UTF-8). */
    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest javadoc).
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** SHA-256 of {@code text} (UTF-8) as 64 lower-case hex digits. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }
}
